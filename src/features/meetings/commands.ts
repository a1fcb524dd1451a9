import "server-only";
import { defineCommand } from "@/server/command";
import { NotFoundError, RuleError } from "@/server/errors";
import type { Tx } from "@/server/db";
import { loadSchedules } from "@/server/schedules";
import { addDaysIso, formatStaffDate, fromDbDate, toDbDate, todayIn, type IsoDate } from "@/lib/dates";
import { isSchoolDay, occurrencesBetween, periodOf } from "@/lib/occurrences";
import { weekdayName } from "@/lib/day-slots";
import { notifyMeetingChanged, pupilDay } from "@/features/notifications/producers";
import { kickEmailDelivery } from "@/server/notification-email";
import { cancelOccurrenceSchema, moveOccurrenceSchema, setPairingSlotSchema, undoOccurrenceChangeSchema } from "./schemas";
import { LIVE_MEMBERSHIP } from "@/server/account-access";

const CHANGE_CONTENTION = "Someone else is changing this pairing at the same moment, so nothing was saved. Please try again.";

/** Locks a pairing that has not ended, so its slot and occurrences change one at a time. */
async function lockOpenPairing(tx: Tx, schoolId: string, pairingId: string) {
  const rows = await tx.$queryRaw<{ id: string; startsOn: Date; status: string }[]>`
    SELECT "id", "startsOn", "status"::text AS "status" FROM "Pairing"
    WHERE "id" = ${pairingId} AND "schoolId" = ${schoolId} AND "status" <> 'ENDED' FOR UPDATE`;
  if (rows.length === 0) throw new NotFoundError("pairing");
  return rows[0]!;
}

export const setPairingSlot = defineCommand(
  { name: "setPairingSlot", schema: setPairingSlotSchema, allow: ["COORDINATOR"] },
  async (input, { tx, actor, audit, contention }) => {
    contention(CHANGE_CONTENTION);
    const pairing = await lockOpenPairing(tx, actor.schoolId, input.pairingId);
    const current = await tx.pairing.findUniqueOrThrow({
      where: { schoolId_id: { schoolId: actor.schoolId, id: pairing.id } },
      select: { slotId: true, supervisorId: true, slotWeekday: true, slotCadence: true, slotWeek: true, slotFrom: true },
    });
    const [slot, school, supervisor] = await Promise.all([
      tx.schoolSlot.findFirst({
        where: { schoolId: actor.schoolId, id: input.slotId },
        select: { id: true, name: true, archivedAt: true },
      }),
      tx.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: { weekAStarts: true } }),
      input.supervisorId
        ? tx.membership.findFirst({
            where: { schoolId: actor.schoolId, userId: input.supervisorId, ...LIVE_MEMBERSHIP },
            select: { userId: true, user: { select: { name: true } } },
          })
        : null,
    ]);
    // A retired slot stays only on the pairings that already have it.
    if (!slot || (slot.archivedAt && slot.id !== current.slotId)) {
      throw new RuleError("Choose a time of the school day from the list.", { slotId: ["Choose a time of the school day from the list."] });
    }
    if (input.supervisorId && !supervisor) {
      throw new RuleError("Choose a member of staff from the list, or nobody.", {
        supervisorId: ["Choose a member of staff from the list."],
      });
    }
    const followsTimetable = input.cadence === "FORTNIGHTLY" && school.weekAStarts.length > 0;
    if (followsTimetable && !input.week) {
      throw new RuleError("Your school has a two-week timetable: choose Week A or Week B.", { week: ["Choose Week A or Week B."] });
    }
    const today = todayIn(actor.timezone);
    const startsOn = fromDbDate(pairing.startsOn);
    // Same day, slot and rhythm (only the place, length or supervisor changed): the meetings already
    // planned stay as they were. A new timing applies from today (or the pairing's first day); the
    // weeks before it plan nothing, as only one slot is kept per pairing.
    const week = followsTimetable ? input.week! : null;
    const sameTiming =
      current.slotId === slot.id &&
      current.slotWeekday === input.weekday &&
      current.slotCadence === input.cadence &&
      current.slotWeek === week;
    const from = sameTiming && current.slotFrom ? fromDbDate(current.slotFrom) : startsOn > today ? startsOn : today;
    const data = {
      slotWeekday: input.weekday,
      slotId: slot.id,
      slotPlace: input.place,
      slotMinutes: input.minutes,
      slotCadence: input.cadence,
      slotWeek: week,
      slotFrom: toDbDate(from),
      supervisorId: input.supervisorId ?? null,
    };
    await tx.pairing.update({ where: { schoolId_id: { schoolId: actor.schoolId, id: pairing.id } }, data });
    await audit({
      action: "pairing.slot_set",
      recordType: "Pairing",
      recordId: pairing.id,
      changes: { ...data, slotFrom: from, supervisorFrom: current.supervisorId },
    });
    const every = input.cadence === "WEEKLY" ? "every" : `every other${followsTimetable ? ` (Week ${input.week})` : ""}`;
    return {
      message: `Regular slot saved: ${every} ${weekdayName(input.weekday)}, ${slot.name.toLowerCase()}, in ${input.place}.`,
      recordId: pairing.id,
    };
  },
);

