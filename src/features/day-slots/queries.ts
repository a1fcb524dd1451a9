import "server-only";
import { db } from "@/server/db";
import type { Actor } from "@/server/actor";
import { loadDaySlots } from "@/server/day-slots";
import { requireRoleForRead } from "@/server/security-events";
import { availabilityId, WEEKDAYS } from "@/lib/day-slots";

/**
 * The school's day as the admin edits it: every slot in the order of the day (retired ones too), its
 * year groups' own times, and how many pupils' free times and live pairings name it.
 */
export async function getSchoolDayForAdmin(actor: Actor) {
  await requireRoleForRead(actor, "ADMIN");
  const [slots, yearTimeRows] = await Promise.all([
    loadDaySlots(actor.schoolId, db, { includeArchived: true }),
    db.schoolSlotYearTime.findMany({ where: { schoolId: actor.schoolId }, select: { id: true, slotId: true, yearGroup: true } }),
  ]);
  const yearTimeId = (slotId: string, yearGroup: number) =>
    yearTimeRows.find((r) => r.slotId === slotId && r.yearGroup === yearGroup)?.id ?? "";
  const uses = await Promise.all(
    slots.map((slot) =>
      Promise.all([
        db.student.count({
          where: { schoolId: actor.schoolId, availability: { hasSome: WEEKDAYS.map((d) => availabilityId(d.weekday, slot.key)) } },
        }),
        db.pairing.count({ where: { schoolId: actor.schoolId, slotId: slot.id, status: { not: "ENDED" } } }),
      ]),
    ),
  );
  return slots.map((slot, i) => ({
    ...slot,
    yearTimes: slot.yearTimes.map((t) => ({ ...t, id: yearTimeId(slot.id, t.yearGroup) })),
    pupilCount: uses[i]![0],
    pairingCount: uses[i]![1],
  }));
}
