import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { TellSomeone } from "@/components/tell-someone";
import { requireActor } from "@/server/session";
import { formatPupilDate, todayIn } from "@/lib/dates";
import { listMyPairings } from "@/features/pairings/queries";
import { getMyOpenMilestone, getMyPoints } from "@/features/points/queries";
import { getBoard } from "@/features/points/board-queries";
import { MilestoneAnswer, MY_POINTS_HEADING } from "@/features/points/components/my-board-forms";
import Link from "next/link";
import { listProgrammesForActor } from "@/features/programmes/queries";
import { Leaderboard } from "@/features/points/components/leaderboard";
import { getMentorChoices, getMyProfile } from "@/features/profiles/queries";
import { MyProfileForm } from "@/features/profiles/components/my-profile-form";
import { MentorChoicesForm } from "@/features/profiles/components/mentor-choices-form";
import { NextMeeting } from "@/features/meetings/components/next-meeting";
import { listMySessionsAsMentee } from "@/features/sessions/queries";
import { CheckInPrompt } from "@/features/check-ins/components/check-in-prompt";
import { PauseMyPlaceForm } from "@/features/pairings/components/pause-my-place-form";
import { PAUSED_FOR_NOW } from "@/features/pairings/pause-words";

export const metadata: Metadata = { title: "My page" };

const MENTOR_HEADING = "your-mentor";

export default async function StudentPage() {
  const actor = await requireActor("PUPIL");
  const today = todayIn(actor.timezone);
  const [pairings, points, programmes, profile, choices, attended, milestone] = await Promise.all([
    listMyPairings(actor),
    getMyPoints(actor),
    listProgrammesForActor(actor),
    getMyProfile(actor),
    getMentorChoices(actor),
    listMySessionsAsMentee(actor),
    getMyOpenMilestone(actor),
  ]);
  const asMentee = pairings.filter((p) => p.myRole === "MENTEE");
  const programme = programmes.find((p) => p.status === "ACTIVE") ?? programmes[0];
  const leaderboard = programme ? await getBoard(actor, { programmeId: programme.id, scope: "PROGRAMME", period: "ALL_TIME" }) : null;
  return (
    <AppShell actor={actor} current="/student">
      <PageHeader title={`Hello, ${actor.name.split(" ")[0]}`} />
      <div className="grid max-w-4xl gap-5 md:grid-cols-2">
        <CheckInPrompt actor={actor} role="MENTEE" className="md:col-span-2" />
        <Card title="Your mentor" headingId={MENTOR_HEADING}>
          {asMentee.length === 0 ? (
            <p>You do not have a mentor yet. When you do, their name will be here.</p>
          ) : (
            asMentee.map((p) => (
              <div key={p.id} className="space-y-1">
                <p className="text-lg font-semibold">{p.mentors.map((m) => m.firstName).join(" and ")}</p>
                {p.kind === "GROUP" && p.mentees.length > 0 ? (
                  <p className="text-muted">In your group: {p.mentees.map((m) => m.firstName).join(", ")}</p>
                ) : null}
                {p.isPaused ? (
                  <div className="mt-2 rounded-lg bg-calm-soft p-3">
                    <p className="font-semibold">{PAUSED_FOR_NOW}</p>
                    <p>Your meetings are paused. To start meeting again, talk to the programme lead.</p>
                  </div>
                ) : p.status === "TRIAL" ? (
                  <p className="text-muted">You are trying this out for two weeks first.</p>
                ) : null}
                {p.canPause ? <PauseMyPlaceForm pairingId={p.id} focusId={MENTOR_HEADING} /> : null}
              </div>
            ))
          )}
        </Card>
        <Card title="Next time you meet">
          {asMentee.length === 0 ? (
            <p>We will show the day here when it is planned.</p>
          ) : (
            asMentee.map((p) => (
              <div key={p.id} className="space-y-1">
                {asMentee.length > 1 ? <p className="font-semibold">With {p.mentors.map((m) => m.firstName).join(" and ")}</p> : null}
                {p.isPaused ? <p>{PAUSED_FOR_NOW}.</p> : <NextMeeting meeting={p.nextMeeting} today={today} />}
              </div>
            ))
          )}
        </Card>
        {asMentee.length > 0 ? (
          <Card title="Your sessions">
            {attended.length === 0 ? (
              <p className="text-muted">Sessions you go to will appear here.</p>
            ) : (
              <ul className="divide-y divide-line">
                {attended.map((s) => (
                  <li key={s.id} className="py-2">
                    <p className="font-semibold">{formatPupilDate(s.heldOn, today)}</p>
                    <p className="text-muted">
                      {s.activity}, {s.durationMinutes} minutes
                    </p>
                    {s.sharedNotes ? <p className="mt-1">Your mentor wrote: {s.sharedNotes}</p> : null}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        ) : null}
        {milestone ? (
          <Card title="You are into positive points!" className="md:col-span-2">
            <p className="mb-3">Well done. All your hard work is paying off.</p>
            <MilestoneAnswer milestoneId={milestone.id} />
          </Card>
        ) : null}
        <Card title="Your points" headingId={MY_POINTS_HEADING}>
          <p className="text-3xl font-bold" data-testid="my-total">
            {points.total}
          </p>
          <p className="text-muted">
            {points.total >= 0 ? "Well done for every point you have earned." : "Every session is a fresh start. Keep going!"}
          </p>
          {points.entries.length === 0 ? (
            <p className="mt-3 text-muted">Points you earn will appear here.</p>
          ) : (
            <ul className="mt-3 divide-y divide-line">
              {points.entries.slice(0, 20).map((e) => (
                <li key={e.id} className="py-2">
                  <span className="font-semibold">{e.amount > 0 ? `+${e.amount}` : e.amount}</span> {e.category.name} — {e.reason}
                  <span className="block text-sm text-muted">{formatPupilDate(todayIn(actor.timezone, e.createdAt), today)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Leaderboard">
          {leaderboard ? (
            <div className="space-y-3">
              <Leaderboard
                rows={leaderboard.rows}
                highlightStudentId={actor.studentId}
                pointsLabel={leaderboard.pointsLabel}
                caption={`Leaderboard for ${leaderboard.programme.name}`}
              />
              {leaderboard.readerOffBoard === "OPTED_OUT" ? <p className="text-muted">You are not on boards, as you chose.</p> : null}
              {leaderboard.readerOffBoard === "HIDDEN" ? (
                <p className="text-muted">Your name is not on boards other pupils see just now.</p>
              ) : null}
              <Link href="/student/boards" className="inline-flex min-h-11 items-center font-semibold text-accent underline">
                See all boards: this week, groups, most improved
              </Link>
            </div>
          ) : (
            <EmptyState title="No leaderboard yet">When you join a programme, its leaderboard shows here.</EmptyState>
          )}
        </Card>
        {choices
          .filter((c) => c.mentors.length > 0)
          .map((choice) => (
            <Card key={choice.programmeId} title="Choose your mentor" className="md:col-span-2">
              <p className="mb-3">
                You can say who you would like as your mentor. Pick up to three, or choose “No preference”. Your coordinator decides, and
                will try to give you one of your choices.
              </p>
              <MentorChoicesForm choice={choice} />
            </Card>
          ))}
        {profile ? (
          <Card title="About me" className="md:col-span-2">
            <MyProfileForm profile={profile} />
          </Card>
        ) : null}
        <div className="md:col-span-2">
          <TellSomeone />
        </div>
      </div>
    </AppShell>
  );
}
