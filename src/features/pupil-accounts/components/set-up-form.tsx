"use client";

import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { NewPasswordFields } from "@/components/forms/new-password-fields";
import { TextInput } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { setUpWithCodeAction } from "../actions";

/** /set-up: a pupil's first password, from the code on their card. Phone first: one column, large targets. */
export function SetUpForm() {
  const { state, formAction, value, errors, key } = useForm(setUpWithCodeAction);
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Set up your account">
      <FormMessage state={state} />
      <div key={key} className="space-y-4">
        <TextInput
          id="email"
          name="email"
          type="email"
          inputMode="email"
          label="Your school email"
          autoComplete="username"
          defaultValue={value("email")}
          errors={errors("email")}
          required
        />
        <TextInput
          id="code"
          name="code"
          label="Your set-up code"
          hint="It is on the card from your form tutor, like ABCDE-FGHJK."
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          defaultValue={value("code")}
          errors={errors("code")}
          required
        />
        <NewPasswordFields errors={errors} label="Choose a password" againLabel="Type the password again" required />
      </div>
      <SubmitButton className="w-full" size="lg" pendingText="Setting your password…">
        Set my password
      </SubmitButton>
    </form>
  );
}
