"use server";

import { AuthError } from "next-auth";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { defineAction, definePublicAction } from "@/server/action";
import { signIn, signOut, SignInBusyError, SignInLockedError } from "@/server/auth";
import { db } from "@/server/db";
import { recordSecurityEvent } from "@/server/security-events";
import { getActor, getSessionClaims, SCHOOL_COOKIE } from "@/server/session";
import { env } from "@/env";
import { clientIp } from "@/server/auth";
import { endEverySession, endSession } from "@/server/sign-in";
import { ssoButtons } from "@/server/sso-providers";
import { checkSecondFactor, confirmTwoFactorSetUp, pendingSecondFactor, type SecondFactorResult } from "@/server/two-factor";
import { changePassword, switchSchool } from "./commands";
import { signInSchema, ssoSignInSchema, twoFactorCodeSchema } from "./schemas";
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

/** Single sign-on (issue 12): off to the provider; its answer comes back to Auth.js's callback. */
export const ssoSignInAction = definePublicAction(ssoSignInSchema, async (input) => {
  if (!ssoButtons(env).some((button) => button.id === input.provider))
    return { ok: false, message: "That way of signing in is not available here. Sign in with your email address and password." };
  await signIn(input.provider, { redirectTo: "/" });
  return { ok: true };
});

const CODE_WRONG = "That code did not work. Check your authenticator app and try again: each code works once, for about 30 seconds.";

/** What a second-factor answer tells the person (issue 12). */
function secondFactorRefusal(result: Exclude<SecondFactorResult, { status: "ok" }>, field: string) {
  if (result.status === "gone") redirect("/sign-in");
  if (result.status === "now-code") redirect("/sign-in/two-factor");
  if (result.status === "locked")
    return {
      ok: false,
      message:
        "There have been too many wrong codes, so signing in is paused for 15 minutes. Please try again later, or ask your school's PeerPath admin.",
    };
  if (result.status === "busy")
    return { ok: false, message: "Signing in is busy right now, so your code was not checked. Please try again in a moment." };
  return { ok: false, message: CODE_WRONG, fieldErrors: { [field]: [CODE_WRONG] } };
}

/** Sets up two-factor at sign-in with the app's first code; the recovery codes come back once. */
export const confirmTwoFactorAction = definePublicAction(twoFactorCodeSchema, async (input) => {
  const pending = await pendingSecondFactor(db, await getSessionClaims());
  if (!pending) redirect("/sign-in");
  const result = await confirmTwoFactorSetUp(db, pending, { code: input.code, ip: clientIp(await headers()) });
  if (result.status !== "ok") return secondFactorRefusal(result, "code");
  return {
    ok: true,
    message: "Two-factor sign-in is set up. Save your recovery codes now: this is the only time they are shown.",
    shownOnce: result.recoveryCodes,
  };
});

/** The second step of a password sign-in: a code from the app, or a recovery code. */
export const enterTwoFactorCodeAction = definePublicAction(twoFactorCodeSchema, async (input) => {
  const pending = await pendingSecondFactor(db, await getSessionClaims());
  if (!pending) redirect("/sign-in");
  const result = await checkSecondFactor(db, pending, { code: input.code, ip: clientIp(await headers()) });
  if (result.status !== "ok") return { ...secondFactorRefusal(result, "code"), values: {} };
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
