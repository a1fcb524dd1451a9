import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { Card, PageHeader } from "@/components/ui/card";
import { getSignInSettingsForAdmin } from "@/features/admin/queries";
import { SignInSettingsForm } from "@/features/admin/components/sign-in-settings-form";
import { requireActor } from "@/server/session";

export const metadata: Metadata = { title: "Sign-in settings" };

export default async function SignInSettingsPage() {
  const actor = await requireActor("ADMIN");
  const settings = await getSignInSettingsForAdmin(actor);
  return (
    <AppShell actor={actor} current="/admin/sign-in">
      <PageHeader
        title="Sign-in settings"
        description="How staff and pupils sign in: with a password (and a second factor for staff who see pupils' details), or with your school's Google or Microsoft accounts."
      />
      <Card title="Sign-in">
        <SignInSettingsForm settings={settings} />
      </Card>
    </AppShell>
  );
}
