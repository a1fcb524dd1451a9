// Real actors for tests: loaded from the test database exactly as a signed-in request would be.
import { db } from "@/server/db";
import { loadActor, type Actor, type Role } from "@/server/actor";

/** The password the factories give every account unless told otherwise. */
export const FACTORY_PASSWORD = "correct horse battery";

export async function actorFor(user: { id: string } | string, preferredSchoolId?: string | null): Promise<Actor> {
  const userId = typeof user === "string" ? user : user.id;
  const row = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
  const actor = await loadActor(db, { userId, sessionVersion: row.sessionVersion }, preferredSchoolId);
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
