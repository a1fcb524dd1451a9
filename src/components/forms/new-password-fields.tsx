"use client";

import { TextInput } from "@/components/ui/field";

/**
 * The new password and its repeat, as every form that sets one's own password asks for them (a change,
 * a set-password link, a pupil's set-up code); the rule is `newPasswordFields` on the server.
 */
export function NewPasswordFields({
  errors,
  label = "New password",
  againLabel = "New password again",
  required,
}: {
  errors: (name: string) => string[] | undefined;
  label?: string;
  againLabel?: string;
  required?: boolean;
}) {
  return (
    <>
      <TextInput
        id="newPassword"
        name="newPassword"
        type="password"
        label={label}
        hint="At least 12 characters. A short sentence is easy to remember."
        autoComplete="new-password"
        errors={errors("newPassword")}
        required={required}
      />
      <TextInput
        id="confirmPassword"
        name="confirmPassword"
        type="password"
        label={againLabel}
        autoComplete="new-password"
        errors={errors("confirmPassword")}
        required={required}
      />
    </>
  );
}
