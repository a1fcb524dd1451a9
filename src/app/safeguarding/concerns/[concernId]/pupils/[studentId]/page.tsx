import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/server/session";
import { formatStaffDate, formatStaffDateTime } from "@/lib/dates";
import { questionnaireByKey, scalePoint } from "@/lib/questionnaires";
import { FACE_SCALE } from "@/lib/faces";
import { getPupilRecordForConcern } from "@/features/concerns/queries";

export const metadata: Metadata = { title: "Mentoring record" };

const moodWords = (mood: number | null) => (mood === null ? null : (FACE_SCALE.find((f) => f.value === mood)?.words ?? null));

/** A safeguarding lead reads everything a pupil in a concern has in PeerPath's mentoring record (audited). */
export default async function PupilRecordPage({ params }: { params: Promise<{ concernId: string; studentId: string }> }) {
  const actor = await requireActor("DSL");
  const { concernId, studentId } = await params;
  const record = await getPupilRecordForConcern(actor, concernId, studentId);
  return (
    <AppShell actor={actor} current="/safeguarding">
      <PageHeader
        title={`${record.pupil.name}: mentoring record`}
        description={
          <Link href={`/safeguarding/concerns/${concernId}`} className="font-semibold text-accent underline">
            Back to the concern
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={`Sessions (${record.sessions.length})`}>
          {record.sessions.length === 0 ? (
            <EmptyState title="No sessions">No mentoring session has been logged for this pupil.</EmptyState>
          ) : (
            <ol className="space-y-4">
              {record.sessions.map((s) => (
                <li key={s.id} className="rounded-lg border border-line p-3">
                  <p className="font-semibold">
                    {formatStaffDate(s.heldOn)} <span className="text-sm text-muted">logged by {s.loggedBy}</span>
                  </p>
                  <p className="flex flex-wrap gap-2 text-sm">
                    {s.attendance ? (
                      <Badge>{s.attendance === "ABSENT" ? "Absent" : s.attendance === "LATE" ? "Late" : "Present"}</Badge>
                    ) : null}
                    {moodWords(s.mood) ? <Badge tone="calm">Mood: {moodWords(s.mood)}</Badge> : null}
                    <Badge>{s.isShared ? "Notes shared with mentees" : "Notes for staff only"}</Badge>
                  </p>
                  {s.notes ? <p className="mt-1 whitespace-pre-line">{s.notes}</p> : <p className="mt-1 text-muted">No notes.</p>}
                  {s.fitCheck ? (
                    <p className="text-sm">
                      Good match? {s.fitCheck === "YES" ? "Yes" : s.fitCheck === "NO" ? "No" : "Not sure"}
                      {s.fitCheckNote ? ` — ${s.fitCheckNote}` : ""}
                    </p>
                  ) : null}
                  {s.earlier.length > 0 ? (
                    <details className="mt-2">
                      <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-accent">
                        Earlier versions ({s.earlier.length})
                      </summary>
                      <ol className="mt-1 space-y-2">
                        {s.earlier.map((r) => (
                          <li key={r.version} className="text-sm">
                            <span className="text-muted">
                              Version {r.version}, written by {r.writtenBy}, {formatStaffDateTime(r.writtenAt, actor.timezone)}:
                            </span>{" "}
                            <span className="whitespace-pre-line">{r.notes || "No notes."}</span>
                          </li>
                        ))}
                      </ol>
                    </details>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
        </Card>
        <Card title={`Check-ins (${record.checkIns.length})`}>
          {record.checkIns.length === 0 ? (
            <EmptyState title="No check-ins">This pupil has not answered a check-in.</EmptyState>
          ) : (
            <ol className="space-y-3">
              {record.checkIns.map((r) => {
                const questionnaire = questionnaireByKey(r.questionnaireKey);
                return (
                  <li key={r.id} className="rounded-lg border border-line p-3">
                    <p className="font-semibold">{formatStaffDateTime(r.submittedAt, actor.timezone)}</p>
                    <ul className="text-sm">
                      {r.answers.map((a) => {
                        const question = questionnaire?.questions.find((q) => q.key === a.questionKey);
                        const answer =
                          question?.kind === "scale" && a.scaleValue !== null
                            ? `${a.scaleValue} (${scalePoint(question, a.scaleValue)?.word ?? ""})`
                            : a.text || "—";
                        return (
                          <li key={a.questionKey}>
                            <span className="text-muted">{question?.text ?? a.questionKey}</span> {answer}
                          </li>
                        );
                      })}
                    </ul>
                  </li>
                );
              })}
            </ol>
          )}
        </Card>
      </div>
    </AppShell>
  );
}
