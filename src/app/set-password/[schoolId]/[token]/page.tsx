import type { Metadata } from "next";
import { findLiveLink } from "@/server/account-links";
import { LINK_GONE_MESSAGE } from "@/features/staff/set-password";
import { SetPasswordForm } from "@/features/staff/components/set-password-form";

// A set-password link (issue 11): signed out, the token in the address is the only key. Opening the
// page never spends it (mail scanners open links first); only the form's answer does. An unknown,
// used, revoked or expired link gets one calm page that says nothing more.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Set your password",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default async function SetPasswordPage({ params }: { params: Promise<{ schoolId: string; token: string }> }) {
  const { schoolId, token } = await params;
  const link = await findLiveLink(schoolId, token);
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <p className="text-2xl font-bold text-accent-strong">PeerPath</p>
      {link ? (
        <>
          <h1 className="mt-4 text-3xl font-bold">Set your password</h1>
          <p className="mt-1 text-muted">For {link.email}. Then sign in with it.</p>
          <div className="mt-6 rounded-[var(--radius-card)] border border-line bg-surface p-5">
            <SetPasswordForm schoolId={schoolId} token={token} email={link.email} />
          </div>
        </>
      ) : (
        <>
          <h1 className="mt-4 text-3xl font-bold">This link no longer works</h1>
          <p className="mt-4 text-lg">{LINK_GONE_MESSAGE}</p>
        </>
      )}
    </main>
  );
}
