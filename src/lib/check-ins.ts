// When a pupil's check-in is due, and what the answers say to the coordinator's to-do (ADR 018).
// Pure: the command, the pages and the to-do pass in today, the pairing and the answers.
import type { MemberRole, PairingStatus } from "@/generated/prisma/enums";
import { LIVE_STATUSES } from "@/features/pairings/status";
import { addDaysIso, daysBetween, type IsoDate } from "./dates";

/** One check-in period: from its first day (the response's periodStart) to the day before the next. */
export type CheckInPeriod = { number: number; periodStart: IsoDate; nextPeriodStart: IsoDate };

/**
 * The check-in period holding `today`. Periods start every `everyWeeks` weeks from the pairing's
 * first day; the first check-in comes at the end of the first `everyWeeks` weeks (on day one there is
 * nothing to say yet), so before then there is none. A setting below one week means no check-ins.
 */
export function checkInPeriodOn(pairingStartsOn: IsoDate, everyWeeks: number, today: IsoDate): CheckInPeriod | null {
  if (!Number.isSafeInteger(everyWeeks) || everyWeeks < 1) return null;
  const length = everyWeeks * 7;
  const number = Math.floor(daysBetween(pairingStartsOn, today) / length);
  if (number < 1) return null;
  return {
    number,
    periodStart: addDaysIso(pairingStartsOn, number * length),
    nextPeriodStart: addDaysIso(pairingStartsOn, (number + 1) * length),
  };
}

/** The first day a check-in opens after `today` (for "the next one opens on …"), or null when there are none. */
export function nextCheckInOpens(pairingStartsOn: IsoDate, everyWeeks: number, today: IsoDate): IsoDate | null {
  if (!Number.isSafeInteger(everyWeeks) || everyWeeks < 1) return null;
  const current = checkInPeriodOn(pairingStartsOn, everyWeeks, today);
  return current ? current.nextPeriodStart : addDaysIso(pairingStartsOn, everyWeeks * 7);
}

export type CheckInDueInput = {
  today: IsoDate;
  pairing: { startsOn: IsoDate; status: PairingStatus };
  /** The programme's Programme.checkInEveryWeeks. */
  everyWeeks: number;
  /** The periods this pupil has already answered for this pairing (their periodStart). */
  answered: readonly IsoDate[];
};

/**
 * The check-in this pupil should answer now, or null: due from its period's first day until it is
 * answered or the next period begins, and only while the pairing is live (trial or active). A missed
 * period is not carried over: the next period has its own check-in.
 */
export function dueCheckIn(input: CheckInDueInput): CheckInPeriod | null {
  if (!(LIVE_STATUSES as readonly PairingStatus[]).includes(input.pairing.status)) return null;
  const period = checkInPeriodOn(input.pairing.startsOn, input.everyWeeks, input.today);
  if (!period || input.answered.includes(period.periodStart)) return null;
  return period;
}

/** A pupil's answer to a check-in's scale question (CHECK_IN_SCALE_KEY). */
export type CheckInAnswer = { studentId: string; role: MemberRole; periodStart: IsoDate; value: number };

/** Programme.todoCheckInLow and Programme.todoCheckInChange. */
export type CheckInThresholds = { low: number; change: number };

export type CheckInSignal =
  | {
      kind: "low";
      /** Stable while the facts are the same, for a to-do's dismissal. */
      cause: string;
      studentId: string;
      role: MemberRole;
      periodStart: IsoDate;
      value: number;
      threshold: number;
    }
  | {
      kind: "drop";
      cause: string;
      studentId: string;
      role: MemberRole;
      periodStart: IsoDate;
      value: number;
      previousPeriodStart: IsoDate;
      previousValue: number;
      fall: number;
      threshold: number;
    }
  | {
      kind: "apart";
      cause: string;
      periodStart: IsoDate;
      mentorStudentId: string;
      mentorValue: number;
      menteeStudentId: string;
      menteeValue: number;
      gap: number;
      threshold: number;
    };

const byPeriod = (a: CheckInAnswer, b: CheckInAnswer) => a.periodStart.localeCompare(b.periodStart);

/**
 * What one pairing's check-ins raise for the coordinator, from the latest we know:
 * - low: a pupil's latest answer is at or below `low`;
 * - drop: a pupil's latest answer is at least `change` below their previous one;
 * - apart: in the latest period both answered, a mentor's and a mentee's answers are `change` or more apart.
 * Each signal carries the facts behind it. Ordered: mentees before mentors, then by pupil, then apart.
 */
export function checkInSignals(answers: readonly CheckInAnswer[], thresholds: CheckInThresholds): CheckInSignal[] {
  const byPupil = new Map<string, CheckInAnswer[]>();
  for (const answer of answers) {
    // Mentees sort first.
    const key = `${answer.role === "MENTEE" ? 0 : 1}:${answer.studentId}`;
    byPupil.set(key, [...(byPupil.get(key) ?? []), answer]);
  }
  const pupils = [...byPupil.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, list]) => [...list].sort(byPeriod));

  const signals: CheckInSignal[] = [];
  for (const list of pupils) {
    const latest = list[list.length - 1]!;
    const previous = list.length > 1 ? list[list.length - 2]! : null;
    const who = { studentId: latest.studentId, role: latest.role, periodStart: latest.periodStart, value: latest.value };
    if (latest.value <= thresholds.low) {
      signals.push({ kind: "low", cause: `check-in-low:${latest.studentId}:${latest.periodStart}`, ...who, threshold: thresholds.low });
    }
    if (previous) {
      const fall = previous.value - latest.value;
      if (fall > 0 && fall >= thresholds.change)
        signals.push({
          kind: "drop",
          cause: `check-in-drop:${latest.studentId}:${previous.periodStart}:${latest.periodStart}`,
          ...who,
          previousPeriodStart: previous.periodStart,
          previousValue: previous.value,
          fall,
          threshold: thresholds.change,
        });
    }
  }

  const mentors = pupils.filter((list) => list[0]!.role === "MENTOR");
  const mentees = pupils.filter((list) => list[0]!.role === "MENTEE");
  for (const mentee of mentees) {
    for (const mentor of mentors) {
      const common = mentee.filter((a) => mentor.some((b) => b.periodStart === a.periodStart));
      const menteeAnswer = common[common.length - 1];
      if (!menteeAnswer) continue;
      const mentorAnswer = mentor.find((b) => b.periodStart === menteeAnswer.periodStart)!;
      const gap = Math.abs(mentorAnswer.value - menteeAnswer.value);
      if (gap > 0 && gap >= thresholds.change)
        signals.push({
          kind: "apart",
          cause: `check-in-apart:${mentorAnswer.studentId}:${menteeAnswer.studentId}:${menteeAnswer.periodStart}`,
          periodStart: menteeAnswer.periodStart,
          mentorStudentId: mentorAnswer.studentId,
          mentorValue: mentorAnswer.value,
          menteeStudentId: menteeAnswer.studentId,
          menteeValue: menteeAnswer.value,
          gap,
          threshold: thresholds.change,
        });
    }
  }
  return signals;
}
