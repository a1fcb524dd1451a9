import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/server/session";
import { newIdempotencyKey } from "@/server/idempotency";
import { hasRole } from "@/server/actor";
import { chooseProgrammeForStaff } from "@/features/programmes/queries";
import { listParticipants } from "@/features/students/queries";
import { listPointCategories, listRecentPoints } from "@/features/points/queries";
import { getBoard, getBoardChoices } from "@/features/points/board-queries";
import { boardRequestFrom, summaryWeek } from "@/features/points/board-request";
import { getWeeklyPointsSummary } from "@/features/points/history-queries";
import { WeeklySummary } from "@/features/points/components/weekly-summary";
import { todayIn } from "@/lib/dates";
import { BoardView } from "@/features/points/components/board-view";
import { AwardPointsForm } from "@/features/points/components/award-points-form";
import { RecentPoints } from "@/features/points/components/recent-points";
import { RECENT_POINTS_HEADING } from "@/features/points/components/reverse-points-form";
import { ProgrammePicker } from "@/features/programmes/components/programme-picker";

export const metadata: Metadata = { title: "Points" };

export default async function StaffPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("TEACHER", "DSL", "COORDINATOR");
  const params = await searchParams;
  const { programme, programmes } = await chooseProgrammeForStaff(
    actor,
    typeof params.programme === "string" ? params.programme : undefined,
  );
  if (!programme) {
    return (
      <AppShell actor={actor} current="/staff">
        <PageHeader title="Points" />
        <EmptyState title="No programmes yet">
          When your school runs a peer-mentoring programme, you can award its pupils points here.
        </EmptyState>
      </AppShell>
    );
  }
  const canAward = hasRole(actor, "TEACHER", "COORDINATOR");
  const choices = await getBoardChoices(actor, programme.id);
  const request = boardRequestFrom(params, { ...choices, programme });
  const [participants, recent, board, categories, summary] = await Promise.all([
    listParticipants(actor, programme.id),
    listRecentPoints(actor, programme.id),
    getBoard(actor, request),
    listPointCategories(actor),
    getWeeklyPointsSummary(actor, programme.id, summaryWeek(typeof params.week === "string" ? params.week : undefined, actor.timezone)),
  ]);
  const pupils = [...participants.mentees, ...participants.mentors].map((p) => ({
    studentId: p.studentId,
    label: p.name,
    detail: `Year ${p.yearGroup} · ${p.tutorGroup}`,
  }));
  return (
    <AppShell actor={actor} current="/staff">
      <PageHeader
        title="Points"
        description={programme.name}
        action={<ProgrammePicker programmes={programmes} currentId={programme.id} />}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        {canAward ? (
          <Card title="Award points">
            <AwardPointsForm programmeId={programme.id} pupils={pupils} categories={categories} idempotencyKey={newIdempotencyKey()} />
          </Card>
        ) : null}
        <Card title="Boards" className="lg:col-span-2">
          <p className="mb-4 text-sm text-muted">
            Staff boards show real totals, below zero included. Pupils see only what the school&apos;s pupil-board settings allow.
          </p>
          <BoardView board={board} request={request} choices={choices} path="/staff" />
        </Card>
        <Card title="Points by week" headingId="weekly-summary">
          <WeeklySummary summary={summary} path={`/staff?programme=${programme.id}`} today={todayIn(actor.timezone)} />
        </Card>
        <Card title="Recent points" headingId={RECENT_POINTS_HEADING}>
          <RecentPoints entries={recent} canCorrect={hasRole(actor, "COORDINATOR")} timezone={actor.timezone} />
        </Card>
      </div>
      <p className="mt-6">
        <Link href="/account/calendar" className="inline-flex min-h-11 items-center font-semibold text-accent underline">
          Calendar link for the pairings you supervise
        </Link>
      </p>
    </AppShell>
  );
}
