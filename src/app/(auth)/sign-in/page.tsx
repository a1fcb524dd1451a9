import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Notice } from "@/components/ui/card";
import { SignInForm } from "@/features/auth/components/sign-in-form";
import { getActor } from "@/server/session";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getActor()) redirect("/");
  const params = await searchParams;
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
        {params.error ? (
          <Notice tone="danger" role="alert">
            We could not sign you in. Please try again.
          </Notice>
        ) : null}
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
