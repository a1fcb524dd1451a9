import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/server/session";
import { formatStaffDate } from "@/lib/dates";
import { getProgrammeForCoordinator } from "@/features/programmes/queries";
import { programmeStatusLabels, skipGroupLabel, span } from "@/features/programmes/labels";
import { PROGRAMME_STATUS_HEADING, SKIPS_HEADING } from "@/features/programmes/headings";
import { ProgrammeSettingsForm } from "@/features/programmes/components/programme-settings-form";
import { ProgrammeStatusForms } from "@/features/programmes/components/programme-status-form";
import { AddSkipForm, RemoveSkipForm } from "@/features/programmes/components/skip-forms";

export const metadata: Metadata = { title: "Programme settings" };

const STATUS_MEANS = {
  DRAFT: "Being set up: it takes no pairings yet, and pupils do not see it.",
  ACTIVE: "Running: pairings can be made and sessions are planned.",
  CLOSED: "Closed: it takes no new pairings. Its history stays, and it can be reopened.",
} as const;

export default async function ProgrammeSettingsPage({ params }: { params: Promise<{ programmeId: string }> }) {
  const actor = await requireActor("COORDINATOR");
  const { programmeId } = await params;
  const programme = await getProgrammeForCoordinator(actor, programmeId);
  const { skips, slots, livePairings, hasWeekAB, ...settings } = programme;
  return (
    <AppShell actor={actor} current="/coordinator/programmes">
      <p className="mb-2">
        <Link href="/coordinator/programmes" className="font-semibold text-accent underline">
          All programmes
        </Link>
      </p>
      <PageHeader
        title={programme.name}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <Badge tone={programme.status === "ACTIVE" ? "good" : programme.status === "DRAFT" ? "accent" : "neutral"}>
              {programmeStatusLabels[programme.status]}
            </Badge>
            {programme.endsOn
              ? `${formatStaffDate(programme.startsOn)} to ${formatStaffDate(programme.endsOn)}`
              : `From ${formatStaffDate(programme.startsOn)}`}
          </span>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <ProgrammeSettingsForm programme={settings} slots={slots} hasWeekAB={hasWeekAB} />
        </div>
        <div className="space-y-6">
          <Card title="Status" headingId={PROGRAMME_STATUS_HEADING}>
            <p className="mb-3">{STATUS_MEANS[programme.status]}</p>
            {livePairings > 0 ? (
              <p className="mb-3 text-sm text-muted">
                {livePairings} live pairing{livePairings === 1 ? "" : "s"}, on the{" "}
                <Link href={`/coordinator?programme=${programme.id}`} className="font-semibold text-accent underline">
                  programme dashboard
                </Link>
                .
              </p>
            ) : null}
            <ProgrammeStatusForms programmeId={programme.id} version={programme.version} status={programme.status} />
          </Card>
          <Card title="Skipped weeks" headingId={SKIPS_HEADING}>
            <p className="mb-3 text-muted">No sessions are planned in these weeks, for the whole programme or one year group.</p>
            {skips.length === 0 ? (
              <EmptyState title="No skipped weeks">Add exam weeks, trips or mocks below.</EmptyState>
            ) : (
              <ul className="divide-y divide-line">
                {skips.map((s) => {
                  const label = `${s.reason} (${skipGroupLabel(s.yearGroup)}, ${span(s.startsOn, s.endsOn)})`;
                  return (
                    <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                      <span>
                        <span className="font-semibold">{s.reason}</span>{" "}
                        <span className="text-sm text-muted">
                          {skipGroupLabel(s.yearGroup)} · {span(s.startsOn, s.endsOn)}
                        </span>
                      </span>
                      <RemoveSkipForm skipId={s.id} label={label} />
                    </li>
                  );
                })}
              </ul>
            )}
            <div className="mt-4 border-t border-line pt-4">
              <h3 className="mb-3 font-bold">Add skipped weeks</h3>
              <AddSkipForm programmeId={programme.id} />
            </div>
          </Card>
        </div>
      </div>
    </AppShell>
  );
}
