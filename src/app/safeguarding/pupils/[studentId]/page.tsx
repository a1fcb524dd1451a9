import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/server/session";
import { newIdempotencyKey } from "@/server/idempotency";
import { formatStaffDate } from "@/lib/dates";
import { getPupilFileOverview } from "@/features/concern-export/queries";
import { ExportLink } from "@/features/concern-export/components/export-link";
import { ConfirmReceiptForm, TransferForm } from "@/features/concern-export/components/transfer-forms";
import { TRANSFERS_HEADING } from "@/features/concern-export/headings";

export const metadata: Metadata = { title: "Safeguarding file" };

// A pupil's safeguarding file: the safeguarding leads of the pupil's school only (the query's 404 for
// anyone else). Each view is audited.
export default async function PupilSafeguardingFilePage({ params }: { params: Promise<{ studentId: string }> }) {
  const actor = await requireActor();
  const { studentId } = await params;
  const file = await getPupilFileOverview(actor, studentId);
  const { pupil } = file;
  return (
    <AppShell actor={actor} current="/safeguarding">
      <PageHeader
        title={`Safeguarding file: ${pupil.name}`}
        description={`${pupil.knownAs ? `Known as ${pupil.knownAs} · ` : ""}Year ${pupil.yearGroup} · ${pupil.tutorGroup} · UPN ${pupil.upn}${pupil.hasLeft ? " · has left the school" : ""}`}
        action={file.concerns.length > 0 ? <ExportLink studentId={pupil.id} /> : undefined}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={`Concerns (${file.concerns.length})`}>
          {file.concerns.length === 0 ? (
            <EmptyState title="No concerns about this pupil">Concerns that name this pupil appear here once they are raised.</EmptyState>
          ) : (
            <ul className="divide-y divide-line">
              {file.concerns.map((c) => (
                <li key={c.id} className="space-y-1 py-2">
                  <p className="flex flex-wrap items-center gap-2 font-semibold">
                    <Link href={`/safeguarding/concerns/${c.id}`} className="text-accent underline">
                      {c.category}
                    </Link>
                    <Badge tone={c.status === "Closed" ? "neutral" : "accent"}>{c.status}</Badge>
                    {c.isUrgent ? <Badge tone="calm">Urgent when raised</Badge> : null}
                  </p>
                  <p className="text-sm text-muted">
                    Raised {formatStaffDate(c.raisedOn)} · {c.entries} {c.entries === 1 ? "entry" : "entries"} in the chronology
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Transfers" headingId={TRANSFERS_HEADING}>
          {file.transfers.length === 0 ? (
            <EmptyState title="No transfer recorded">
              When this pupil&apos;s file goes to another school, record it below: it is added to every concern&apos;s chronology.
            </EmptyState>
          ) : (
            <ul className="divide-y divide-line">
              {file.transfers.map((t) => {
                const label = `To ${t.to}, sent ${formatStaffDate(t.sentOn)}`;
                return (
                  <li key={t.transferId} className="space-y-2 py-3">
                    <p className="font-semibold">{label}</p>
                    <p className="text-sm">
                      How: {t.how}. Recorded by {t.recordedBy}; in {t.concerns}{" "}
                      {t.concerns === 1 ? "concern's chronology" : "concerns' chronologies"}.
                    </p>
                    {t.receiptConfirmedOn ? (
                      <p className="text-sm font-semibold">Receipt confirmed on {formatStaffDate(t.receiptConfirmedOn)}.</p>
                    ) : (
                      <>
                        <p className="text-sm">Receipt not yet confirmed.</p>
                        <ConfirmReceiptForm studentId={pupil.id} transferId={t.transferId} today={file.today} label={label} />
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </Card>
      </div>
      {file.concerns.length > 0 ? (
        <Card title="Record a transfer" className="mt-6">
          <p className="mb-4 text-muted">
            When this pupil moves school, send their file securely to the new school&apos;s safeguarding lead, then record it here.
          </p>
          <TransferForm studentId={pupil.id} today={file.today} idempotencyKey={newIdempotencyKey()} />
        </Card>
      ) : null}
    </AppShell>
  );
}
