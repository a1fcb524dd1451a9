"use server";

import { AuthError } from "next-auth";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { defineAction, definePublicAction } from "@/server/action";
import { signIn, signOut, SignInLockedError } from "@/server/auth";
import { SCHOOL_COOKIE } from "@/server/session";
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
          "Too many attempts to sign in to this account. For your safety, sign-in is paused for 15 minutes. Please try again later, or ask your school's PeerPath admin.",
      };
    }
    if (error instanceof AuthError) return { ok: false, values, message: "The email or password is wrong. Please try again." };
    throw error;
  }
  redirect("/");
});

export const signOutAction = definePublicAction(z.object({}), async () => {
  await signOut({ redirect: false });
  redirect("/sign-in?signedOut=1");
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
