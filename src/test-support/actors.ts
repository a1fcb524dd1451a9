// Real actors for tests: loaded from the test database exactly as a signed-in request would be.
import { db } from "@/server/db";
import { loadActor, type Actor, type Role, type SessionClaims } from "@/server/actor";
import { SESSION_MS } from "@/server/sign-in";

/** The password the factories give every account unless told otherwise. */
export const FACTORY_PASSWORD = "correct horse battery";

/**
 * A signed-in device for this user, as a successful sign-in makes it: a session row, and the claims
 * its token carries (the user's current session version unless told otherwise).
 */
export async function signedInClaims(user: { id: string } | string, sessionVersion?: number): Promise<SessionClaims> {
  const userId = typeof user === "string" ? user : user.id;
  const version =
    sessionVersion ?? (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } })).sessionVersion;
  const session = await db.userSession.create({ data: { userId, expiresAt: new Date(Date.now() + SESSION_MS) }, select: { id: true } });
  return { userId, sessionVersion: version, sessionId: session.id };
}

export async function actorFor(user: { id: string } | string, preferredSchoolId?: string | null): Promise<Actor> {
  const userId = typeof user === "string" ? user : user.id;
  const actor = await loadActor(db, await signedInClaims(userId), preferredSchoolId);
  if (!actor) throw new Error(`actorFor: user ${userId} cannot sign in (disabled, left, or no role)`);
  return actor;
}

/** An in-memory actor for pure functions that only look at roles (never for database work). */
export function fakeActor(roles: Role[], overrides: Partial<Actor> = {}): Actor {
  return {
    userId: "user-fake",
    name: "Fake Person",
    email: "fake@test.example",
    mustChangePassword: false,
    schoolId: "school-fake",
    schoolName: "Fake School",
    timezone: "Europe/London",
    roles,
    studentId: roles.some((r) => r === "MENTOR" || r === "MENTEE" || r === "PUPIL") ? "student-fake" : null,
    schools: [{ id: "school-fake", name: "Fake School" }],
    ...overrides,
  };
}
