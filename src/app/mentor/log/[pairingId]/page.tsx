import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell";
import { PageHeader } from "@/components/ui/card";
import { requireActor } from "@/server/session";
import { MENTOR_ROLES } from "@/server/actor";
import { todayIn } from "@/lib/dates";
import { getPairingToLog } from "@/features/pairings/queries";
import { LogSessionForm } from "@/features/sessions/components/log-session-form";
import { RaiseFromLog } from "@/features/concerns/components/raise-from-log";

export const metadata: Metadata = { title: "Log a session" };

export default async function LogSessionPage({ params }: { params: Promise<{ pairingId: string }> }) {
  const actor = await requireActor(...MENTOR_ROLES);
  const { pairingId } = await params;
  const pairing = await getPairingToLog(actor, pairingId);
  return (
    <AppShell actor={actor} current="/mentor">
      <p className="mb-2">
        <Link href="/mentor" className="inline-flex min-h-11 items-center font-semibold text-accent underline">
          Back
        </Link>
      </p>
      <PageHeader title="Log a session" description={`With ${pairing.mentees.map((m) => m.firstName).join(", ")}`} />
      <div className="max-w-xl">
        <LogSessionForm
          pairingId={pairing.id}
          mentees={pairing.mentees}
          today={todayIn(actor.timezone)}
          defaultMinutes={pairing.sessionMinutes}
          activities={pairing.activities}
          plannedDay={pairing.plannedDay}
          isFirst={pairing.isFirst}
          isGroup={pairing.kind === "GROUP"}
        />
      </div>
      <RaiseFromLog />
    </AppShell>
  );
}
