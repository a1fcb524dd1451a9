import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { requireActor } from "@/server/session";
import { MENTOR_ROLES } from "@/server/actor";
import { CheckInScreen } from "@/features/check-ins/components/check-in-screen";

export const metadata: Metadata = { title: "Your check-in" };

export default async function MentorCheckInPage({ params }: { params: Promise<{ pairingId: string }> }) {
  const actor = await requireActor(...MENTOR_ROLES);
  const { pairingId } = await params;
  return (
    <AppShell actor={actor} current="/mentor">
      <CheckInScreen actor={actor} pairingId={pairingId} role="MENTOR" />
    </AppShell>
  );
}
