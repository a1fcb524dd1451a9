"use client";

import { TextArea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { updateSignInSettingsAction } from "../actions";

type Settings = {
  requireTwoFactor: boolean;
  googleDomains: string[];
  microsoftTenants: string[];
  oidcDomains: string[];
  offered: string[];
  oidcName: string | null;
};

/** The school's sign-in settings (issue 12): two-factor for staff, and the school's SSO organisations. */
export function SignInSettingsForm({ settings }: { settings: Settings }) {
  const { state, formAction, value, errors, key } = useForm(updateSignInSettingsAction);
  const list = (field: string, values: string[]) => value(field, values.join("\n"));
  const checked = state.values ? state.values.requireTwoFactor === "on" : settings.requireTwoFactor;
  return (
    <form action={formAction} className="space-y-6" noValidate aria-label="Sign-in settings">
      <FormMessage state={state} />
      <div key={key} className="space-y-6">
        <fieldset className="space-y-2">
          <legend className="text-lg font-bold">Two-factor sign-in</legend>
          <label className="flex min-h-11 items-start gap-3">
            <input type="checkbox" name="requireTwoFactor" defaultChecked={checked} className="mt-1 h-5 w-5" />
            <span>
              Ask admins, coordinators, safeguarding leads and the headteacher for a code from an authenticator app when they sign in with a
              password
              <span className="block text-sm text-muted">
                They set it up the next time they sign in. Signing in with Google or Microsoft relies on their own second factor.
              </span>
            </span>
          </label>
        </fieldset>
        <fieldset className="space-y-4">
          <legend className="text-lg font-bold">Single sign-on</legend>
          <p className="text-sm text-muted">
            Only accounts your school has added can sign in, and only from the organisations listed here. One per line.
          </p>
          <TextArea
            id="googleDomains"
            name="googleDomains"
            label="Google Workspace domains"
            hint={
              settings.offered.includes("GOOGLE")
                ? "Like greenfield.sch.uk."
                : "Like greenfield.sch.uk. Google sign-in is not switched on for this PeerPath yet."
            }
            rows={2}
            defaultValue={list("googleDomains", settings.googleDomains)}
            errors={errors("googleDomains")}
          />
          <TextArea
            id="microsoftTenants"
            name="microsoftTenants"
            label="Microsoft Entra tenant IDs"
            hint={
              settings.offered.includes("MICROSOFT")
                ? "Your IT team finds it in the Entra admin centre, under Overview: a code like 72f988bf-86f1-41af-91ab-2d7cd011db47."
                : "A code like 72f988bf-86f1-41af-91ab-2d7cd011db47. Microsoft sign-in is not switched on for this PeerPath yet."
            }
            rows={2}
            defaultValue={list("microsoftTenants", settings.microsoftTenants)}
            errors={errors("microsoftTenants")}
          />
          {settings.offered.includes("OIDC") ? (
            <TextArea
              id="oidcDomains"
              name="oidcDomains"
              label={`Email domains for ${settings.oidcName ?? "your school account"}`}
              hint="Like greenfield.sch.uk: the part of your school's email addresses after the @."
              rows={2}
              defaultValue={list("oidcDomains", settings.oidcDomains)}
              errors={errors("oidcDomains")}
            />
          ) : (
            <input type="hidden" name="oidcDomains" value={settings.oidcDomains.join("\n")} />
          )}
        </fieldset>
      </div>
      <SubmitButton>Save sign-in settings</SubmitButton>
    </form>
  );
}
