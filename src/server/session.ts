import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { auth } from "./auth";
import { db } from "./db";
import { loadActor, type Actor, type Role } from "./actor";

export const SCHOOL_COOKIE = "pp-school";

/** The signed-in actor for this request, loaded once per request from the database. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = (await auth()) as { userId?: string; sessionVersion?: number } | null;
  if (!session?.userId || typeof session.sessionVersion !== "number") return null;
  const preferredSchool = (await cookies()).get(SCHOOL_COOKIE)?.value ?? null;
  return loadActor(db, { userId: session.userId, sessionVersion: session.sessionVersion }, preferredSchool);
});

/**
 * For pages: signed out → sign-in; signed in without one of `roles` → 404, the same answer as a
 * record that does not exist.
 */
export async function requireActor(...roles: Role[]): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  if (actor.mustChangePassword) redirect("/account/password");
  if (roles.length > 0 && !roles.some((role) => actor.roles.includes(role))) notFound();
  return actor;
}
