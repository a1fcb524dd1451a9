"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { defineAction, definePublicAction } from "@/server/action";
import { clientIp } from "@/server/auth";
import { createPupilAccounts, renewSetUpCodes, resetPupilPassword, setUpWithCode, SET_UP_FAILED_MESSAGE } from "./commands";
import { setUpWithCodeSchema } from "./schemas";
import { commonPasswordProblem } from "@/server/password-policy";
import { CHECK_FIELDS_MESSAGE } from "@/lib/field-errors";

export const createPupilAccountsAction = defineAction(createPupilAccounts);
export const renewSetUpCodesAction = defineAction(renewSetUpCodes);
export const resetPupilPasswordAction = defineAction(resetPupilPassword);

/** /set-up, signed out: a pupil's code and their own new password; then to sign in with it. */
export const setUpWithCodeAction = definePublicAction(setUpWithCodeSchema, async (input) => {
  // The form keeps the email and the code as typed; passwords are never sent back.
  const values = { email: input.email, code: input.code };
  const problem = commonPasswordProblem(input.newPassword);
  if (problem) return { ok: false, message: CHECK_FIELDS_MESSAGE, fieldErrors: { newPassword: [problem] }, values };
  const outcome = await setUpWithCode({ ...input, ip: clientIp(await headers()) });
  if (outcome === "locked")
    return {
      ok: false,
      values,
      message:
        "There have been too many wrong codes for this email address, so it is paused for 15 minutes. Please try again later, or ask your form tutor.",
    };
  if (outcome === "busy")
    return { ok: false, values, message: "PeerPath is busy right now, so nothing was changed. Please try again in a moment." };
  if (outcome === "invalid") return { ok: false, values, message: SET_UP_FAILED_MESSAGE };
  redirect("/sign-in?passwordSet=1");
});
