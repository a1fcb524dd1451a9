import "server-only";
import type { DaySlot } from "@/lib/day-slots";
import { db, type Db, type Tx } from "./db";

/** The school's day slots in the order the admin set, with their year groups' own times. */
export async function loadDaySlots(
  schoolId: string,
  client: Tx | Db = db,
  options: { includeArchived?: boolean } = {},
): Promise<DaySlot[]> {
  const rows = await client.schoolSlot.findMany({
    where: { schoolId, ...(options.includeArchived ? {} : { archivedAt: null }) },
    orderBy: [{ sortOrder: "asc" }, { startTime: "asc" }],
    select: {
      id: true,
      key: true,
      name: true,
      startTime: true,
      endTime: true,
      archivedAt: true,
      yearTimes: { orderBy: { yearGroup: "asc" }, select: { yearGroup: true, startTime: true, endTime: true } },
    },
  });
  return rows.map(({ archivedAt, ...r }) => ({ ...r, isArchived: archivedAt !== null }));
}
