import "server-only";
import { db } from "@/server/db";
import type { Actor } from "@/server/actor";
import { loadDaySlots } from "@/server/day-slots";
import { loadSchedules } from "@/server/schedules";
import { notFoundFor, requireRoleForRead } from "@/server/security-events";
import { addDaysIso, fromDbDate, todayIn } from "@/lib/dates";
import { occurrencesBetween } from "@/lib/occurrences";
import { meetingOf } from "./words";
import { LIVE_MEMBERSHIP } from "@/server/account-access";

/**
 * A pairing's regular slot for the coordinator: the slot form's values and choices, the meetings
 * coming up (with any moved), and the moves and cancellations still ahead.
 */
export async function getPairingScheduleForStaff(actor: Actor, pairingId: string, now: Date = new Date()) {
  await requireRoleForRead(actor, "COORDINATOR");
  const pairing = await db.pairing.findFirst({
    where: { schoolId: actor.schoolId, id: pairingId },
    select: {
      id: true,
      status: true,
      slotWeekday: true,
      slotId: true,
      slotPlace: true,
      slotMinutes: true,
      slotCadence: true,
      slotWeek: true,
      supervisorId: true,
      programme: { select: { sessionMinutes: true, cadence: true, defaultWeekday: true, defaultSlotId: true, defaultPlace: true } },
    },
  });
  if (!pairing) return notFoundFor(actor, "Pairing", pairingId);
  const today = todayIn(actor.timezone, now);
  const [daySlots, staff, { calendar, schedules }, changes] = await Promise.all([
    loadDaySlots(actor.schoolId, db, { includeArchived: true }),
    db.membership.findMany({
      where: { schoolId: actor.schoolId, ...LIVE_MEMBERSHIP },
      orderBy: { user: { name: "asc" } },
      select: { userId: true, user: { select: { name: true } } },
    }),
    loadSchedules(actor.schoolId, [pairing.id], db, now),
    db.occurrenceException.findMany({
      where: { schoolId: actor.schoolId, pairingId: pairing.id, originalOn: { gte: new Date(`${addDaysIso(today, -14)}T00:00:00Z`) } },
      orderBy: { originalOn: "asc" },
      select: { originalOn: true, change: true, movedTo: true, startTime: true, place: true, reason: true },
    }),
  ]);
  const schedule = schedules.get(pairing.id);
  const upcoming =
    schedule?.slot && pairing.status !== "ENDED"
      ? occurrencesBetween(schedule.slot, calendar, today, addDaysIso(today, 70), {
          skips: schedule.skips,
          exceptions: schedule.exceptions,
        })
          .filter((o) => o.endsAt > now)
          .slice(0, 6)
          .map((o) => meetingOf(o, schedule.slotName ?? ""))
      : [];
  return {
    pairingId: pairing.id,
    status: pairing.status,
    // The form starts from the pairing's slot, else the programme's default.
    values: {
      weekday: pairing.slotWeekday ?? pairing.programme.defaultWeekday ?? null,
      slotId: pairing.slotId ?? pairing.programme.defaultSlotId ?? null,
      place: pairing.slotId ? pairing.slotPlace : pairing.programme.defaultPlace,
      minutes: pairing.slotMinutes ?? pairing.programme.sessionMinutes,
      cadence: pairing.slotCadence ?? pairing.programme.cadence,
      week: pairing.slotWeek,
      supervisorId: pairing.supervisorId,
    },
    hasSlot: Boolean(schedule?.slot),
    slotName: schedule?.slotName ?? null,
    hasTwoWeekTimetable: calendar.weekAStarts.length > 0,
    daySlots: daySlots
      .filter((s) => !s.isArchived || s.id === pairing.slotId)
      .map((s) => ({ id: s.id, name: s.name, times: `${s.startTime} to ${s.endTime}`, isArchived: s.isArchived })),
    staff: staff.map((m) => ({ userId: m.userId, name: m.user.name })),
    upcoming,
    changes: changes.map((c) => ({
      originalOn: fromDbDate(c.originalOn),
      change: c.change,
      movedTo: c.movedTo ? fromDbDate(c.movedTo) : null,
      startTime: c.startTime,
      place: c.place,
      reason: c.reason,
    })),
  };
}
