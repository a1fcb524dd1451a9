// Who may use their account at all (issue 11, ADR 025): one definition, read by sign-in and by every
// request's actor. A staff member needs a membership the school has not disabled; a pupil needs to be
// on roll, and an alumnus to have been invited back to mentor with their volunteer check recorded.

/** A membership that still opens its school (neither it nor the user disabled): `where` for Prisma. */
export const LIVE_MEMBERSHIP = { disabledAt: null, user: { disabledAt: null } } as const;

export type PupilAccess = { status: "ON_ROLL" | "LEFT" | "ALUMNI"; alumniMentorFrom: Date | null; hasVolunteerCheck: boolean };

/** A pupil record that still lets its user sign in. */
export function pupilMaySignIn(pupil: PupilAccess): boolean {
  if (pupil.status === "ON_ROLL") return true;
  return pupil.status === "ALUMNI" && pupil.alumniMentorFrom !== null && pupil.hasVolunteerCheck;
}

/** Prisma's `select` for pupilMaySignIn's facts. */
export const PUPIL_ACCESS_SELECT = {
  status: true,
  alumniMentorFrom: true,
  volunteerChecks: { select: { id: true }, take: 1 },
} as const;
