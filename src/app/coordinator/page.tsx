import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { Card, EmptyState, PageHeader, Stat } from "@/components/ui/card";
import { SearchForm } from "@/components/ui/search-form";
import { requireActor } from "@/server/session";
import { newIdempotencyKey } from "@/server/idempotency";
import { todayIn } from "@/lib/dates";
import { searchTerm } from "@/lib/schema-helpers";
import { chooseProgrammeForStaff, getCoordinatorFigures } from "@/features/programmes/queries";
import { listParticipants } from "@/features/students/queries";
import { listPairingsForCoordinator } from "@/features/pairings/queries";
import { listPointCategories, listRecentPoints } from "@/features/points/queries";
import { CreatePairingForm } from "@/features/pairings/components/create-pairing-form";
import { PairingsTable } from "@/features/pairings/components/pairings-table";
import { AwardPointsForm } from "@/features/points/components/award-points-form";
import { RecentPoints } from "@/features/points/components/recent-points";
import { RECENT_POINTS_HEADING } from "@/features/points/components/reverse-points-form";
import { ProgrammePicker } from "@/features/programmes/components/programme-picker";
import { ParticipantLists } from "@/features/students/components/participant-lists";
import { getCoordinatorTodo } from "@/features/todo/queries";
import { TodoList } from "@/features/todo/components/todo-list";
import { countOpenConcernsForLead } from "@/features/concerns/queries";
import { OpenConcernsCard } from "@/features/concerns/components/open-concerns-card";

export const metadata: Metadata = { title: "Programme dashboard" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function CoordinatorPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireActor("COORDINATOR");
  const params = await searchParams;
  // A coordinator who is also a safeguarding lead sees open concerns first.
  const concerns = await countOpenConcernsForLead(actor);
  const concernsCard = concerns ? <OpenConcernsCard open={concerns.open} urgent={concerns.urgent} /> : null;
  const q = searchTerm(params.q);
  const programmeParam = typeof params.programme === "string" ? params.programme : undefined;
  const { programme, programmes } = await chooseProgrammeForStaff(actor, programmeParam);
  if (!programme) {
    return (
      <AppShell actor={actor} current="/coordinator">
        {concernsCard}
        <PageHeader title="Programme dashboard" />
        <EmptyState title="No programmes yet">
          When your school sets up a peer-mentoring programme, its figures, pupils and pairings appear here.
        </EmptyState>
      </AppShell>
    );
  }
  const [todo, figures, participants, pairings, recentPoints, categories] = await Promise.all([
    getCoordinatorTodo(actor, programme.id),
    getCoordinatorFigures(actor, programme.id),
    listParticipants(actor, programme.id, q),
    listPairingsForCoordinator(actor, programme.id, { q, status: params.status }),
    listRecentPoints(actor, programme.id),
    listPointCategories(actor),
  ]);
  const today = todayIn(actor.timezone);
  const here = `/coordinator?programme=${programme.id}`;
  const freeMentors = participants.mentors.filter((m) => m.load < m.capacity);
  const waitingMentees = participants.mentees.filter((m) => m.isWaiting);
  return (
    <AppShell actor={actor} current="/coordinator">
      {concernsCard}
      <PageHeader
        title={programme.name}
        description="Your programme at a glance."
        action={<ProgrammePicker programmes={programmes} currentId={programme.id} />}
      />
      <div id="todo" className="scroll-mt-4">
        <TodoList programmeId={programme.id} open={todo.open} setAside={todo.setAside} timezone={actor.timezone} />
      </div>
      <dl className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6">
        <Stat label="Live pairings" value={figures.livePairings} detail="trial or active" href={`${here}#pairings`} />
        <Stat
          label="Sessions this week"
          value={`${figures.sessionsHeldThisWeek} of ${figures.sessionsPlannedThisWeek}`}
          detail="held of planned"
          href={`${here}#pairings`}
        />
        <Stat label="Mentees waiting" value={figures.menteesWithoutPairing} detail="without a mentor" href={`${here}#participants`} />
        <Stat label="Mentors free" value={figures.mentorsWithoutPairing} detail="without a pairing" href={`${here}#participants`} />
        <Stat label="Quiet pairings" value={figures.pairingsQuiet14Days} detail="no session in 14 days" href={`${here}#todo`} />
        <Stat
          label="Points this week"
          value={figures.pointsThisWeek}
          detail={`${figures.pointEntriesThisWeek} entries`}
          href={`/staff?programme=${programme.id}`}
        />
      </dl>

      <div className="mb-4">
        <SearchForm id="dashboard-search" label="Search pupils and pairings" defaultValue={q} hidden={{ programme: programmeParam }} />
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Pairings and groups" className="scroll-mt-4" id="pairings">
            {pairings.length === 0 ? (
              <EmptyState title={q ? "No pairings match your search" : "No pairings yet"}>
                Create the first pairing with the form below.
              </EmptyState>
            ) : (
              <PairingsTable rows={pairings} />
            )}
          </Card>
          <Card title="Create a pairing or group">
            <CreatePairingForm
              idempotencyKey={newIdempotencyKey()}
              programmeId={programme.id}
              today={today}
              mentors={freeMentors.map((m) => ({
                studentId: m.studentId,
                label: m.name,
                detail: `Year ${m.yearGroup} · ${m.load} of ${m.capacity} mentees${m.trainingComplete ? "" : " · training not finished"}`,
              }))}
              mentees={waitingMentees.map((m) => ({
                studentId: m.studentId,
                label: m.name,
                detail: `Year ${m.yearGroup} · ${m.tutorGroup}`,
              }))}
            />
          </Card>
          <div id="participants" className="scroll-mt-4">
            <ParticipantLists mentors={participants.mentors} mentees={participants.mentees} />
          </div>
        </div>
        <div className="space-y-6">
          <Card title="Award points">
            <AwardPointsForm
              idempotencyKey={newIdempotencyKey()}
              programmeId={programme.id}
              categories={categories}
              pupils={[...participants.mentees, ...participants.mentors].map((p) => ({
                studentId: p.studentId,
                label: p.name,
                detail: `Year ${p.yearGroup}`,
              }))}
            />
          </Card>
          <Card title="Recent points" headingId={RECENT_POINTS_HEADING}>
            <RecentPoints entries={recentPoints} canCorrect timezone={actor.timezone} />
          </Card>
        </div>
      </div>
    </AppShell>
  );
}
