// Who may give which points, and the automatic points (issue 10). Pure: the award command and the
// session log load the facts and ask; these rules say yes, or what to fix, in plain words.
import type { IsoDate } from "./dates";
import type { SchoolCalendar } from "./occurrences";
import { schoolDaysAfter } from "./todo";

export type CategoryFacts = { defaultAmount: number; isRetired: boolean };
export type GiverFacts =
  { kind: "staff" } | { kind: "mentor"; givenThisWeek: number; weeklyLimit: number; mayAward: boolean; isOwnMentee: boolean };
export type AwardProblem = { field: "amount" | "reason" | "categoryId" | "studentIds"; message: string };

export const REASON_MIN_LENGTH = 3;

const points = (n: number) => `${n} point${n === 1 ? "" : "s"}`;

/**
 * What is wrong with an award, field by field in the form's order, or null when it may be given.
 * `recipients` is how many pupils get `amount` each; `isSelf` says one of them is the giver.
 */
export function awardProblem(a: {
  amount: number;
  category: CategoryFacts;
  reason: string;
  giver: GiverFacts;
  isSelf: boolean;
  recipients: number;
}): AwardProblem | null {
  const { amount, category, giver } = a;
  const mentor = giver.kind === "mentor" ? giver : null;
  const isNegativeCategory = category.defaultAmount < 0;

  if (a.isSelf) return { field: "studentIds", message: "You cannot give points to yourself." };
  if (mentor && !mentor.mayAward) return { field: "studentIds", message: "Mentors at your school cannot give points." };
  if (mentor && !mentor.isOwnMentee) return { field: "studentIds", message: "You can only give points to your own mentees." };

  if (category.isRetired) return { field: "categoryId", message: "This category is no longer used. Choose another." };
  if (mentor && isNegativeCategory) {
    return { field: "categoryId", message: "Mentors can give points but not take them away. Choose another category." };
  }

  if (isNegativeCategory && amount >= 0) {
    return { field: "amount", message: "This category takes points away. Enter a number below 0, such as -1." };
  }
  if (!isNegativeCategory && amount <= 0) return { field: "amount", message: "This category gives points. Enter a number above 0." };
  if (mentor && mentor.givenThisWeek + amount * a.recipients > mentor.weeklyLimit) {
    const left = Math.max(mentor.weeklyLimit - mentor.givenThisWeek, 0);
    const message =
      left === 0
        ? `You have given all ${points(mentor.weeklyLimit)} you can give this week. You can give more from Monday.`
        : `You have ${points(left)} left to give this week, and this would give ${points(amount * a.recipients)}.`;
    return { field: "amount", message };
  }

  if (a.reason.trim().length < REASON_MIN_LENGTH) {
    if (amount < 0) return { field: "reason", message: "Say in a few words why points are being taken away." };
    if (amount !== category.defaultAmount) {
      return { field: "reason", message: `Say in a few words why this is not the usual ${points(category.defaultAmount)}.` };
    }
  }
  return null;
}

/**
 * A session logged on time: exactly when the coordinator's to-do never listed it as "not logged"
 * (src/lib/todo.ts raises that once `schoolDaysAfter` the meeting reaches the grace days). Checked on
 * the day it was logged, the day the to-do would last have been read without it.
 */
export function isLoggedOnTime(heldOn: IsoDate, loggedOn: IsoDate, graceDays: number, calendar: SchoolCalendar): boolean {
  return loggedOn <= heldOn || schoolDaysAfter(heldOn, loggedOn, calendar) < graceDays;
}

export type AutoRule = "ATTENDANCE" | "ON_TIME";

const AUTO_RULES: readonly AutoRule[] = ["ATTENDANCE", "ON_TIME"];

/** An entry an automatic rule gave (or its undo), not a person: "Automatic" wherever givers are listed. */
export function isAutomaticKey(autoKey: string | null): boolean {
  return autoKey !== null && AUTO_RULES.some((rule) => autoKey.startsWith(`${rule}:`));
}

export function autoPointKey(rule: AutoRule, sessionId: string, studentId: string, round: number): string {
  return `${rule}:${sessionId}:${studentId}:${round}`;
}

const UNDO = ":undo";

export type AutoFacts = {
  rule: AutoRule;
  sessionId: string;
  studentId: string;
  isEligible: boolean;
  /** The pupil's existing entries for this rule and session: rounds, their undos, and anyone's corrections. */
  entries: readonly { id: string; autoKey: string | null; reversesId: string | null; reversedBy: { autoKey: string | null } | null }[];
};
export type AutoAward = { rule: AutoRule; sessionId: string; studentId: string; autoKey: string };
export type AutoUndo = { reversesId: string; autoKey: string; rule: AutoRule; sessionId: string; studentId: string };

/**
 * The automatic awards and reversals that bring a session's points in line with the facts. Each award
 * is a numbered round: eligible with no round standing → the next round; no longer eligible with a
 * round standing → that round's undo. A round a person corrected is final. Keys are unique in the
 * ledger, so a rerun or a race adds nothing, and recomputing after applying the result yields nothing.
 */
export function automaticPointChanges(facts: readonly AutoFacts[]): { awards: AutoAward[]; undos: AutoUndo[] } {
  const awards: AutoAward[] = [];
  const undos: AutoUndo[] = [];
  for (const fact of facts) {
    const { rule, sessionId, studentId } = fact;
    const prefix = autoPointKey(rule, sessionId, studentId, 0).slice(0, -1);
    const rounds = fact.entries.flatMap((entry) => {
      const rest = entry.autoKey?.startsWith(prefix) ? entry.autoKey.slice(prefix.length) : null;
      return rest !== null && /^[1-9]\d*$/.test(rest) ? [{ entry, autoKey: entry.autoKey!, round: Number(rest) }] : [];
    });
    const last = rounds.reduce<(typeof rounds)[number] | null>((a, b) => (a && a.round > b.round ? a : b), null);
    const isStanding = last !== null && last.entry.reversedBy === null;
    const isCorrectedByPerson = last !== null && last.entry.reversedBy !== null && last.entry.reversedBy.autoKey === null;

    if (fact.isEligible && !isStanding && !isCorrectedByPerson) {
      awards.push({ rule, sessionId, studentId, autoKey: autoPointKey(rule, sessionId, studentId, (last?.round ?? 0) + 1) });
    } else if (!fact.isEligible && isStanding) {
      undos.push({ reversesId: last.entry.id, autoKey: `${last.autoKey}${UNDO}`, rule, sessionId, studentId });
    }
  }
  return { awards, undos };
}
