import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell";
import { Card, Notice, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/server/session";
import { getPupilImportPreview } from "@/features/pupil-import/queries";
import { MappingForm } from "@/features/imports/components/mapping-form";
import { PreviewCounts } from "@/features/imports/components/preview-counts";
import { RowErrors } from "@/features/imports/components/row-errors";
import { CommitPupilImportForm } from "@/features/pupil-import/components/commit-form";
import { importSummary } from "@/features/pupil-import/summary";

export const metadata: Metadata = { title: "Check the import" };

export default async function PupilImportDraftPage({ params }: { params: Promise<{ draftId: string }> }) {
  const actor = await requireActor("ADMIN");
  const { draftId } = await params;
  const { draft, fileProblem, columns, fields, preview } = await getPupilImportPreview(actor, draftId);
  const back = (
    <Link href="/admin/pupils/import" className="min-h-11 py-2 font-semibold text-accent underline">
      Back to imports
    </Link>
  );
  return (
    <AppShell actor={actor} current="/admin">
      <PageHeader title={`Check ${draft.fileName}`} description="Nothing is saved until you import." action={back} />
      <div className="space-y-6">
        {fileProblem ? (
          <Notice tone="danger" role="alert">
            {fileProblem.line ? `Line ${fileProblem.line}: ` : ""}
            {fileProblem.message}
          </Notice>
        ) : (
          <Card title="1. The file's columns">
            <p className="mb-4 text-muted">
              We matched the file&apos;s columns by their names. Check them, and choose a column for any field marked.
            </p>
            <MappingForm
              draftId={draft.id}
              fields={fields}
              columns={columns}
              isWholeRoll={draft.isWholeRoll}
              wholeRollHint="Tick this only for a list of every pupil on roll: pupils here who are not in the file are then marked as left."
            />
          </Card>
        )}
        {preview ? (
          <>
            <Card title="2. What importing would change">
              <div className="space-y-4">
                <PreviewCounts
                  counts={[
                    { label: "New pupils", value: preview.counts.created },
                    { label: "Changed", value: preview.counts.changed },
                    { label: "Unchanged", value: preview.counts.unchanged },
                    { label: "Marked as left", value: preview.counts.leaving },
                    { label: "Back on roll", value: preview.counts.rejoining },
                    { label: "Rows to fix", value: preview.counts.errors },
                  ]}
                />
                {preview.warnings.length > 0 ? (
                  <ul className="list-disc space-y-1 pl-5">
                    {preview.warnings.map((w, i) => (
                      <li key={i}>{w.line ? `Line ${w.line}: ${w.message}` : w.message}</li>
                    ))}
                  </ul>
                ) : null}
                {preview.changed.length > 0 ? (
                  <details>
                    <summary className="min-h-11 cursor-pointer py-2 font-semibold">Changed pupils ({preview.counts.changed})</summary>
                    <ul className="space-y-1">
                      {preview.changed.map((c) => (
                        <li key={c.line}>
                          Line {c.line}: {c.name} — {c.fields.join(", ")}
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
                {preview.created.length > 0 ? (
                  <details>
                    <summary className="min-h-11 cursor-pointer py-2 font-semibold">New pupils ({preview.counts.created})</summary>
                    <ul className="space-y-1">
                      {preview.created.map((c) => (
                        <li key={c.line}>
                          Line {c.line}: {c.name} ({c.upn})
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
                {preview.leaving.length > 0 ? (
                  <div>
                    <h3 className="font-semibold">Pupils who would be marked as left</h3>
                    <ul className="list-disc space-y-1 pl-5">
                      {preview.leaving.map((l, i) => (
                        <li key={i}>
                          {l.name}: {l.why}
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                {preview.rejoining.length > 0 ? (
                  <div>
                    <h3 className="font-semibold">Pupils back on roll</h3>
                    <ul className="list-disc space-y-1 pl-5">
                      {preview.rejoining.map((r) => (
                        <li key={r.line}>
                          Line {r.line}: {r.name}
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </div>
            </Card>
            {preview.errors.length > 0 ? (
              <Card title={`Rows to fix (${preview.errors.length})`}>
                <p className="mb-3">
                  Nothing can be imported until every row can be read. Fix these rows in your MIS or the file, export it again and upload
                  it.
                </p>
                <RowErrors errors={preview.errors} />
              </Card>
            ) : (
              <Card title="3. Import">
                {preview.isEmpty ? (
                  <p>Nothing to change: every pupil in this file is already up to date.</p>
                ) : (
                  <CommitPupilImportForm
                    draftId={draft.id}
                    basis={preview.fingerprint}
                    leaving={preview.counts.leaving}
                    summary={importSummary(preview.counts)}
                  />
                )}
              </Card>
            )}
          </>
        ) : null}
      </div>
    </AppShell>
  );
}
