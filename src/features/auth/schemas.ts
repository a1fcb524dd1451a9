import { z } from "zod";
import { emailAddress, recordId } from "@/lib/schema-helpers";
import { SSO_PROVIDER_IDS } from "@/lib/sso";

const password = (missing: string) =>
  z.string({ error: missing }).min(1, { error: missing, abort: true }).max(200, { error: "That password is too long." });

export const signInSchema = z.object({
  email: emailAddress("Enter your email address."),
  password: password("Enter your password."),
});

/** A password someone chooses for themselves (a change, a set-password link, a pupil's set-up code): one rule. */
export const newPasswordFields = {
  newPassword: z
    .string({ error: "Choose a new password of at least 12 characters." })
    .min(12, { error: "Use at least 12 characters.", abort: true })
    .max(200, { error: "Use at most 200 characters." }),
  confirmPassword: z.string({ error: "Type the new password again." }).min(1, { error: "Type the new password again." }),
};

export const passwordsMatch: [(v: { newPassword: string; confirmPassword: string }) => boolean, { error: string; path: string[] }] = [
  (v) => v.newPassword === v.confirmPassword,
  { error: "The two new passwords do not match.", path: ["confirmPassword"] },
];

export const changePasswordSchema = z
  .object({ currentPassword: password("Enter your current password."), ...newPasswordFields })
  .refine(...passwordsMatch)
  .refine((v) => v.newPassword !== v.currentPassword, { error: "Choose a password you have not used here.", path: ["newPassword"] });

export const switchSchoolSchema = z.object({ schoolId: recordId });

/** Single sign-on: which configured provider's button was pressed (server/sso-providers.ts). */
export const ssoSignInSchema = z.object({
  provider: z.enum(Object.values(SSO_PROVIDER_IDS), { error: "Choose a way to sign in." }),
});

export const TWO_FACTOR_CODE_MISSING = "Enter the 6-digit code from your authenticator app.";

/** A code from the authenticator app, or (when signing in) a recovery code; checked on the server. */
export const twoFactorCodeSchema = z.object({
  code: z
    .string({ error: TWO_FACTOR_CODE_MISSING })
    .trim()
    .min(1, { error: TWO_FACTOR_CODE_MISSING, abort: true })
    .max(40, { error: "That code is too long. Check it and try again." }),
});
