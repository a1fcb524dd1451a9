import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Notice } from "@/components/ui/card";
import { SignOutButton } from "@/features/auth/components/account-menu";
import { TwoFactorCodeForm, TwoFactorSetUpForm } from "@/features/auth/components/two-factor-forms";
import { db } from "@/server/db";
import { getSessionClaims } from "@/server/session";
import { pendingSecondFactor, setUpViewFor } from "@/server/two-factor";

export const metadata: Metadata = { title: "Two-factor sign-in" };

// The second step of a password sign-in for staff at a school that asks for it (issue 12): set up an
// authenticator app (QR code and the secret as text), or enter a code. Only for a session waiting on it.
export default async function TwoFactorPage() {
  const pending = await pendingSecondFactor(db, await getSessionClaims());
  if (!pending) redirect("/");
  const view = pending.step === "SET_UP" ? await setUpViewFor(db, pending) : null;
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <p className="text-2xl font-bold text-accent-strong">PeerPath</p>
      {pending.step === "SET_UP" ? (
        <>
          <h1 className="mt-4 text-3xl font-bold">Set up two-factor sign-in</h1>
          <p className="mt-1 text-muted">
            Your school asks staff who can see pupils&apos; details to confirm each sign-in with an authenticator app on their phone.
          </p>
          <div className="mt-6 space-y-4 rounded-[var(--radius-card)] border border-line bg-surface p-5">
            {view ? (
              <>
                <ol className="list-decimal space-y-2 pl-5">
                  <li>Open an authenticator app on your phone (for example Google Authenticator or Microsoft Authenticator).</li>
                  <li>Add an account, and scan this QR code.</li>
                  <li>Type the 6-digit code the app shows.</li>
                </ol>
                {/* eslint-disable-next-line @next/next/no-img-element -- a data: SVG drawn on the server */}
                <img
                  src={`data:image/svg+xml;utf8,${encodeURIComponent(view.qrSvg)}`}
                  alt={`QR code to add PeerPath (${view.email}) to your authenticator app`}
                  width={220}
                  height={220}
                  className="mx-auto block rounded-md border border-line bg-white"
                />
                <div>
                  <p className="font-semibold">Cannot scan it? Type this key into the app instead:</p>
                  <p className="mt-1 break-all rounded-md border border-line bg-canvas px-3 py-2 font-mono text-lg" id="totp-key">
                    {view.secret}
                  </p>
                </div>
                <TwoFactorSetUpForm />
              </>
            ) : (
              <Notice tone="danger" role="alert">
                Setting up two-factor has been reset. Please sign out and sign in again.
              </Notice>
            )}
          </div>
        </>
      ) : (
        <>
          <h1 className="mt-4 text-3xl font-bold">Enter your code</h1>
          <p className="mt-1 text-muted">Open your authenticator app and type the 6-digit code it shows for PeerPath.</p>
          <div className="mt-6 rounded-[var(--radius-card)] border border-line bg-surface p-5">
            <TwoFactorCodeForm />
          </div>
          <p className="mt-4 text-sm text-muted">
            Lost your phone and your recovery codes? Ask your school&apos;s PeerPath admin to reset your two-factor.
          </p>
        </>
      )}
      <div className="mt-4">
        <SignOutButton label="Cancel and sign out" />
      </div>
    </main>
  );
}
