import "server-only";
import type { Db, Tx } from "@/server/db";
import { addDaysIso, fromDbDate, todayIn, type IsoDate } from "@/lib/dates";
import { draftNextYearCalendar, type DraftedPeriod, type DraftYear } from "@/lib/next-year-calendar";
import { planRollover, type ProgrammeChoice, type RolloverFacts, type RolloverPlan } from "@/lib/rollover";
import { CONFIRMED_YEAR } from "@/server/calendar";

// What the rollover reads from the database (issue 11, plan §7): the preview and the run build the same
// facts through this one function, so the run's fingerprint check compares like with like.

export type RolloverOptions = { finalYearGroup?: 11 | 13; choices?: Record<string, ProgrammeChoice> };

export type YearRow = { id: string; name: string; startYear: number; startsOn: IsoDate; endsOn: IsoDate; isDraft: boolean };
export type PupilRow = { id: string; legalFirstName: string; legalLastName: string; preferredName: string | null; cohortYear: number };

export type LoadedRollover =
  | { kind: "NO_YEAR" }
  | {
      kind: "READY";
      from: YearRow;
      /** Next year when the school already has it (a draft or confirmed); otherwise the draft to create. */
      next: YearRow | null;
      draft: { year: DraftYear; periods: DraftedPeriod[] } | null;
      facts: RolloverFacts;
      plan: RolloverPlan;
      alreadyRolledOver: boolean;
      pupils: Map<string, PupilRow>;
      pairings: Map<string, { programmeId: string; members: { studentId: string; role: "MENTOR" | "MENTEE" }[] }>;
      programmes: Map<string, { name: string; endsOn: IsoDate | null; status: string }>;
    };

const yearRow = (y: { id: string; name: string; startYear: number; startsOn: Date; endsOn: Date; confirmedAt: Date | null }): YearRow => ({
  id: y.id,
  name: y.name,
  startYear: y.startYear,
  startsOn: fromDbDate(y.startsOn),
  endsOn: fromDbDate(y.endsOn),
  isDraft: y.confirmedAt === null,
});

/**
 * The school year being rolled over is the earliest confirmed one that has begun and not been rolled
 * over; next year is the one starting the calendar year after (the school's own, if it has one, else
 * drafted from this one).
 */
