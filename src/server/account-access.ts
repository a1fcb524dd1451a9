// Who may use their account at all (issue 11, ADR 025): one definition, read by sign-in and by every
// request's actor. A staff member needs a membership the school has not disabled; a pupil needs to be
// on roll (an alumnus only as an invited alumni mentor, added with that role).

/** A membership that still opens its school: `where` for Prisma. */
export const LIVE_MEMBERSHIP = { disabledAt: null } as const;

export type PupilAccess = { status: "ON_ROLL" | "LEFT" | "ALUMNI"; alumniMentorFrom: Date | null };

/** A pupil record that still lets its user sign in. */
export function pupilMaySignIn(pupil: PupilAccess): boolean {
  return pupil.status === "ON_ROLL";
}
