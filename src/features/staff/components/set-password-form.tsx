"use client";

import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { NewPasswordFields } from "@/components/forms/new-password-fields";
import { setPasswordWithLinkAction } from "../actions";

/** Choosing a password with a link: the link's parts ride along as hidden fields; success goes to sign-in. */
export function SetPasswordForm({ schoolId, token, email }: { schoolId: string; token: string; email: string }) {
  const { state, formAction, errors } = useForm(setPasswordWithLinkAction);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="schoolId" value={schoolId} />
      <input type="hidden" name="token" value={token} />
      {/* For password managers: which account this password belongs to. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <NewPasswordFields errors={errors} />
      <SubmitButton pendingText="Setting your password…">Set my password</SubmitButton>
    </form>
  );
}
