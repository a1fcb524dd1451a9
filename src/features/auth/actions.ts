"use server";

import { AuthError } from "next-auth";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { defineAction, definePublicAction } from "@/server/action";
import { signIn, signOut, SignInBusyError, SignInLockedError } from "@/server/auth";
import { db } from "@/server/db";
import { recordSecurityEvent } from "@/server/security-events";
import { getActor, getSessionClaims, SCHOOL_COOKIE } from "@/server/session";
import { endEverySession, endSession } from "@/server/sign-in";
import { changePassword, switchSchool } from "./commands";
import { signInSchema } from "./schemas";
import { z } from "zod";

export const signInAction = definePublicAction(signInSchema, async (input) => {
  try {
    await signIn("credentials", { email: input.email, password: input.password, redirect: false });
  } catch (error) {
    // The form keeps the email; a password is never sent back.
    const values = { email: input.email };
    if (error instanceof SignInLockedError) {
      return {
        ok: false,
        values,
        message:
          "There have been too many wrong passwords for this email address, so signing in to it is paused for 15 minutes. Please try again later, or ask your school's PeerPath admin.",
      };
    }
    if (error instanceof SignInBusyError) {
      return {
        ok: false,
        values,
        message: "Signing in is busy right now, so your password was not checked. Please try again in a moment.",
      };
    }
    if (error instanceof AuthError) return { ok: false, values, message: "The email or password is wrong. Please try again." };
    throw error;
  }
  redirect("/");
});

/** Signs out this device: its session row goes, so a copy of its cookie stops working too (ADR 005). */
export const signOutAction = definePublicAction(z.object({}), async () => {
  const claims = await getSessionClaims();
  if (claims) await endSession(db, claims);
  await signOut({ redirect: false });
  redirect("/sign-in?signedOut=1");
});

/**
 * Signs out every device this user is signed in on, this one included. Only from a live session: a
 * cookie that was already signed out must not be able to sign its owner out elsewhere.
 */
export const signOutEverywhereAction = definePublicAction(z.object({}), async () => {
  const actor = await getActor();
  if (actor) {
    await endEverySession(db, actor.userId);
    await recordSecurityEvent({ kind: "auth.signed_out_everywhere", userId: actor.userId, schoolId: actor.schoolId });
  }
  await signOut({ redirect: false });
  redirect("/sign-in?signedOutEverywhere=1");
});

const runSwitchSchool = defineAction(switchSchool);
export const switchSchoolAction = definePublicAction(z.object({ schoolId: z.string() }), async (input, formData) => {
  const result = await runSwitchSchool({ ok: false }, formData);
  if (!result.ok) return result;
  (await cookies()).set(SCHOOL_COOKIE, input.schoolId, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: (await headers()).get("x-forwarded-proto") === "https",
  });
  redirect("/");
});

const runChangePassword = defineAction(changePassword);
export const changePasswordAction = definePublicAction(z.object({}).loose(), async (_input, formData) => {
  const result = await runChangePassword({ ok: false }, formData);
  if (!result.ok) return { ...result, values: {} };
  await signOut({ redirect: false });
  redirect("/sign-in?passwordChanged=1");
});
