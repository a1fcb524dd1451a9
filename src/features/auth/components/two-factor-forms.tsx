"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { buttonClasses } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { confirmTwoFactorAction, enterTwoFactorCodeAction } from "../actions";

/** Setting up two-factor at sign-in (issue 12): the app's first code; then the recovery codes, once. */
export function TwoFactorSetUpForm() {
  const { state, formAction, value, errors, key } = useForm(confirmTwoFactorAction);
  if (state.ok && state.shownOnce) return <RecoveryCodes codes={state.shownOnce} message={state.message ?? ""} />;
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Confirm your authenticator app">
      <FormMessage state={state} />
      <div key={key}>
        <TextInput
          id="code"
          name="code"
          label="The 6-digit code your app shows"
          inputMode="numeric"
          autoComplete="one-time-code"
          spellCheck={false}
          defaultValue={value("code")}
          errors={errors("code")}
          required
        />
      </div>
      <SubmitButton className="w-full" pendingText="Checking…">
        Turn on two-factor
      </SubmitButton>
    </form>
  );
}

function RecoveryCodes({ codes, message }: { codes: string[]; message: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="space-y-4" aria-labelledby="recovery-codes-heading">
      <h2 id="recovery-codes-heading" ref={heading} tabIndex={-1} className="text-xl font-bold">
        Your recovery codes
      </h2>
      <p role="status" className="font-semibold text-good">
        {message}
      </p>
      <p>
        If you lose your phone, each of these codes signs you in once instead of a code from the app. Keep them somewhere safe, away from
        your phone: print them, or write them down.
      </p>
      <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-2 font-mono text-lg">
        {codes.map((code) => (
          <li key={code} className="rounded-md border border-line bg-canvas px-3 py-2 text-center">
            {code}
          </li>
        ))}
      </ul>
      <Link href="/" className={buttonClasses("primary", "md", "w-full")}>
        I have saved them: continue
      </Link>
    </section>
  );
}

/** The second step of a password sign-in: a code from the app, or a recovery code. */
export function TwoFactorCodeForm() {
  const { state, formAction, errors, key } = useForm(enterTwoFactorCodeAction);
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Enter your two-factor code">
      <FormMessage state={state} />
      <div key={key}>
        <TextInput
          id="code"
          name="code"
          label="Code from your authenticator app"
          hint="Or, if you do not have your phone, one of your recovery codes, like ABCDE-FGHJK."
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          errors={errors("code")}
          required
        />
      </div>
      <SubmitButton className="w-full" pendingText="Checking…">
        Sign in
      </SubmitButton>
    </form>
  );
}
