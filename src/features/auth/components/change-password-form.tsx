"use client";

import { TextInput } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { changePasswordAction } from "../actions";

export function ChangePasswordForm() {
  const { state, formAction, errors } = useForm(changePasswordAction);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <TextInput
        id="currentPassword"
        name="currentPassword"
        type="password"
        label="Current password"
        autoComplete="current-password"
        errors={errors("currentPassword")}
      />
      <TextInput
        id="newPassword"
        name="newPassword"
        type="password"
        label="New password"
        hint="At least 12 characters. A short sentence is easy to remember."
        autoComplete="new-password"
        errors={errors("newPassword")}
      />
      <TextInput
        id="confirmPassword"
        name="confirmPassword"
        type="password"
        label="New password again"
        autoComplete="new-password"
        errors={errors("confirmPassword")}
      />
      <SubmitButton>Change password</SubmitButton>
    </form>
  );
}