/** The planned occurrence of `originalOn` (before any change), or a refusal naming the field. */
async function plannedOccurrence(tx: Tx, schoolId: string, pairingId: string, originalOn: IsoDate) {
  const { calendar, schedules } = await loadSchedules(schoolId, [pairingId], tx);
  const schedule = schedules.get(pairingId);
  if (!schedule?.slot)
    throw new RuleError("This pairing has no regular slot yet. Set one first.", { originalOn: ["Set a regular slot first."] });
  const planned = occurrencesBetween(schedule.slot, calendar, addDaysIso(originalOn, -1), addDaysIso(originalOn, 1), {
    skips: schedule.skips,
  }).find((o) => o.plannedOn === originalOn);
  if (!planned) {
    throw new RuleError(`No meeting is planned on ${formatStaffDate(originalOn)}.`, { originalOn: ["Choose a planned meeting."] });
  }
  return { planned, calendar, schedule };
}

/** Records a move or a cancellation once per occurrence: its natural key is the pairing and the planned day. */
async function recordChange(
  tx: Tx,
  row: { schoolId: string; pairingId: string; originalOn: IsoDate; createdById: string; reason: string } & (
    { change: "MOVED"; movedTo: IsoDate; startTime: string; place: string } | { change: "CANCELLED" }
  ),
) {
  const [created] = await tx.occurrenceException.createManyAndReturn({
    data: [
      {
        schoolId: row.schoolId,
        pairingId: row.pairingId,
        originalOn: toDbDate(row.originalOn),
        change: row.change,
        movedTo: row.change === "MOVED" ? toDbDate(row.movedTo) : null,
        startTime: row.change === "MOVED" ? row.startTime : null,
        place: row.change === "MOVED" ? row.place : null,
        reason: row.reason,
        createdById: row.createdById,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  if (!created) {
    throw new RuleError(
      `The meeting planned for ${formatStaffDate(row.originalOn)} has already been moved or cancelled. Undo that first to change it again.`,
      { originalOn: ["Already moved or cancelled."] },
    );
  }
  return created;
}

export const moveOccurrence = defineCommand(
  { name: "moveOccurrence", schema: moveOccurrenceSchema, allow: ["COORDINATOR"] },
  async (input, { tx, actor, audit, contention, afterCommit }) => {
    contention(CHANGE_CONTENTION);
    await lockOpenPairing(tx, actor.schoolId, input.pairingId);
    const { planned, calendar, schedule } = await plannedOccurrence(tx, actor.schoolId, input.pairingId, input.originalOn);
    const period = periodOf(schedule.slot!, calendar, planned.plannedOn);
    if (input.movedTo < period.startsOn || input.movedTo > period.endsOn) {
      const range = `${formatStaffDate(period.startsOn)} to ${formatStaffDate(period.endsOn)}`;
      throw new RuleError(
        `A meeting can move only within its own ${schedule.slot!.cadence === "WEEKLY" ? "week" : "fortnight"}: ${range}.`,
        {
          movedTo: [`Choose a day from ${range}.`],
        },
      );
    }
    if (!isSchoolDay(input.movedTo, calendar)) {
      throw new RuleError(`${formatStaffDate(input.movedTo)} is not a school day.`, { movedTo: ["Choose a school day."] });
    }
    const row = await recordChange(tx, { ...input, schoolId: actor.schoolId, createdById: actor.userId, change: "MOVED" });
    await audit({ action: "occurrence.moved", recordType: "OccurrenceException", recordId: row.id, changes: { ...input } });
    const day = (d: IsoDate) => pupilDay(d, actor.timezone);
    await notifyMeetingChanged(tx, {
      schoolId: actor.schoolId,
      pairingId: input.pairingId,
      changeId: row.id,
      timezone: actor.timezone,
      message: `Your mentoring meeting on ${day(input.originalOn)} moves to ${day(input.movedTo)} at ${input.startTime}, in ${input.place}.`,
    });
    afterCommit(kickEmailDelivery);
    return {
      message: `Moved to ${weekdayName(new Date(`${input.movedTo}T00:00:00Z`).getUTCDay())} ${formatStaffDate(input.movedTo)} at ${input.startTime}.`,
    };
  },
);

export const cancelOccurrence = defineCommand(
  { name: "cancelOccurrence", schema: cancelOccurrenceSchema, allow: ["COORDINATOR"] },
  async (input, { tx, actor, audit, contention, afterCommit }) => {
    contention(CHANGE_CONTENTION);
    await lockOpenPairing(tx, actor.schoolId, input.pairingId);
    await plannedOccurrence(tx, actor.schoolId, input.pairingId, input.originalOn);
    const row = await recordChange(tx, { ...input, schoolId: actor.schoolId, createdById: actor.userId, change: "CANCELLED" });
    await audit({ action: "occurrence.cancelled", recordType: "OccurrenceException", recordId: row.id, changes: { ...input } });
    await notifyMeetingChanged(tx, {
      schoolId: actor.schoolId,
      pairingId: input.pairingId,
      changeId: row.id,
      timezone: actor.timezone,
      message: `Your mentoring meeting on ${pupilDay(input.originalOn, actor.timezone)} is cancelled. The next one is on your page.`,
    });
    afterCommit(kickEmailDelivery);
    return { message: `The meeting on ${formatStaffDate(input.originalOn)} is cancelled.` };
  },
);

export const undoOccurrenceChange = defineCommand(
  { name: "undoOccurrenceChange", schema: undoOccurrenceChangeSchema, allow: ["COORDINATOR"] },
  async (input, { tx, actor, audit, contention, afterCommit }) => {
    contention(CHANGE_CONTENTION);
    await lockOpenPairing(tx, actor.schoolId, input.pairingId);
    const where = { schoolId: actor.schoolId, pairingId: input.pairingId, originalOn: toDbDate(input.originalOn) };
    const existing = await tx.occurrenceException.findFirst({ where, select: { id: true, change: true } });
    if (!existing) throw new NotFoundError("occurrence change");
    await tx.occurrenceException.deleteMany({ where });
    await audit({
      action: "occurrence.change_undone",
      recordType: "OccurrenceException",
      recordId: existing.id,
      changes: { ...input, was: existing.change },
    });
    await notifyMeetingChanged(tx, {
      schoolId: actor.schoolId,
      pairingId: input.pairingId,
      changeId: `${existing.id}-undone`,
      timezone: actor.timezone,
      message: `Your mentoring meeting on ${pupilDay(input.originalOn, actor.timezone)} is back to its usual day, time and place.`,
    });
    afterCommit(kickEmailDelivery);
    return { message: `The meeting on ${formatStaffDate(input.originalOn)} is back to its usual day, time and place.` };
  },
);
