import type { Metadata } from "next";
import Link from "next/link";
import { SetUpForm } from "@/features/pupil-accounts/components/set-up-form";

export const metadata: Metadata = { title: "Set up your account" };

// Public (issue 11): a pupil chooses their first password with the code on their card, signed out.
export default function SetUpPage() {
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <p className="text-2xl font-bold text-accent-strong">PeerPath</p>
      <h1 className="mt-4 text-3xl font-bold">Set up your account</h1>
      <p className="mt-1 text-muted">Use the card your form tutor gave you. You only need to do this once.</p>
      <div className="mt-6 rounded-[var(--radius-card)] border border-line bg-surface p-5">
        <SetUpForm />
      </div>
      <p className="mt-4 text-muted">
        Already chose a password?{" "}
        <Link href="/sign-in" className="inline-flex min-h-11 items-center font-semibold text-accent underline">
          Sign in
        </Link>
      </p>
    </main>
  );
}
