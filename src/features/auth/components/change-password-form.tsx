"use client";

import { TextInput } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { NewPasswordFields } from "@/components/forms/new-password-fields";
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
      <NewPasswordFields errors={errors} />
      <SubmitButton>Change password</SubmitButton>
    </form>
  );
}
