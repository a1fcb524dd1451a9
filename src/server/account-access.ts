// Who may use their account at all (issue 11, ADR 025): one definition, read by sign-in and by every
// request's actor. A staff member needs a membership the school has not disabled; a pupil needs to be
// on roll, and an alumnus to have been invited back to mentor with their volunteer check recorded.

/** A membership that still opens its school (neither it nor the user disabled): `where` for Prisma. */
export const LIVE_MEMBERSHIP = { disabledAt: null, user: { disabledAt: null } } as const;

/** A pupil record as PUPIL_ACCESS_SELECT reads it. */
export type PupilAccess = { status: "ON_ROLL" | "LEFT" | "ALUMNI"; alumniMentorFrom: Date | null; volunteerChecks: readonly unknown[] };

/** A pupil record that still lets its user sign in. */
export function pupilMaySignIn(pupil: PupilAccess): boolean {
  if (pupil.status === "ON_ROLL") return true;
  return pupil.status === "ALUMNI" && pupil.alumniMentorFrom !== null && pupil.volunteerChecks.length > 0;
}

/**
 * The schools an account opens (issue 12): each staff membership with a role (the query keeps only
 * LIVE_MEMBERSHIP ones) and a pupil record that may sign in. Single sign-on must be trusted by all.
 */
export function schoolsOpened(account: {
  memberships: readonly { schoolId: string; roles: readonly unknown[] }[];
  students: readonly (PupilAccess & { schoolId: string })[];
}): string[] {
  const ids = [
    ...account.memberships.filter((m) => m.roles.length > 0).map((m) => m.schoolId),
    ...account.students.filter(pupilMaySignIn).map((p) => p.schoolId),
  ];
  return [...new Set(ids)];
}

/** Prisma's `select` for pupilMaySignIn's facts. */
export const PUPIL_ACCESS_SELECT = {
  status: true,
  alumniMentorFrom: true,
  volunteerChecks: { select: { id: true }, take: 1 },
} as const;
