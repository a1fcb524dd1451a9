import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/server/session";
import { formatStaffDate, todayIn } from "@/lib/dates";
import { listSupervisedThisWeek } from "@/features/sessions/queries";
import { NextMeeting } from "@/features/meetings/components/next-meeting";

export const metadata: Metadata = { title: "Pairings I supervise" };

export default async function SupervisingPage() {
  const actor = await requireActor("TEACHER", "DSL", "COORDINATOR", "ADMIN");
  const pairings = await listSupervisedThisWeek(actor);
  const today = todayIn(actor.timezone);
  return (
    <AppShell actor={actor} current="/staff/supervising">
      <PageHeader title="Pairings I supervise" description="This week's sessions, held or not." />
      {pairings.length === 0 ? (
        <EmptyState title="No pairings yet">
          When the coordinator makes you the supervising teacher of a pairing, it appears here.
        </EmptyState>
      ) : (
        <div className="grid max-w-4xl gap-4 md:grid-cols-2">
          {pairings.map((p) => (
            <Card key={p.id} title={p.name ?? `${p.mentors.join(" & ")} with ${p.mentees.join(", ")}`}>
              <p className="mb-2">
                {p.heldThisWeek.length > 0 ? (
                  <Badge tone="good">Held this week</Badge>
                ) : (
                  <Badge tone="calm">Not logged yet this week</Badge>
                )}
              </p>
              {p.heldThisWeek.map((s) => (
                <p key={s.id}>
                  <Link href={`/sessions/${s.id}`} className="inline-flex min-h-11 items-center font-semibold text-accent underline">
                    Session on {formatStaffDate(s.heldOn)}
                  </Link>
                </p>
              ))}
              <p className="mt-2 font-semibold">Next meeting</p>
              <NextMeeting meeting={p.nextMeeting} today={today} style="staff" />
              <p className="mt-3">
                <Link href={`/staff/log/${p.id}`} className="inline-flex min-h-11 items-center font-semibold text-accent underline">
                  Log a session for the mentor
                </Link>
              </p>
            </Card>
          ))}
        </div>
      )}
    </AppShell>
  );
}
