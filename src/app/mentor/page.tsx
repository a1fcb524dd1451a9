import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell";
import { ButtonLink } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { TellSomeone } from "@/components/tell-someone";
import { requireActor } from "@/server/session";
import { formatPupilDate, todayIn } from "@/lib/dates";
import { listMyPairings } from "@/features/pairings/queries";
import { listMySessionsAsMentor } from "@/features/sessions/queries";
import { TRIAL_ACTIVITIES } from "@/lib/trial-activities";

export const metadata: Metadata = { title: "Mentoring" };

const attendanceWords = { PRESENT: "came", LATE: "came late", ABSENT: "did not come" } as const;

export default async function MentorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("MENTOR");
  const today = todayIn(actor.timezone);
  const { session } = await searchParams;
  const [pairings, sessions] = await Promise.all([listMyPairings(actor), listMySessionsAsMentor(actor, { include: session })]);
  const mentoring = pairings.filter((p) => p.myRole === "MENTOR");
  const first = mentoring.find((p) => p.status !== "PAUSED");
  return (
    <AppShell actor={actor} current="/mentor">
      <PageHeader title={`Hello, ${actor.name.split(" ")[0]}`} description="Thank you for being a mentor." />
      <div className="max-w-2xl space-y-5">
        {first ? (
          <ButtonLink href={`/mentor/log/${first.id}`} size="lg" className="w-full">
            Log today&apos;s session
          </ButtonLink>
        ) : null}
        {mentoring.length === 0 ? (
          <EmptyState title="You do not have a mentee yet">
            Your coordinator will tell you when you are paired. Your mentee&apos;s name will appear here.
          </EmptyState>
        ) : (
          mentoring.map((p) => (
            <Card key={p.id} title={p.kind === "GROUP" ? (p.name ?? "Your group") : "Your mentee"}>
              <p className="text-lg">
                {p.mentees.map((m) => m.firstName).join(", ")}
                {p.mentors.length > 0 ? (
                  <span className="block text-base text-muted">With {p.mentors.map((m) => m.firstName).join(", ")}</span>
                ) : null}
              </p>
              <p className="mt-2">
                {p.status === "PAUSED" ? (
                  "This pairing is paused for now."
                ) : p.nextSession ? (
                  <>
                    Next time you meet: <strong>{formatPupilDate(p.nextSession, today)}</strong> ({p.sessionMinutes} minutes)
                  </>
                ) : null}
              </p>
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
              {p.status !== "PAUSED" && mentoring.length > 1 ? (
                <Link href={`/mentor/log/${p.id}`} className="mt-2 inline-flex min-h-11 items-center font-semibold text-accent underline">
                  Log a session for this {p.kind === "GROUP" ? "group" : "pairing"}
                </Link>
              ) : null}
            </Card>
          ))
        )}
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
