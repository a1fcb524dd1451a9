import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell";
import { Card, EmptyState, Notice, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/server/session";
import { formatStaffDateTime } from "@/lib/dates";
import { listImportDrafts } from "@/features/imports/queries";
import { UploadForm } from "@/features/imports/components/upload-form";
import { DiscardImportForm } from "@/features/imports/components/discard-form";

export const metadata: Metadata = { title: "Import pupils" };

const DRAFTS_HEADING_ID = "import-drafts";
// Only the import's own answer is shown from the address, never any other text.
const IMPORTED = /^Imported: \d+ new, \d+ updated, \d+ marked as left(, \d+ back on roll)?\.$/;

export default async function PupilImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("ADMIN");
  const imported = (await searchParams).imported;
  const drafts = await listImportDrafts(actor, "PUPILS");
  return (
    <AppShell actor={actor} current="/admin">
      <PageHeader
        title="Import pupils"
        description="Upload the pupil list exported from your MIS (SIMS, Arbor, Bromcom or a spreadsheet) as a CSV file. You check what changes before anything is saved."
        action={
          <Link href="/admin" className="min-h-11 py-2 font-semibold text-accent underline">
            Back to school
          </Link>
        }
      />
      <div className="space-y-6">
        {typeof imported === "string" && IMPORTED.test(imported) ? <Notice>{imported}</Notice> : null}
        <Card title="Upload a file">
          <UploadForm
            kind="PUPILS"
            hint="A CSV file of up to 3 MB with one row per pupil and the column names in the first row: UPN, names, year group and tutor group at least."
          />
        </Card>
        <Card title="Files waiting to be imported" headingId={DRAFTS_HEADING_ID}>
          {drafts.length === 0 ? (
            <EmptyState title="No files waiting">Files you upload stay here for 24 hours until you import or discard them.</EmptyState>
          ) : (
            <ul className="divide-y divide-line">
              {drafts.map((d) => (
                <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>
                    <Link href={`/admin/pupils/import/${d.id}`} className="font-semibold text-accent underline">
                      {d.fileName}
                    </Link>{" "}
                    <span className="text-sm text-muted">uploaded {formatStaffDateTime(d.createdAt, actor.timezone)}</span>
                  </span>
                  <DiscardImportForm draftId={d.id} fileName={d.fileName} focusId={DRAFTS_HEADING_ID} />
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </AppShell>
  );
}
