"use client";

import { TextInput } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { signInAction } from "../actions";

export function SignInForm() {
  const { state, formAction, value, errors, key } = useForm(signInAction);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <div key={key} className="space-y-4">
        <TextInput
          id="email"
          name="email"
          type="email"
          label="Email address"
          autoComplete="username"
          defaultValue={value("email")}
          errors={errors("email")}
          required
        />
        <TextInput
          id="password"
          name="password"
          type="password"
          label="Password"
          autoComplete="current-password"
          errors={errors("password")}
          required
        />
      </div>
      <SubmitButton className="w-full" pendingText="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}
