import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/server/session";
import { newIdempotencyKey } from "@/server/idempotency";
import { formatStaffDate, todayIn } from "@/lib/dates";
import { listProgrammesForCoordinator } from "@/features/programmes/queries";
import { cadenceLabels, programmeFormatLabels, programmeStatusLabels } from "@/features/programmes/labels";
import { CreateProgrammeForm } from "@/features/programmes/components/create-programme-form";

export const metadata: Metadata = { title: "Programmes" };

export default async function ProgrammesPage() {
  const actor = await requireActor("COORDINATOR");
  const programmes = await listProgrammesForCoordinator(actor);
  return (
    <AppShell actor={actor} current="/coordinator/programmes">
      <PageHeader
        title="Programmes"
        description={
          <>
            Set up each programme: what it is for, when pupils meet, its matching rules and your to-dos. Mentors choose from{" "}
            <Link href="/coordinator/activities" className="font-semibold text-accent underline">
              the school&apos;s activity list
            </Link>{" "}
            when they log a session.
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="The school's programmes" className="lg:col-span-2">
          {programmes.length === 0 ? (
            <EmptyState title="No programmes yet">Create the first one with the form on this page.</EmptyState>
          ) : (
            <ul className="divide-y divide-line">
              {programmes.map((p) => (
                <li key={p.id} className="flex flex-wrap items-start justify-between gap-2 py-3">
                  <div>
                    <Link href={`/coordinator/programmes/${p.id}`} className="font-semibold text-accent underline">
                      {p.name}
                    </Link>
                    <p className="text-sm text-muted">
                      {p.endsOn ? `${formatStaffDate(p.startsOn)} to ${formatStaffDate(p.endsOn)}` : `From ${formatStaffDate(p.startsOn)}`}{" "}
                      · {programmeFormatLabels[p.format]} · {cadenceLabels[p.cadence].toLowerCase()} · {p.livePairings} live pairing
                      {p.livePairings === 1 ? "" : "s"}
                    </p>
                  </div>
                  <Badge tone={p.status === "ACTIVE" ? "good" : p.status === "DRAFT" ? "accent" : "neutral"}>
                    {programmeStatusLabels[p.status]}
                  </Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Create a programme">
          <CreateProgrammeForm idempotencyKey={newIdempotencyKey()} today={todayIn(actor.timezone)} />
        </Card>
      </div>
    </AppShell>
  );
}
