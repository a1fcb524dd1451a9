import "server-only";
import { addDaysIso, fromDbDate, todayIn, type IsoDate } from "@/lib/dates";
import { isSatisfiedBy, nextOccurrence, occurrencesBetween } from "@/lib/occurrences";
import type { Schedule } from "@/lib/pairing-schedule";
import { LIVE_STATUSES } from "@/features/pairings/status";
import { db, type Db, type Tx } from "@/server/db";
import { loadSchedules } from "@/server/schedules";
import { meetingOf, type Meeting } from "./words";

/**
 * "Next time you meet" for each live pairing (ADR 013): the next planned occurrence from now in the
 * school's time zone whose week (or fortnight) has no session logged, whatever day a session was
 * logged. Null for a paused or ended pairing, or one with no regular slot yet. The caller has already
 * decided the actor may see these pairings.
 */
export async function nextMeetings(
  schoolId: string,
  pairings: { id: string; status: string }[],
  options: { client?: Tx | Db; now?: Date } = {},
): Promise<{ meetings: Map<string, Meeting | null>; schedules: Map<string, Schedule> }> {
  const client = options.client ?? db;
  const now = options.now ?? new Date();
  const live = pairings.filter((p) => (LIVE_STATUSES as readonly string[]).includes(p.status)).map((p) => p.id);
  const meetings = new Map<string, Meeting | null>(pairings.map((p) => [p.id, null]));
  if (live.length === 0) return { meetings, schedules: new Map() };
  const { calendar, schedules } = await loadSchedules(schoolId, live, client, now);
  const today = todayIn(calendar.timezone, now);
  // A fortnight is the longest period a session can satisfy: sessions from three weeks back are enough.
  const held = await client.mentoringSession.findMany({
    where: { schoolId, pairingId: { in: live }, heldOn: { gte: new Date(`${addDaysIso(today, -21)}T00:00:00Z`) } },
    select: { pairingId: true, heldOn: true },
  });
  const heldBy = new Map<string, IsoDate[]>();
  for (const s of held) heldBy.set(s.pairingId, [...(heldBy.get(s.pairingId) ?? []), fromDbDate(s.heldOn)]);
  for (const id of live) {
    const schedule = schedules.get(id);
    if (!schedule?.slot) continue;
    const next = nextOccurrence(schedule.slot, calendar, now, {
      skips: schedule.skips,
      exceptions: schedule.exceptions,
      heldOn: heldBy.get(id) ?? [],
    });
    meetings.set(id, next ? meetingOf(next, schedule.slotName ?? "") : null);
  }
  return { meetings, schedules };
}

/**
 * The day a log form starts on: this week's (or fortnight's) planned meeting if it has come, else
 * today. So "Log this week's session" after a Wednesday slot says Wednesday, and a second tap on Save
 * finds that session already logged rather than logging another for today.
 */
export async function plannedDayToLog(
  schoolId: string,
  pairingId: string,
  options: { client?: Tx | Db; now?: Date } = {},
): Promise<IsoDate> {
  const client = options.client ?? db;
  const now = options.now ?? new Date();
  const { calendar, schedules } = await loadSchedules(schoolId, [pairingId], client, now);
  const today = todayIn(calendar.timezone, now);
  const schedule = schedules.get(pairingId);
  if (!schedule?.slot) return today;
  const due = occurrencesBetween(schedule.slot, calendar, addDaysIso(today, -13), today, {
    skips: schedule.skips,
    exceptions: schedule.exceptions,
  })
    .filter((o) => o.periodEnd >= today)
    .at(-1);
  return due?.on ?? today;
}
