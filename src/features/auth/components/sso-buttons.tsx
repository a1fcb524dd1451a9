"use client";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { ssoSignInAction } from "../actions";

/** The single sign-on providers this PeerPath offers (issue 12): one button each, above the password form. */
export function SsoButtons({ buttons }: { buttons: { id: string; label: string }[] }) {
  const { state, formAction } = useForm(ssoSignInAction);
  if (buttons.length === 0) return null;
  return (
    <form action={formAction} className="space-y-3" aria-label="Sign in with your school account">
      <FormMessage state={state} />
      {buttons.map((button) => (
        <Button key={button.id} type="submit" name="provider" value={button.id} variant="secondary" className="w-full">
          {button.label}
        </Button>
      ))}
    </form>
  );
}
