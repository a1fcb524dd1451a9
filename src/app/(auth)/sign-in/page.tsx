import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Notice } from "@/components/ui/card";
import { env } from "@/env";
import { SignInForm } from "@/features/auth/components/sign-in-form";
import { SsoButtons } from "@/features/auth/components/sso-buttons";
import { SSO_REFUSAL_MESSAGES, type SsoRefusal } from "@/lib/sso";
import { db } from "@/server/db";
import { getActor, getSessionClaims } from "@/server/session";
import { ssoButtons } from "@/server/sso-providers";
import { pendingSecondFactor } from "@/server/two-factor";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getActor()) redirect("/");
  // A right password still owed its second factor goes on to it (issue 12).
  if (await pendingSecondFactor(db, await getSessionClaims())) redirect("/sign-in/two-factor");
  const params = await searchParams;
  const refusal =
    typeof params.sso === "string" && params.sso in SSO_REFUSAL_MESSAGES ? SSO_REFUSAL_MESSAGES[params.sso as SsoRefusal] : null;
  const buttons = ssoButtons(env).map(({ id, label }) => ({ id, label }));
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <p className="text-2xl font-bold text-accent-strong">PeerPath</p>
      <h1 className="mt-4 text-3xl font-bold">Sign in</h1>
      <p className="mt-1 text-muted">Use the email address your school gave you.</p>
      <div className="mt-6 space-y-4 rounded-[var(--radius-card)] border border-line bg-surface p-5">
        {params.signedOut ? <Notice tone="calm">You have signed out.</Notice> : null}
        {params.signedOutEverywhere ? <Notice tone="calm">You have signed out on every device.</Notice> : null}
        {params.passwordChanged ? <Notice>Your password has been changed. Please sign in with your new password.</Notice> : null}
        {params.passwordSet ? <Notice>Your password is set. Sign in with it.</Notice> : null}
        {refusal ? (
          <Notice tone="danger" role="alert">
            {refusal}
          </Notice>
        ) : null}
        {params.error && !refusal ? (
          <Notice tone="danger" role="alert">
            We could not sign you in. Please try again.
          </Notice>
        ) : null}
        <SsoButtons buttons={buttons} />
        {buttons.length > 0 ? <p className="text-center text-muted">or sign in with your PeerPath password</p> : null}
        <SignInForm />
      </div>
      <p className="mt-4 text-sm text-muted">Forgotten your password? Ask your school&apos;s PeerPath admin to reset it.</p>
      <p className="mt-2 text-sm text-muted">
        New here with a code from your form tutor?{" "}
        <Link href="/set-up" className="inline-flex min-h-11 items-center font-semibold text-accent underline">
          Set up your account
        </Link>
      </p>
    </main>
  );
}
