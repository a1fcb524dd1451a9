// The coordinator's to-do list (issue 8): the rules that say a pairing needs action, each reason with
// the key of the facts that raised it (its cause). Pure: the page's query and the bench's hand-written
// SQL floor (`npm run bench -- todo`) load the same inputs and call `todoRowFor` alike. Holidays,
// skipped weeks and cancelled meetings never raise one: they plan no meeting, and the engine
// (src/lib/occurrences.ts) says what is planned.
import { addDaysIso, type IsoDate } from "./dates";
import { isSatisfiedBy, isSchoolDay, occurrencesBetween, type SchoolCalendar } from "./occurrences";
import type { Schedule } from "./pairing-schedule";
import type { CheckInSignal } from "./check-ins";

export type TodoThresholds = {
  /** A planned meeting not logged this many school days after it was due. */
  logGraceDays: number;
  /** A new match with no session within this many school days. */
  firstSessionDays: number;
  /** Fewer than `firstWeeksSessions` sessions in the first `firstWeeks` weeks. */
  firstWeeks: number;
  firstWeeksSessions: number;
  /** A mentee absent this many sessions running. */
  absentRun: number;
};

/** How far back the rules look at sessions: the first weeks' window and a month, with room to spare. */
export const RECENT_DAYS = 70;

/** How many days back the rules read a pairing's sessions: `RECENT_DAYS`, or the first weeks twice over if longer. */
export function sessionLookbackDays(thresholds: TodoThresholds): number {
  return Math.max(RECENT_DAYS, 2 * thresholds.firstWeeks * 7);
}

export type TodoSession = {
  heldOn: IsoDate;
  attendances: { studentId: string; attendance: "PRESENT" | "LATE" | "ABSENT" }[];
};

/** A check-in fact that needs a look (src/lib/check-ins.ts checkInSignals), in words: low, a drop, or mentor and mentee apart. */
export type CheckInFlag = { cause: string; text: string };

/** The coordinator's words for a check-in signal; `nameOf` gives a pupil's name (staff see names). */
export function checkInFlag(signal: CheckInSignal, nameOf: (studentId: string) => string): CheckInFlag {
  if (signal.kind === "low")
    return { cause: signal.cause, text: `${nameOf(signal.studentId)} answered ${signal.value} out of 5 at their last check-in.` };
  if (signal.kind === "drop") {
    return { cause: signal.cause, text: `${nameOf(signal.studentId)}'s check-in fell from ${signal.previousValue} to ${signal.value}.` };
  }
  return {
    cause: signal.cause,
    text: `Mentor and mentee answered ${signal.gap} apart at their last check-in (${signal.mentorValue} and ${signal.menteeValue}).`,
  };
}

export type TodoPairing = {
  id: string;
  status: "TRIAL" | "ACTIVE";
  startsOn: IsoDate;
  trialEndsOn: IsoDate | null;
  mentees: { studentId: string; name: string }[];
  schedule: Schedule | undefined;
  /** The pairing's sessions of the last `sessionLookbackDays` days at least, any order. */
  sessions: TodoSession[];
  /** All its sessions, ever. */
  sessionCount: number;
  /** The fit check of its first session, if it had one. */
  firstFitCheck: { sessionId: string; answer: "YES" | "NOT_SURE" | "NO" } | null;
  checkInSignals: CheckInFlag[];
};

export type TodoKind =
  "NOT_LOGGED" | "NO_FIRST_SESSION" | "FEW_EARLY" | "QUIET_MONTH" | "ABSENT" | "FIT_CHECK" | "CHECK_IN" | "TRIAL_REVIEW" | "NO_SLOT";

export type TodoReason = { kind: TodoKind; cause: string; text: string };

const fmt = (day: IsoDate) => {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return `${d} ${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1]} ${y}`;
};
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** School days after `from` up to and including `to`. */
export function schoolDaysAfter(from: IsoDate, to: IsoDate, calendar: SchoolCalendar): number {
  let n = 0;
  for (let day = addDaysIso(from, 1); day <= to; day = addDaysIso(day, 1)) if (isSchoolDay(day, calendar)) n += 1;
  return n;
}

