import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card, Notice, PageHeader } from "@/components/ui/card";
import { AppShell } from "@/components/app-shell";
import { ChangePasswordForm } from "@/features/auth/components/change-password-form";
import { getActor } from "@/server/session";

export const metadata: Metadata = { title: "Change your password" };

export default async function ChangePasswordPage() {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  return (
    <AppShell actor={actor} current="/account/password">
      <PageHeader title="Change your password" />
      <div className="max-w-lg space-y-4">
        {actor.mustChangePassword ? (
          <Notice tone="calm">Before you start, please choose your own password. The one you were given works only once.</Notice>
        ) : null}
        <Card>
          <ChangePasswordForm />
        </Card>
      </div>
    </AppShell>
  );
}
