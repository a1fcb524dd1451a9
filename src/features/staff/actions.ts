"use server";

import { redirect } from "next/navigation";
import { defineAction, definePublicAction } from "@/server/action";
import {
  addStaffMember,
  disableStaffMember,
  enableStaffMember,
  resetStaffTwoFactor,
  sendSetPasswordLink,
  updateStaffMember,
} from "./commands";
import { setPasswordWithLinkSchema } from "./schemas";
import { LINK_GONE_MESSAGE, setPasswordWithLink } from "./set-password";
import { commonPasswordProblem } from "@/server/password-policy";
import { CHECK_FIELDS_MESSAGE } from "@/lib/field-errors";

export const addStaffMemberAction = defineAction(addStaffMember);
export const updateStaffMemberAction = defineAction(updateStaffMember);
export const disableStaffMemberAction = defineAction(disableStaffMember);
export const enableStaffMemberAction = defineAction(enableStaffMember);
export const sendSetPasswordLinkAction = defineAction(sendSetPasswordLink);
export const resetStaffTwoFactorAction = defineAction(resetStaffTwoFactor);

/** Signed out: the link in the address is the only key. Success goes to sign-in, to sign in with the new password. */
export const setPasswordWithLinkAction = definePublicAction(setPasswordWithLinkSchema, async (input) => {
  // Checked before the link is spent, so a refused password leaves the link working.
  const problem = commonPasswordProblem(input.newPassword);
  if (problem) return { ok: false, message: CHECK_FIELDS_MESSAGE, fieldErrors: { newPassword: [problem] }, values: {} };
  if (!(await setPasswordWithLink(input))) return { ok: false, message: LINK_GONE_MESSAGE, values: {} };
  redirect("/sign-in?passwordSet=1");
});
