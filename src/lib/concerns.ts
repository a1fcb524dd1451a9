// Concerns' words and rules with no I/O (issue 9, ADR 021): one definition of each label, of who a
// concern goes to, and of how long one has waited.
import type { ConcernAction, ConcernCategory, ConcernRoute, ConcernStatus } from "@/generated/prisma/enums";

export const CONCERN_CATEGORIES = [
  "BULLYING",
  "ONLINE_SAFETY",
  "WELLBEING",
  "HOME",
  "SELF_HARM",
  "OTHER",
] as const satisfies readonly ConcernCategory[];
export const CATEGORY_LABELS: Record<ConcernCategory, string> = {
  BULLYING: "Bullying",
  ONLINE_SAFETY: "Online safety",
  WELLBEING: "Feeling low or worried",
  HOME: "Something at home",
  SELF_HARM: "Self-harm",
  OTHER: "Something else",
};

export const CONCERN_ACTIONS = [
  "SPOKE_TO_PUPIL",
  "CONTACTED_PARENT",
  "REFERRED_SOCIAL_CARE",
  "REFERRED_OTHER",
  "CONSULTED",
  "NO_FURTHER_ACTION",
] as const satisfies readonly ConcernAction[];
export const ACTION_LABELS: Record<ConcernAction, string> = {
  SPOKE_TO_PUPIL: "Spoke to the pupil",
  CONTACTED_PARENT: "Contacted a parent or carer",
  REFERRED_SOCIAL_CARE: "Referred to children's social care",
  REFERRED_OTHER: "Referred to another agency",
  CONSULTED: "Consulted",
  NO_FURTHER_ACTION: "No further action",
};

export const CONCERN_STATUSES = ["OPEN", "IN_PROGRESS", "CLOSED"] as const satisfies readonly ConcernStatus[];
export const STATUS_LABELS: Record<ConcernStatus, string> = { OPEN: "Open", IN_PROGRESS: "In progress", CLOSED: "Closed" };

export const ROUTE_LABELS: Record<ConcernRoute, string> = {
  SAFEGUARDING: "Safeguarding leads",
  HEAD: "Headteacher (about a member of staff)",
  CHAIR: "Chair of governors (about the headteacher)",
};

/** What anyone is told when someone is in danger right now, unless the school has set its own words. */
export const DEFAULT_DANGER_INSTRUCTION =
  "Tell a member of staff in person now. Go to the school office or the nearest teacher and say it is urgent.";
/** Always shown after the school's words: help outside school hours. */
export const OUT_OF_HOURS_HELP = "Out of school hours, call 999 if someone is in danger now, or Childline on 0800 1111 (free, any time).";

export function dangerInstructionOf(schoolWords: string): string {
  return schoolWords.trim() === "" ? DEFAULT_DANGER_INSTRUCTION : schoolWords.trim();
}

/**
 * Who a concern goes to. About no member of staff: the safeguarding leads. About a member of staff: the
 * head, or the chair of governors when it is about the head. A route with nobody to read it falls back
 * to the next (other heads, then the safeguarding leads), and the person named never reads it.
 */
export function routeFor(input: {
  aboutStaffId: string | null;
  heads: readonly string[];
  chairs: readonly string[];
  /** A pupil said it is about an adult who works at the school, without naming them. */
  isAboutUnnamedStaff?: boolean;
}): ConcernRoute {
  const { aboutStaffId } = input;
  if (!aboutStaffId) {
    if (!input.isAboutUnnamedStaff) return "SAFEGUARDING";
    return input.heads.length > 0 ? "HEAD" : input.chairs.length > 0 ? "CHAIR" : "SAFEGUARDING";
  }
  const chairs = input.chairs.filter((id) => id !== aboutStaffId);
  const otherHeads = input.heads.filter((id) => id !== aboutStaffId);
  if (input.heads.includes(aboutStaffId) && chairs.length > 0) return "CHAIR";
  if (otherHeads.length > 0) return "HEAD";
  if (chairs.length > 0) return "CHAIR";
  return "SAFEGUARDING";
}

/** "12 minutes", "3 hours", "2 days": how long a concern has waited, for a lead's list. */
export function waitedFor(since: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60_000));
  if (minutes < 1) return "less than a minute";
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? "" : "s"}`;
  const days = Math.floor(hours / 24);
  return `${days} days`;
}

/** Whether an urgent concern nobody has opened should now go to the head. */
export function isDueForEscalation(
  concern: { isUrgent: boolean; firstOpenedAt: Date | null; escalatedAt: Date | null; createdAt: Date; route: ConcernRoute },
  escalateAfterMinutes: number,
  now: Date,
): boolean {
  return (
    concern.route === "SAFEGUARDING" &&
    concern.isUrgent &&
    concern.firstOpenedAt === null &&
    concern.escalatedAt === null &&
    now.getTime() - concern.createdAt.getTime() >= escalateAfterMinutes * 60_000
  );
}

/** "Maya Patel" → "M.P.": how other pupils appear in an exported file. */
export function initialsOf(name: { first: string; last: string }): string {
  return `${name.first.trim().charAt(0).toUpperCase()}.${name.last.trim().charAt(0).toUpperCase()}.`;
}
