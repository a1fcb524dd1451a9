import { LIVE_MEMBERSHIP, pupilMaySignIn, schoolsOpened } from "./account-access";
import type { Db } from "./db";

export const STAFF_ROLES = ["ADMIN", "COORDINATOR", "TEACHER", "DSL", "HEAD", "CHAIR_OF_GOVERNORS"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
/**
 * ALUMNI_MENTOR: a former pupil invited back to mentor (issue 11, ADR 025) once staff recorded their
 * volunteer check. Not a pupil role: it sees only its own supervised pairings, never boards or points.
 */
export type PupilRole = "MENTOR" | "MENTEE" | "PUPIL" | "ALUMNI_MENTOR";
export type Role = StaffRole | PupilRole;
/** Everyone signed in: for the commands anyone may run (their own password, notifications, raising a concern). */
export const EVERY_ROLE: readonly Role[] = [...STAFF_ROLES, "MENTOR", "MENTEE", "PUPIL", "ALUMNI_MENTOR"];
/** Who mentors: a pupil mentor, or an alumnus invited back. */
export const MENTOR_ROLES = ["MENTOR", "ALUMNI_MENTOR"] as const satisfies readonly Role[];

/** Who is asking: always loaded from the database on the server, never from a form or URL. */
export type Actor = {
  userId: string;
  name: string;
  email: string;
  mustChangePassword: boolean;
  schoolId: string;
  schoolName: string;
  timezone: string;
  roles: Role[];
  /** The pupil record when the user is a pupil, else null. */
  studentId: string | null;
  /** Every school this user may switch to (trust staff work in several). */
  schools: { id: string; name: string }[];
};

export function isStaff(actor: Actor): boolean {
  return actor.roles.some((role) => (STAFF_ROLES as readonly string[]).includes(role));
}

/**
 * People who work at the school and so may see its pupils: every staff role but the chair of
 * governors, who is not school staff and holds the flag only to receive concerns about the head.
 */
export const SCHOOL_STAFF_ROLES = ["ADMIN", "COORDINATOR", "TEACHER", "DSL", "HEAD"] as const satisfies readonly StaffRole[];

export function isSchoolStaff(actor: Actor): boolean {
  return actor.roles.some((role) => (SCHOOL_STAFF_ROLES as readonly string[]).includes(role));
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((role) => actor.roles.includes(role));
}

/**
 * The home page for an actor: staff land on coordinator (which shows a safeguarding lead's open concerns
 * first), safeguarding, admin, then staff; mentors on /mentor.
 */
export function homePathFor(actor: Actor): string {
  if (hasRole(actor, "COORDINATOR")) return "/coordinator";
  if (hasRole(actor, "DSL", "HEAD", "CHAIR_OF_GOVERNORS")) return "/safeguarding";
  if (hasRole(actor, "ADMIN")) return "/admin";
  if (hasRole(actor, "TEACHER", "DSL")) return "/staff";
  if (hasRole(actor, "MENTOR", "ALUMNI_MENTOR")) return "/mentor";
  return "/student";
}

/** What the session token carries (ADR 005): who, the user's session version, and this device's session row. */
export type SessionClaims = { userId: string; sessionVersion: number; sessionId: string };

/**
 * A single sign-on session opens the account only while every school it opens trusts the organisation
 * that vouched for it (issue 12, ADR 026): a school added to the account later, or an organisation a
 * school stops trusting, ends the session at its next request.
 */
async function ssoStillTrusted(db: Db, provider: "GOOGLE" | "MICROSOFT" | "OIDC", organisation: string, opens: string[]): Promise<boolean> {
  if (opens.length === 0) return false;
  const trusting = await db.ssoBinding.count({ where: { provider, value: organisation, schoolId: { in: opens } } });
  return trusting === opens.length;
}

/**
 * Loads the actor for a signed-in user. Returns null when this device's session row is gone (signed
 * out) or expired, the user is gone or disabled, or the session was issued before the user's session
 * version was bumped ("sign out everywhere", a password change).
 */
export async function loadActor(db: Db, session: SessionClaims, preferredSchoolId?: string | null): Promise<Actor | null> {
  const live = await db.userSession.findFirst({
    // A session still owed its second factor is not signed in yet (issue 12).
    where: { id: session.sessionId, userId: session.userId, expiresAt: { gt: new Date() }, secondFactor: null },
    select: { id: true, ssoProvider: true, ssoOrganisation: true },
  });
  if (!live) return null;
  const user = await db.user.findUnique({
    where: { id: session.userId },
    select: {
      id: true,
      name: true,
      email: true,
      disabledAt: true,
      sessionVersion: true,
      mustChangePassword: true,
      memberships: {
        where: LIVE_MEMBERSHIP,
        select: { schoolId: true, roles: true, school: { select: { id: true, name: true, timezone: true } } },
        orderBy: { createdAt: "asc" },
      },
      students: {
        take: 1,
        select: {
          id: true,
          status: true,
          alumniMentorFrom: true,
          schoolId: true,
          volunteerChecks: { select: { id: true }, take: 1 },
          school: { select: { id: true, name: true, timezone: true } },
          mentorProfiles: { select: { id: true }, where: { programme: { status: "ACTIVE" } }, take: 1 },
          menteeProfiles: { select: { id: true }, where: { programme: { status: "ACTIVE" } }, take: 1 },
        },
      },
    },
  });
  if (!user || user.disabledAt || user.sessionVersion !== session.sessionVersion) return null;
  if (live.ssoProvider && live.ssoOrganisation && !(await ssoStillTrusted(db, live.ssoProvider, live.ssoOrganisation, schoolsOpened(user))))
    return null;

  const base = { userId: user.id, name: user.name, email: user.email, mustChangePassword: user.mustChangePassword };
  const staffMemberships = user.memberships.filter((m) => m.roles.length > 0);
  if (staffMemberships.length > 0) {
    const active = staffMemberships.find((m) => m.school.id === preferredSchoolId) ?? staffMemberships[0]!;
    return {
      ...base,
      schoolId: active.school.id,
      schoolName: active.school.name,
      timezone: active.school.timezone,
      roles: [...active.roles],
      studentId: null,
      schools: staffMemberships.map((m) => ({ id: m.school.id, name: m.school.name })),
    };
  }
  const student = user.students[0];
  if (!student || !pupilMaySignIn(student)) return null;
  const alumni = { schoolId: student.school.id, schoolName: student.school.name, timezone: student.school.timezone, studentId: student.id };
  if (student.status === "ALUMNI")
    return { ...base, ...alumni, roles: ["ALUMNI_MENTOR"], schools: [{ id: student.school.id, name: student.school.name }] };
  const roles: Role[] = ["PUPIL"];
  if (student.mentorProfiles.length > 0) roles.push("MENTOR");
  if (student.menteeProfiles.length > 0) roles.push("MENTEE");
  return {
    ...base,
    schoolId: student.school.id,
    schoolName: student.school.name,
    timezone: student.school.timezone,
    roles,
    studentId: student.id,
    schools: [{ id: student.school.id, name: student.school.name }],
  };
}
