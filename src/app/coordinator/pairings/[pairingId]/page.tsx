import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/server/session";
import { newIdempotencyKey } from "@/server/idempotency";
import { formatStaffDate, todayIn } from "@/lib/dates";
import { getPairingForStaff } from "@/features/pairings/queries";
import { PairingStatusForm, STATUS_HEADING } from "@/features/pairings/components/pairing-status-form";
import { StatusBadge } from "@/features/pairings/components/pairings-table";
import { PairingPauses } from "@/features/pairings/components/pairing-pauses";
import { closureReasonLabels } from "@/features/pairings/schemas";
import { ReviewForm } from "@/features/reviews/components/review-form";
import { reviewDecisionLabels } from "@/features/reviews/schemas";
import { TRIAL_ACTIVITIES } from "@/lib/trial-activities";
import { getPairingScheduleForStaff } from "@/features/meetings/queries";
import { PairingSlotForm } from "@/features/meetings/components/schedule-forms";
import { UpcomingMeetings } from "@/features/meetings/components/upcoming-meetings";
import { PairingCheckIns } from "@/features/check-ins/components/pairing-check-ins";

export const metadata: Metadata = { title: "Pairing" };

const attendanceLabels = { PRESENT: "came", LATE: "came late", ABSENT: "did not come" } as const;
const FIT_WORDS = { YES: "yes", NOT_SURE: "not sure", NO: "no" } as const;

export default async function PairingPage({ params }: { params: Promise<{ pairingId: string }> }) {
  const actor = await requireActor("COORDINATOR");
  const { pairingId } = await params;
  const pairing = await getPairingForStaff(actor, pairingId);
  const schedule = await getPairingScheduleForStaff(actor, pairingId);
  const today = todayIn(actor.timezone);
  const mentors = pairing.members.filter((m) => m.role === "MENTOR");
  const mentees = pairing.members.filter((m) => m.role === "MENTEE");
  const title = pairing.name ?? `${mentors.map((m) => m.name).join(" & ")} with ${mentees.map((m) => m.name).join(", ")}`;
  return (
    <AppShell actor={actor} current="/coordinator">
      <p className="mb-2">
        <Link href={`/coordinator?programme=${pairing.programmeId}`} className="font-semibold text-accent underline">
          Back to {pairing.programme.name}
        </Link>
      </p>
      <PageHeader
        title={title}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <StatusBadge status={pairing.status} /> Started {formatStaffDate(pairing.startsOn)}
            {pairing.status === "TRIAL" && pairing.trialEndsOn ? ` · trial review by ${formatStaffDate(pairing.trialEndsOn)}` : ""}
            {pairing.closureReason ? ` · ended: ${closureReasonLabels[pairing.closureReason]}` : ""}
          </span>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Who is in it">
            <ul className="space-y-1">
              {pairing.members.map((m) => (
                <li key={m.studentId}>
                  <span className="font-semibold">{m.name}</span> — {m.role === "MENTOR" ? "mentor" : "mentee"}, Year {m.yearGroup},{" "}
                  {m.tutorGroup}
                  {m.isPaused ? " · place paused" : ""}
                </li>
              ))}
            </ul>
          </Card>
          {pairing.status !== "ENDED" ? (
            <Card title="Coming up">
              {schedule.hasSlot ? (
                <UpcomingMeetings pairingId={pairing.id} upcoming={schedule.upcoming} changes={schedule.changes} today={today} />
              ) : (
                <p className="text-muted">No regular slot yet. Set one, and the meetings coming up appear here.</p>
              )}
            </Card>
          ) : null}
          <Card title={`Sessions (${pairing.sessions.length})`}>
            {pairing.sessions.length === 0 ? (
              <EmptyState title="No sessions yet">Sessions the mentor logs appear here.</EmptyState>
            ) : (
              <ul className="divide-y divide-line">
                {pairing.sessions.map((s) => (
                  <li key={s.id} id={`session-${s.id}`} className="scroll-mt-4 py-2">
                    <p className="font-semibold">
                      <Link href={`/sessions/${s.id}`} className="text-accent underline">
                        {formatStaffDate(s.heldOn)}
                      </Link>{" "}
                      · {s.activity.name} · {s.durationMinutes} min
                      {s.version > 1 ? " · edited" : ""}
                      {s.onBehalfOfId ? " · logged by staff for the mentor" : ""}
                    </p>
                    {s.fitCheck ? (
                      <p className="text-sm">
                        Good match? <strong>{FIT_WORDS[s.fitCheck]}</strong>
                        {s.fitCheckNote ? ` — ${s.fitCheckNote}` : ""}
                      </p>
                    ) : null}
                    <p className="text-sm text-muted">
                      {s.attendances
                        .map((a) => `${a.name} ${attendanceLabels[a.attendance]}${a.mood ? ` (mood ${a.mood}/5)` : ""}`)
                        .join("; ")}
                    </p>
                    {s.notes ? (
                      <p className="mt-1 text-sm">
                        <span className="font-semibold">{s.noteVisibility === "SHARED" ? "Shared with the mentee: " : "Staff only: "}</span>
                        {s.notes}
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <PairingCheckIns actor={actor} pairingId={pairing.id} />
          <Card title="Reviews">
            {pairing.reviews.length === 0 ? (
              <p className="text-muted">No reviews yet.</p>
            ) : (
              <ul className="divide-y divide-line">
                {pairing.reviews.map((r) => (
                  <li key={r.id} className="py-2">
                    <p className="font-semibold">
                      {formatStaffDate(r.heldOn)} · progress {r.progress}/5 · {reviewDecisionLabels[r.decision]}
                    </p>
                    <p className="text-sm text-muted">By {r.reviewerName}</p>
                    {r.notes ? <p className="mt-1 text-sm">{r.notes}</p> : null}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
        <div className="space-y-6">
          {pairing.status === "TRIAL" ? (
            <Card title="Suggested trial activities">
              <ul className="list-disc space-y-1 pl-5">
                {TRIAL_ACTIVITIES.map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
              <p className="mt-2 text-sm text-muted">
                At the trial review, make it active if it is working, or end it and re-pair; the history is kept.
              </p>
            </Card>
          ) : null}
          {pairing.status !== "ENDED" ? (
            <Card title="Regular slot">
              <PairingSlotForm
                pairingId={pairing.id}
                values={schedule.values}
                daySlots={schedule.daySlots}
                staff={schedule.staff}
                hasTwoWeekTimetable={schedule.hasTwoWeekTimetable}
              />
            </Card>
          ) : null}
          <PairingPauses
            pairingId={pairing.id}
            kind={pairing.kind}
            status={pairing.status}
            members={pairing.members}
            pauses={pairing.pauses}
          />
          <Card title="Status" headingId={STATUS_HEADING}>
            <PairingStatusForm pairingId={pairing.id} status={pairing.status} />
          </Card>
          <Card title="Record a review">
            <ReviewForm pairingId={pairing.id} today={today} idempotencyKey={newIdempotencyKey()} />
          </Card>
        </div>
      </div>
    </AppShell>
  );
}
