import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell";
import { ButtonLink } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { TellSomeone } from "@/components/tell-someone";
import { requireActor } from "@/server/session";
import { MENTOR_ROLES } from "@/server/actor";
import { formatPupilDate, todayIn } from "@/lib/dates";
import { listMyPairings } from "@/features/pairings/queries";
import { getMentorRecord, listMySessionsAsMentor } from "@/features/sessions/queries";
import { TRIAL_ACTIVITIES } from "@/lib/trial-activities";
import { NextMeeting } from "@/features/meetings/components/next-meeting";
import { CheckInPrompt } from "@/features/check-ins/components/check-in-prompt";
import { PAUSED_FOR_NOW } from "@/features/pairings/pause-words";
import { getMentorAwarding } from "@/features/points/queries";
import { AwardPointsForm } from "@/features/points/components/award-points-form";
import { newIdempotencyKey } from "@/server/idempotency";

export const metadata: Metadata = { title: "Mentoring" };

const attendanceWords = { PRESENT: "came", LATE: "came late", ABSENT: "did not come" } as const;

export default async function MentorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(...MENTOR_ROLES);
  const today = todayIn(actor.timezone);
  const { session } = await searchParams;
  const [pairings, sessions, record, awarding] = await Promise.all([
    listMyPairings(actor),
    listMySessionsAsMentor(actor, { include: session }),
    getMentorRecord(actor),
    getMentorAwarding(actor),
  ]);
  const mentoring = pairings.filter((p) => p.myRole === "MENTOR");
  const loggable = mentoring.filter((p) => p.status !== "PAUSED");
  // One pairing: straight to its form. Several: each card has its own button, so the right one is chosen.
  const only = loggable.length === 1 ? loggable[0] : undefined;
  return (
    <AppShell actor={actor} current="/mentor">
      <PageHeader title={`Hello, ${actor.name.split(" ")[0]}`} description="Thank you for being a mentor." />
      <div className="max-w-2xl space-y-5">
        {only ? (
          <ButtonLink href={`/mentor/log/${only.id}`} size="lg" className="w-full">
            Log this week&apos;s session
          </ButtonLink>
        ) : null}
        <CheckInPrompt actor={actor} role="MENTOR" />
        {mentoring.length === 0 ? (
          <EmptyState title="You do not have a mentee yet">
            Your coordinator will tell you when you are paired. Your mentee&apos;s name will appear here.
          </EmptyState>
        ) : (
          mentoring.map((p) => (
            <Card key={p.id} title={p.kind === "GROUP" ? (p.name ?? "Your group") : "Your mentee"}>
              <p className="text-lg">
                {p.mentees.map((m) => (m.isPaused ? `${m.firstName} (paused for now)` : m.firstName)).join(", ")}
                {p.mentors.length > 0 ? (
                  <span className="block text-base text-muted">With {p.mentors.map((m) => m.firstName).join(", ")}</span>
                ) : null}
              </p>
              <div className="mt-2">
                {p.status === "PAUSED" ? (
                  <p>{PAUSED_FOR_NOW}.</p>
                ) : (
                  <>
                    <p className="font-semibold">Next time you meet</p>
                    <NextMeeting meeting={p.nextMeeting} today={today} />
                  </>
                )}
              </div>
              {p.status === "TRIAL" ? (
                <div className="mt-2">
                  <p className="text-muted">
                    This is a trial. Your coordinator will check how it is going soon. Ideas for your first meetings:
                  </p>
                  <ul className="mt-1 list-disc space-y-1 pl-5">
                    {TRIAL_ACTIVITIES.map((a) => (
                      <li key={a}>{a}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {p.status !== "PAUSED" && !only ? (
                <ButtonLink href={`/mentor/log/${p.id}`} variant="secondary" className="mt-3 w-full sm:w-auto">
                  Log this week&apos;s session with{" "}
                  {p.mentees
                    .filter((m) => !m.isPaused)
                    .map((m) => m.firstName)
                    .join(", ")}
                </ButtonLink>
              ) : null}
            </Card>
          ))
        )}
        {awarding ? (
          <Card title="Give your mentees points">
            <p className="mb-3">
              You can give {awarding.left} more point{awarding.left === 1 ? "" : "s"} this week (up to {awarding.weeklyLimit}). Say well
              done for effort and kindness.
            </p>
            <div className="space-y-6">
              {awarding.programmes.map((p, index) => (
                <section key={p.programmeId} aria-label={awarding.programmes.length > 1 ? p.name : undefined} className="space-y-2">
                  {awarding.programmes.length > 1 ? <h3 className="font-semibold">{p.name}</h3> : null}
                  <AwardPointsForm
                    programmeId={p.programmeId}
                    pupils={p.mentees.map((m) => ({ studentId: m.studentId, label: m.name, detail: "" }))}
                    categories={awarding.categories}
                    idempotencyKey={newIdempotencyKey()}
                    idPrefix={awarding.programmes.length > 1 ? `programme-${index + 1}-` : ""}
                    forMentor
                  />
                </section>
              ))}
            </div>
          </Card>
        ) : null}
        {record && record.sessions > 0 ? (
          <Card title="Your record">
            <dl className="grid grid-cols-2 gap-3">
              <div>
                <dt className="text-muted">Sessions</dt>
                <dd className="text-2xl font-bold">{record.sessions}</dd>
              </div>
              <div>
                <dt className="text-muted">Minutes</dt>
                <dd className="text-2xl font-bold">{record.minutes}</dd>
              </div>
              <div>
                <dt className="text-muted">Your mentees came</dt>
                <dd className="text-2xl font-bold">{record.attendancePercent === null ? "–" : `${record.attendancePercent}%`}</dd>
              </div>
              <div>
                <dt className="text-muted">Weeks in a row</dt>
                <dd className="text-2xl font-bold">{record.weeksInARow}</dd>
              </div>
            </dl>
          </Card>
        ) : null}
        <Card title="Your past sessions">
          {sessions.length === 0 ? (
            <p className="text-muted">Sessions you log will appear here.</p>
          ) : (
            <ul className="divide-y divide-line">
              {sessions.map((s) => (
                <li key={s.id} id={`session-${s.id}`} className="scroll-mt-4 py-2">
                  <p className="font-semibold">{formatPupilDate(s.heldOn, today)}</p>
                  <p className="text-muted">
                    {s.activity}, {s.durationMinutes} minutes ·{" "}
                    {s.attendances.map((a) => `${a.firstName} ${attendanceWords[a.attendance]}`).join(", ")}
                  </p>
                  {s.notes ? (
                    <p className="mt-1">
                      <span className="font-semibold">
                        {s.noteVisibility === "SHARED" ? "Your shared notes: " : "Your notes (staff only): "}
                      </span>
                      {s.notes}
                    </p>
                  ) : null}
                  {s.isEditable ? (
                    <Link href={`/sessions/${s.id}`} className="inline-flex min-h-11 items-center font-semibold text-accent underline">
                      Change this session
                    </Link>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
        {actor.studentId ? (
          <p>
            <Link href="/student" className="inline-flex min-h-11 items-center font-semibold text-accent underline">
              See your points and the leaderboard
            </Link>
          </p>
        ) : null}
        <p>
          <Link href="/account/calendar" className="inline-flex min-h-11 items-center font-semibold text-accent underline">
            Put your sessions in your phone&apos;s calendar
          </Link>
        </p>
        <TellSomeone />
      </div>
    </AppShell>
  );
}
