import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell";
import { PageHeader } from "@/components/ui/card";
import { requireActor } from "@/server/session";
import { todayIn } from "@/lib/dates";
import { getPairingToLog } from "@/features/pairings/queries";
import { LogSessionForm } from "@/features/sessions/components/log-session-form";
import { RaiseFromLog } from "@/features/concerns/components/raise-from-log";

export const metadata: Metadata = { title: "Log a session for a mentor" };

/** A supervising teacher (or the coordinator) logs a session on the mentor's behalf; it is recorded as such. */
export default async function StaffLogSessionPage({ params }: { params: Promise<{ pairingId: string }> }) {
  const actor = await requireActor("TEACHER", "DSL", "COORDINATOR", "ADMIN");
  const { pairingId } = await params;
  const pairing = await getPairingToLog(actor, pairingId);
  return (
    <AppShell actor={actor} current="/staff/supervising">
      <p className="mb-2">
        <Link href="/staff/supervising" className="inline-flex min-h-11 items-center font-semibold text-accent underline">
          Back
        </Link>
      </p>
      <PageHeader
        title="Log a session for a mentor"
        description={`${pairing.mentors.map((m) => m.firstName).join(", ")} with ${pairing.mentees.map((m) => m.firstName).join(", ")}. It is recorded as logged by you on the mentor's behalf.`}
      />
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
