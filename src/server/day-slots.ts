import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { freeTimeChoices, parseAvailabilityId, type DaySlot, type FreeTimeChoice } from "@/lib/day-slots";
import { yearGroupOn } from "@/lib/year-group";
import type { IsoDate } from "@/lib/dates";
import { db, type Db, type Tx } from "./db";
import { RuleError } from "./errors";

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

/** The free times a form offers a pupil (their year group's times; a retired slot only if they have it). */
export async function freeTimeChoicesFor(
  schoolId: string,
  pupil: { cohortYear: number; availability: readonly string[] },
  today: IsoDate,
  client: Tx | Db = db,
): Promise<FreeTimeChoice[]> {
  const slots = await loadDaySlots(schoolId, client, { includeArchived: true });
  return freeTimeChoices(pupil.availability, yearGroupOn(pupil.cohortYear, today), slots).map((t) => ({
    id: t.id,
    label: t.label,
    dayAndSlot: t.dayAndSlot,
    when: t.when,
    weekday: t.weekday,
    isRetired: t.isRetired,
  }));
}

export const FREE_TIME_REFUSED = "Choose from the times shown.";

/**
 * Free times a pupil may save (ADR 014): each names one of the school's slots that is offered, or a
 * retired one the pupil already had. The slots read are share-locked, so a slot retired at the same
 * moment is either seen as retired or retired only after this save.
 */
export async function requireSchoolFreeTimes(tx: Tx, schoolId: string, chosen: readonly string[], alreadyHad: readonly string[]) {
  if (chosen.length === 0) return;
  const parsed = chosen.map((id) => ({ id, parsed: parseAvailabilityId(id) }));
  if (parsed.some((p) => !p.parsed)) throw new RuleError(FREE_TIME_REFUSED, { availability: [FREE_TIME_REFUSED] });
  const keys = [...new Set(parsed.map((p) => p.parsed!.key))];
  const rows = await tx.$queryRaw<{ key: string; isRetired: boolean }[]>`
    SELECT "key", "archivedAt" IS NOT NULL AS "isRetired" FROM "SchoolSlot"
    WHERE "schoolId" = ${schoolId} AND "key" IN (${Prisma.join(keys)}) ORDER BY "id" FOR SHARE`;
  const retired = new Map(rows.map((r) => [r.key, r.isRetired]));
  const had = new Set(alreadyHad);
  for (const { id, parsed: p } of parsed) {
    const isRetired = retired.get(p!.key);
    if (isRetired === undefined) throw new RuleError(FREE_TIME_REFUSED, { availability: [FREE_TIME_REFUSED] });
    if (isRetired && !had.has(id)) {
      const message = "One of these times is no longer offered. Choose from the times shown.";
      throw new RuleError(message, { availability: [message] });
    }
  }
}