export async function loadRollover(
  client: Tx | Db,
  schoolId: string,
  options: RolloverOptions,
  now: Date = new Date(),
): Promise<LoadedRollover> {
  const school = await client.school.findUniqueOrThrow({ where: { id: schoolId }, select: { timezone: true, finalYearGroup: true } });
  const today = todayIn(school.timezone, now);
  const yearSelect = { id: true, name: true, startYear: true, startsOn: true, endsOn: true, confirmedAt: true } as const;
  const begun = { schoolId, ...CONFIRMED_YEAR, startsOn: { lte: new Date(`${today}T00:00:00Z`) } };
  const select = {
    ...yearSelect,
    periods: { select: { kind: true, name: true, startsOn: true, endsOn: true }, orderBy: { startsOn: "asc" } },
  } as const;
  // Each year is rolled over in turn: the earliest begun year not rolled over yet, so a next year the
  // school entered by hand (and has begun) is not taken for the one ending; once every begun year is
  // rolled over, the latest, which the run then refuses as done.
  const rolled = (await client.schoolRollover.findMany({ where: { schoolId }, select: { fromStartYear: true } })).map(
    (r) => r.fromStartYear,
  );
  const current =
    (await client.academicYear.findFirst({ where: { ...begun, startYear: { notIn: rolled } }, orderBy: { startsOn: "asc" }, select })) ??
    (await client.academicYear.findFirst({ where: begun, orderBy: { startsOn: "desc" }, select }));
  if (!current) return { kind: "NO_YEAR" };
  const from = yearRow(current);
  const [nextRow, done, pupils, pairings, programmes] = await Promise.all([
    client.academicYear.findFirst({ where: { schoolId, startYear: from.startYear + 1 }, select: yearSelect }),
    client.schoolRollover.findFirst({ where: { schoolId, fromStartYear: from.startYear }, select: { id: true } }),
    client.student.findMany({
      where: { schoolId, status: "ON_ROLL" },
      select: {
        id: true,
        legalFirstName: true,
        legalLastName: true,
        preferredName: true,
        cohortYear: true,
        status: true,
        leavingOn: true,
        userId: true,
        _count: { select: { memberships: { where: { role: "MENTOR" } } } },
      },
      orderBy: { id: "asc" },
    }),
    client.pairing.findMany({
      where: { schoolId, status: { not: "ENDED" } },
      select: {
        id: true,
        status: true,
        programmeId: true,
        members: { select: { studentId: true, role: true, pausedAt: true }, orderBy: { studentId: "asc" } },
        pauses: { where: { endedAt: null, source: "CONCERN" }, select: { id: true }, take: 1 },
      },
      orderBy: { id: "asc" },
    }),
    client.programme.findMany({
      where: { schoolId, status: { not: "CLOSED" } },
      select: { id: true, name: true, status: true, endsOn: true },
      orderBy: { id: "asc" },
    }),
  ]);
  const next = nextRow ? yearRow(nextRow) : null;
  const draft = next
    ? null
    : draftNextYearCalendar(
        { name: from.name, startYear: from.startYear, startsOn: from.startsOn, endsOn: from.endsOn },
        current.periods.map((p) => ({ kind: p.kind, name: p.name, startsOn: fromDbDate(p.startsOn), endsOn: fromDbDate(p.endsOn) })),
      );
  const newYearStartsOn = next?.startsOn ?? draft!.year.startsOn;
  const finalYearGroup = options.finalYearGroup ?? (school.finalYearGroup === 13 ? 13 : 11);
  // Without an explicit choice, a programme ending before the new year closes (planRollover's default).
  const choices = Object.fromEntries(Object.entries(options.choices ?? {}).filter(([id]) => programmes.some((p) => p.id === id))) as Record<
    string,
    ProgrammeChoice
  >;
  const facts: RolloverFacts = {
    newYearStartsOn,
    finalYearGroup,
    pupils: pupils.map((p) => ({
      id: p.id,
      cohortYear: p.cohortYear,
      status: p.status,
      leavingOn: p.leavingOn ? fromDbDate(p.leavingOn) : null,
      hasMentored: p._count.memberships > 0,
      hasAccount: p.userId !== null,
    })),
    pairings: pairings.map((p) => ({
      id: p.id,
      status: p.status,
      programmeId: p.programmeId,
      members: p.members.map((m) => ({
        studentId: m.studentId,
        role: m.role,
        pausedAt: m.pausedAt ? fromDbDate(m.pausedAt) : null,
      })),
      pausedByConcern: p.pauses.length > 0,
    })),
    programmes: programmes.map((p) => ({ id: p.id, status: p.status, endsOn: p.endsOn ? fromDbDate(p.endsOn) : null })),
    choices,
  };
  return {
    kind: "READY",
    from,
    next,
    draft,
    facts,
    plan: planRollover(facts),
    alreadyRolledOver: done !== null,
    pupils: new Map(pupils.map((p) => [p.id, p])),
    pairings: new Map(pairings.map((p) => [p.id, { programmeId: p.programmeId, members: p.members }])),
    programmes: new Map(programmes.map((p) => [p.id, { name: p.name, endsOn: p.endsOn ? fromDbDate(p.endsOn) : null, status: p.status }])),
  };
}

/** The old school year's last day as year groups count it (ADR 004): the day before the new one, never past 31 August. */
export function lastDayOfOldYear(newYearStartsOn: IsoDate): IsoDate {
  const septemberFirst = `${newYearStartsOn.slice(0, 4)}-09-01`;
  return newYearStartsOn > septemberFirst ? addDaysIso(septemberFirst, -1) : addDaysIso(newYearStartsOn, -1);
}