/** Why a live pairing needs the coordinator today, oldest concern first; empty when it needs nothing. */
export function todoReasons(p: TodoPairing, calendar: SchoolCalendar, thresholds: TodoThresholds, today: IsoDate): TodoReason[] {
  const reasons: TodoReason[] = [];
  const held = p.sessions.map((s) => s.heldOn).sort();
  const slot = p.schedule?.slot ?? null;

  if (p.status === "TRIAL" && p.trialEndsOn && p.trialEndsOn < today) {
    reasons.push({ kind: "TRIAL_REVIEW", cause: `TRIAL_REVIEW:${p.trialEndsOn}`, text: `Trial review was due on ${fmt(p.trialEndsOn)}.` });
  }
  if (!slot) reasons.push({ kind: "NO_SLOT", cause: "NO_SLOT", text: "No regular slot yet." });

  // A new match: its first session within so many school days.
  if (p.sessionCount === 0 && p.startsOn <= today && schoolDaysAfter(p.startsOn, today, calendar) >= thresholds.firstSessionDays) {
    reasons.push({
      kind: "NO_FIRST_SESSION",
      cause: `NO_FIRST_SESSION:${p.startsOn}`,
      text: `No session yet since the match on ${fmt(p.startsOn)}.`,
    });
  }

  // Planned meetings not logged: the latest one overdue by the grace days (only one row's worth).
  if (slot && p.schedule) {
    const from = addDaysIso(today, -42);
    const overdue = occurrencesBetween(slot, calendar, from < slot.startsOn ? slot.startsOn : from, today, {
      skips: p.schedule.skips,
      exceptions: p.schedule.exceptions,
    })
      .filter((o) => o.on < today && schoolDaysAfter(o.on, today, calendar) >= thresholds.logGraceDays)
      .filter((o) => !held.some((d) => isSatisfiedBy(o, d)));
    const latest = overdue.at(-1);
    if (latest) {
      const more = overdue.length > 1 ? ` (${overdue.length} planned meetings in the last six weeks were not logged)` : "";
      reasons.push({
        kind: "NOT_LOGGED",
        cause: `NOT_LOGGED:${latest.plannedOn}`,
        text: `The meeting planned for ${fmt(latest.on)} was not logged${more}.`,
      });
    }
  }

  // The first weeks: at least so many sessions; after them, one in every calendar month.
  const firstEnd = addDaysIso(p.startsOn, thresholds.firstWeeks * 7);
  if (today >= firstEnd && today < addDaysIso(firstEnd, thresholds.firstWeeks * 7)) {
    const early = held.filter((d) => d >= p.startsOn && d < firstEnd).length;
    if (early < thresholds.firstWeeksSessions) {
      reasons.push({
        kind: "FEW_EARLY",
        cause: `FEW_EARLY:${p.startsOn}:${early}`,
        text: `Only ${early} session${early === 1 ? "" : "s"} in the first ${thresholds.firstWeeks} weeks (${thresholds.firstWeeksSessions} expected).`,
      });
    }
  }
  const monthStart = `${today.slice(0, 7)}-01`;
  const lastMonthStart = `${addDaysIso(monthStart, -1).slice(0, 7)}-01`;
  const lastMonthEnd = addDaysIso(monthStart, -1);
  if (lastMonthStart >= firstEnd) {
    const plannedInMonth = slot
      ? occurrencesBetween(slot, calendar, lastMonthStart, lastMonthEnd, { skips: p.schedule!.skips, exceptions: p.schedule!.exceptions })
          .length > 0
      : schoolDaysAfter(addDaysIso(lastMonthStart, -1), lastMonthEnd, calendar) > 0;
    const heldInMonth = held.some((d) => d >= lastMonthStart && d <= lastMonthEnd);
    if (plannedInMonth && !heldInMonth) {
      const [y, m] = lastMonthStart.split("-").map(Number) as [number, number];
      reasons.push({ kind: "QUIET_MONTH", cause: `QUIET_MONTH:${lastMonthStart}`, text: `No session in ${MONTHS[m - 1]} ${y}.` });
    }
  }

  // A mentee absent so many sessions running (their latest ones).
  const newestFirst = [...p.sessions].sort((a, b) => (a.heldOn < b.heldOn ? 1 : -1));
  for (const mentee of p.mentees) {
    const theirs = newestFirst.flatMap((s) => s.attendances.filter((a) => a.studentId === mentee.studentId).map((a) => ({ s, a })));
    const run = theirs.slice(0, thresholds.absentRun);
    if (run.length === thresholds.absentRun && run.every((x) => x.a.attendance === "ABSENT")) {
      reasons.push({
        kind: "ABSENT",
        cause: `ABSENT:${mentee.studentId}:${run[0]!.s.heldOn}`,
        text: `${mentee.name} missed the last ${thresholds.absentRun} sessions.`,
      });
    }
  }

  // The first session's fit check answered "no" or "not sure".
  const fit = p.firstFitCheck;
  if (fit && (fit.answer === "NO" || fit.answer === "NOT_SURE")) {
    reasons.push({
      kind: "FIT_CHECK",
      cause: `FIT_CHECK:${fit.sessionId}:${fit.answer}`,
      text: `At the first session the mentor said ${fit.answer === "NO" ? "“no”" : "“not sure”"} to a good match.`,
    });
  }

  for (const signal of p.checkInSignals) reasons.push({ kind: "CHECK_IN", cause: `CHECK_IN:${signal.cause}`, text: signal.text });
  return reasons;
}

/** What a dismissal is tied to: the reasons' causes, so it lasts until any of them changes. */
export function causeOf(reasons: TodoReason[]): string {
  return reasons
    .map((r) => r.cause)
    .sort()
    .join("|");
}

export type TodoRow = {
  pairingId: string;
  title: string;
  reasons: TodoReason[];
  /** What a dismissal is tied to (`causeOf`). */
  cause: string;
  dismissal: { note: string; at: Date } | null;
};

export type TodoDismissalFact = { cause: string; note: string; at: Date };

/**
 * A pairing's row on the to-do today, or null when it needs nothing: its reasons, their cause, its
 * title, and the note it was set aside with while that cause is unchanged.
 */
export function todoRowFor(
  p: TodoPairing & { name: string | null; mentorNames: string[] },
  dismissals: readonly TodoDismissalFact[],
  calendar: SchoolCalendar,
  thresholds: TodoThresholds,
  today: IsoDate,
): TodoRow | null {
  const reasons = todoReasons(p, calendar, thresholds, today);
  if (reasons.length === 0) return null;
  const cause = causeOf(reasons);
  const dismissal = dismissals.find((d) => d.cause === cause);
  return {
    pairingId: p.id,
    title: p.name ?? `${p.mentorNames.join(" & ")} with ${p.mentees.map((m) => m.name).join(", ")}`,
    reasons,
    cause,
    dismissal: dismissal ? { note: dismissal.note, at: dismissal.at } : null,
  };
}
