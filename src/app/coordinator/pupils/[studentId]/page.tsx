import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/server/session";
import { formatStaffDate } from "@/lib/dates";
import { getPupilForCoordinator } from "@/features/profiles/staff-queries";
import { listSharedConcernLines } from "@/features/concerns/queries";
import { MatchingDetailsForm, MenteeProfileForm, MentorProfileForm } from "@/features/profiles/components/staff-profile-forms";
import { StatusBadge } from "@/features/pairings/components/pairings-table";
import { closureReasonLabels } from "@/features/pairings/schemas";

export const metadata: Metadata = { title: "Pupil" };

export default async function PupilPage({ params }: { params: Promise<{ studentId: string }> }) {
  const actor = await requireActor("COORDINATOR");
  const { studentId } = await params;
  const pupil = await getPupilForCoordinator(actor, studentId);
  const sharedLines = await listSharedConcernLines(actor, pupil.id);
  return (
    <AppShell actor={actor} current="/coordinator">
      <p className="mb-2">
        <Link href="/coordinator" className="font-semibold text-accent underline">
          Back to the programme
        </Link>
      </p>
      <PageHeader
        title={pupil.name}
        description={`Year ${pupil.yearGroup} · ${pupil.tutorGroup}${pupil.status === "ON_ROLL" ? "" : ` · ${pupil.status === "LEFT" ? "left" : "alumni"}`}`}
        action={
          <Link href={`/concerns/new?about=${pupil.id}`} className="inline-flex min-h-11 items-center font-semibold text-accent underline">
            Raise a concern about this pupil
          </Link>
        }
      />
      {sharedLines.length > 0 ? (
        <section aria-labelledby="safeguarding-lines" className="mb-6 rounded-lg border-l-4 border-calm bg-calm-soft px-4 py-3">
          <h2 id="safeguarding-lines" className="font-bold">
            From the safeguarding lead
          </h2>
          <ul>
            {sharedLines.map((l) => (
              <li key={l.id}>{l.note}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Pairings, past and present">
          {pupil.pairings.length === 0 ? (
            <EmptyState title="No pairings yet">When this pupil is paired, every pairing, including ended ones, is listed here.</EmptyState>
          ) : (
            <ul className="divide-y divide-line">
              {pupil.pairings.map((p) => (
                <li key={p.id} className="space-y-1 py-2">
                  <p className="flex flex-wrap items-center gap-2">
                    <Link href={`/coordinator/pairings/${p.id}`} className="font-semibold text-accent underline">
                      {p.myRole === "MENTOR" ? "Mentoring" : "Mentored by"}{" "}
                      {p.others
                        .filter((o) => o.role !== p.myRole)
                        .map((o) => o.name)
                        .join(", ")}
                    </Link>
                    <StatusBadge status={p.status} />
                  </p>
                  <p className="text-sm text-muted">
                    {p.programme.name} · from {formatStaffDate(p.startsOn)}
                    {p.endsOn ? ` to ${formatStaffDate(p.endsOn)}` : ""}
                    {p.closureReason ? ` · ${closureReasonLabels[p.closureReason]}` : ""}
                  </p>
                  {p.trainingOverrideReason ? (
                    <p className="text-sm">Paired before training was finished: {p.trainingOverrideReason}</p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="SEND">
          {pupil.hasSend ? (
            <>
              <Badge>SEND</Badge>
              <p className="mt-2">{pupil.sendNotes ?? "No notes."}</p>
            </>
          ) : (
            <p className="text-muted">No SEND needs recorded.</p>
          )}
        </Card>
        <Card title="Matching details">
          {pupil.aboutMe ? <p className="mb-3">In their words: “{pupil.aboutMe}”</p> : null}
          <MatchingDetailsForm studentId={pupil.id} details={pupil} />
        </Card>
        <div className="space-y-6">
          {pupil.mentorProfiles.map((m) => (
            <Card key={m.programmeId} title={`Mentor in ${m.programme.name}`}>
              <MentorProfileForm
                programmeId={m.programmeId}
                studentId={pupil.id}
                profile={{
                  capacity: m.capacity,
                  trainingComplete: m.trainingComplete,
                  strengths: (m.strengths ?? {}) as Record<string, number>,
                }}
              />
            </Card>
          ))}
          {pupil.menteeProfiles.map((m) => (
            <Card key={m.programmeId} title={`Mentee in ${m.programme.name}`}>
              <p className="mb-3 text-sm text-muted">
                {m.hasNoPreference
                  ? "Said: no preference for a mentor."
                  : m.ranking.length > 0
                    ? `Ranked ${m.ranking.length} mentor${m.ranking.length === 1 ? "" : "s"}.`
                    : "Has not chosen mentors yet."}
              </p>
              <MenteeProfileForm programmeId={m.programmeId} studentId={pupil.id} focusAreas={m.focusAreas} />
            </Card>
          ))}
        </div>
      </div>
    </AppShell>
  );
}
