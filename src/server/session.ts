import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "./auth";
import { db } from "./db";
import { loadActor, type Actor, type Role, type SessionClaims } from "./actor";
import { requireRoleForRead } from "./security-events";

export const SCHOOL_COOKIE = "pp-school";

/** What the session token says, when it says all of it; tokens from before session rows say too little. */
export const getSessionClaims = cache(async (): Promise<SessionClaims | null> => {
  const session = (await auth()) as Partial<SessionClaims> | null;
  if (!session?.userId || typeof session.sessionVersion !== "number" || typeof session.sessionId !== "string") return null;
  return { userId: session.userId, sessionVersion: session.sessionVersion, sessionId: session.sessionId };
});

/** The signed-in actor for this request, loaded once per request from the database. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const claims = await getSessionClaims();
  if (!claims) return null;
  const preferredSchool = (await cookies()).get(SCHOOL_COOKIE)?.value ?? null;
  return loadActor(db, claims, preferredSchool);
});

/**
 * For pages: signed out → sign-in; signed in without one of `roles` → 404, the same answer as a
 * record that does not exist.
 */
export async function requireActor(...roles: Role[]): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  if (actor.mustChangePassword) redirect("/account/password");
  if (roles.length > 0) await requireRoleForRead(actor, ...roles);
  return actor;
}
