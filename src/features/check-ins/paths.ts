import type { MemberRole } from "@/generated/prisma/enums";

/** Where a pupil answers their check-in for a pairing: mentees from their page, mentors from theirs. */
export function checkInPath(role: MemberRole, pairingId: string): string {
  return role === "MENTOR" ? `/mentor/check-in/${pairingId}` : `/student/check-in/${pairingId}`;
}

/** The home page a check-in returns to. */
export function checkInHomeFor(role: MemberRole): string {
  return role === "MENTOR" ? "/mentor" : "/student";
}

/** The heading the keyboard focus moves to once a check-in is sent (the page then says it is sent). */
export const CHECK_IN_SENT_HEADING = "check-in-sent";
