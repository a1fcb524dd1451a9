// The floor for `npm run bench -- todo`: every fact the coordinator's to-do and figures need, fetched
// in ONE hand-written SQL statement (one round trip, JSON built by PostgreSQL), then the same pure
// rules the app applies (scheduleFor, todoRowFor, coordinatorFigures).
import type { Client } from "pg";
import { coordinatorFigures, type DashboardFigures } from "@/lib/coordinator-figures";
import { toDbDate, type IsoDate } from "@/lib/dates";
import type { DaySlot } from "@/lib/day-slots";
import type { SchoolCalendar } from "@/lib/occurrences";
import { scheduleFor, type Schedule } from "@/lib/pairing-schedule";
import { pupilDisplayName } from "@/lib/ranking";
import { checkInSignals, type CheckInAnswer } from "@/lib/check-ins";
import { CHECK_IN_SCALE_KEY, CHECK_INS } from "@/lib/questionnaires";
import { checkInFlag, RECENT_DAYS, todoRowFor, type TodoRow, type TodoSession } from "@/lib/todo";

// $1 school, $2 programme, $3 now, $4 the check-ins' questionnaire keys, $5 their scale question's key.
// "today" is the school's own day at $3; the week runs Monday to Sunday; sessions are read as far back
// as sessionLookbackDays (src/lib/todo.ts) says for the programme's first weeks.
export const FACTS_SQL = `
WITH school AS (
  SELECT s.timezone, s."weekAStarts", ($3::timestamptz AT TIME ZONE s.timezone)::date AS today FROM "School" s WHERE s.id = $1
), days AS (
  SELECT today, today - GREATEST(${RECENT_DAYS}, 2 * g."todoFirstWeeks" * 7) AS recent_from, date_trunc('week', today)::date AS week_start,
         date_trunc('week', today)::date + 6 AS week_end,
         (date_trunc('week', today)::timestamp AT TIME ZONE timezone) AT TIME ZONE 'UTC' AS week_from
  FROM school, "Programme" g WHERE g."schoolId" = $1 AND g.id = $2
), check_ins AS MATERIALIZED (
  -- Every check-in of the programme's live pairings at once (a hash join), not pairing by pairing.
  SELECT r."pairingId", json_agg(json_build_array(r."studentId", r."respondentRole", r."periodStart", q."scaleValue")) AS list
  FROM "QuestionnaireResponse" r
  JOIN "QuestionnaireAnswer" q ON q."schoolId" = r."schoolId" AND q."responseId" = r.id
  JOIN "Pairing" p ON p."schoolId" = r."schoolId" AND p.id = r."pairingId"
  WHERE r."schoolId" = $1 AND p."programmeId" = $2 AND p.status IN ('TRIAL', 'ACTIVE') AND r."questionnaireKey" = ANY($4)
    AND q."questionKey" = $5 AND q."scaleValue" IS NOT NULL
  GROUP BY r."pairingId"
)
SELECT json_build_object(
  'timezone', school.timezone,
  'weekAStarts', school."weekAStarts",
  'today', days.today,
  'programme', (SELECT json_build_object('cadence', g.cadence, 'sessionMinutes', g."sessionMinutes", 'endsOn', g."endsOn",
      'logGraceDays', g."todoLogGraceDays", 'firstSessionDays', g."todoFirstSessionDays", 'firstWeeks', g."todoFirstWeeks",
      'firstWeeksSessions', g."todoFirstWeeksSessions", 'absentRun', g."todoAbsentRun",
      'checkInLow', g."todoCheckInLow", 'checkInChange', g."todoCheckInChange")
    FROM "Programme" g WHERE g."schoolId" = $1 AND g.id = $2),
  'periods', (SELECT coalesce(json_agg(json_build_object('kind', c.kind, 'startsOn', c."startsOn", 'endsOn', c."endsOn")), '[]')
    FROM "CalendarPeriod" c WHERE c."schoolId" = $1 AND c.kind IN ('TERM', 'HOLIDAY', 'INSET')
      AND EXISTS (SELECT 1 FROM "AcademicYear" a WHERE a."schoolId" = $1 AND a.id = c."academicYearId" AND a."confirmedAt" IS NOT NULL)),
  'slots', (SELECT coalesce(json_agg(json_build_object('id', sl.id, 'key', sl.key, 'name', sl.name, 'startTime', sl."startTime",
      'endTime', sl."endTime", 'isArchived', sl."archivedAt" IS NOT NULL,
      'yearTimes', (SELECT coalesce(json_agg(json_build_object('yearGroup', y."yearGroup", 'startTime', y."startTime", 'endTime', y."endTime")), '[]')
        FROM "SchoolSlotYearTime" y WHERE y."schoolId" = $1 AND y."slotId" = sl.id))), '[]')
    FROM "SchoolSlot" sl WHERE sl."schoolId" = $1),
  'skips', (SELECT coalesce(json_agg(json_build_object('startsOn', k."startsOn", 'endsOn', k."endsOn", 'yearGroup', k."yearGroup")), '[]')
    FROM "ProgrammeSkip" k WHERE k."schoolId" = $1 AND k."programmeId" = $2),
  'pairings', (SELECT coalesce(json_agg(json_build_object(
      'id', p.id, 'name', p.name, 'status', p.status, 'startsOn', p."startsOn", 'trialEndsOn', p."trialEndsOn", 'endsOn', p."endsOn",
      'slotWeekday', p."slotWeekday", 'slotId', p."slotId", 'slotPlace', p."slotPlace", 'slotMinutes', p."slotMinutes",
      'slotCadence', p."slotCadence", 'slotWeek', p."slotWeek", 'slotFrom', p."slotFrom",
      'members', (SELECT json_agg(json_build_object('role', m.role, 'studentId', m."studentId", 'legalFirstName', st."legalFirstName",
          'legalLastName', st."legalLastName", 'preferredName', st."preferredName", 'cohortYear', st."cohortYear") ORDER BY m.id)
        FROM "PairingMember" m JOIN "Student" st ON st."schoolId" = m."schoolId" AND st.id = m."studentId"
        WHERE m."schoolId" = $1 AND m."pairingId" = p.id),
      'sessionCount', (SELECT count(*) FROM "MentoringSession" ms WHERE ms."schoolId" = $1 AND ms."pairingId" = p.id),
      'lastHeldOn', (SELECT max(ms."heldOn") FROM "MentoringSession" ms WHERE ms."schoolId" = $1 AND ms."pairingId" = p.id),
      'firstFitCheck', (SELECT json_build_object('sessionId', ms.id, 'answer', ms."fitCheck") FROM "MentoringSession" ms
        WHERE ms."schoolId" = $1 AND ms."pairingId" = p.id AND ms."fitCheck" IS NOT NULL ORDER BY ms."heldOn" LIMIT 1),
      'sessions', (SELECT coalesce(json_agg(json_build_array(ms."heldOn",
          (SELECT coalesce(json_agg(json_build_array(a."studentId", a.attendance)), '[]')
            FROM "SessionAttendance" a WHERE a."schoolId" = $1 AND a."sessionId" = ms.id))), '[]')
        FROM "MentoringSession" ms WHERE ms."schoolId" = $1 AND ms."pairingId" = p.id AND ms."heldOn" >= days.recent_from),
      'exceptions', (SELECT coalesce(json_agg(json_build_object('originalOn', e."originalOn", 'change', e.change, 'movedTo', e."movedTo",
          'startTime', e."startTime", 'place', e.place, 'reason', e.reason)), '[]')
        FROM "OccurrenceException" e WHERE e."schoolId" = $1 AND e."pairingId" = p.id),
      'dismissals', (SELECT coalesce(json_agg(json_build_object('cause', d.cause, 'note', d.note, 'at', d."createdAt")), '[]')
        FROM "TodoDismissal" d WHERE d."schoolId" = $1 AND d."pairingId" = p.id),
      'checkIns', coalesce((SELECT c.list FROM check_ins c WHERE c."pairingId" = p.id), '[]')
    ) ORDER BY p."startsOn", p.id), '[]')
    FROM "Pairing" p WHERE p."schoolId" = $1 AND p."programmeId" = $2 AND p.status IN ('TRIAL', 'ACTIVE')),
  'sessionsHeldThisWeek', (SELECT count(*) FROM "MentoringSession" ms
    JOIN "Pairing" p ON p."schoolId" = ms."schoolId" AND p.id = ms."pairingId"
    WHERE ms."schoolId" = $1 AND p."programmeId" = $2 AND ms."heldOn" BETWEEN days.week_start AND days.week_end),
  'menteesWithoutPairing', (SELECT count(*) FROM "MenteeProfile" mp JOIN "Student" st ON st."schoolId" = mp."schoolId" AND st.id = mp."studentId"
    WHERE mp."schoolId" = $1 AND mp."programmeId" = $2 AND st.status = 'ON_ROLL' AND NOT EXISTS (
      SELECT 1 FROM "PairingMember" m JOIN "Pairing" p ON p."schoolId" = m."schoolId" AND p.id = m."pairingId"
      WHERE m."schoolId" = $1 AND m."studentId" = st.id AND m.role = 'MENTEE' AND p."programmeId" = $2 AND p.status IN ('TRIAL', 'ACTIVE', 'PAUSED'))),
  'mentorsWithoutPairing', (SELECT count(*) FROM "MentorProfile" mp JOIN "Student" st ON st."schoolId" = mp."schoolId" AND st.id = mp."studentId"
    WHERE mp."schoolId" = $1 AND mp."programmeId" = $2 AND st.status <> 'LEFT' AND NOT EXISTS (
      SELECT 1 FROM "PairingMember" m JOIN "Pairing" p ON p."schoolId" = m."schoolId" AND p.id = m."pairingId"
      WHERE m."schoolId" = $1 AND m."studentId" = st.id AND m.role = 'MENTOR' AND p."programmeId" = $2 AND p.status IN ('TRIAL', 'ACTIVE', 'PAUSED'))),
  'points', (SELECT json_build_object('sum', sum(pe.amount), 'count', count(*)) FROM "PointEntry" pe
    WHERE pe."schoolId" = $1 AND pe."programmeId" = $2 AND pe."createdAt" >= days.week_from)
) AS facts
FROM school, days`;

export type Facts = {
  timezone: string;
  weekAStarts: IsoDate[];
  today: IsoDate;
  programme: {
    cadence: "WEEKLY" | "FORTNIGHTLY";
    sessionMinutes: number;
    endsOn: IsoDate | null;
    logGraceDays: number;
    firstSessionDays: number;
    firstWeeks: number;
    firstWeeksSessions: number;
    absentRun: number;
    checkInLow: number;
    checkInChange: number;
  };
  periods: { kind: "TERM" | "HOLIDAY" | "INSET"; startsOn: IsoDate; endsOn: IsoDate }[];
  slots: DaySlot[];
  skips: { startsOn: IsoDate; endsOn: IsoDate; yearGroup: number }[];
  pairings: {
    id: string;
    name: string | null;
    status: "TRIAL" | "ACTIVE";
    startsOn: IsoDate;
    trialEndsOn: IsoDate | null;
    endsOn: IsoDate | null;
    slotWeekday: number | null;
    slotId: string | null;
    slotPlace: string;
    slotMinutes: number | null;
    slotCadence: "WEEKLY" | "FORTNIGHTLY" | null;
    slotWeek: "A" | "B" | null;
    slotFrom: IsoDate | null;
    members: {
      role: "MENTOR" | "MENTEE";
      studentId: string;
      legalFirstName: string;
      legalLastName: string;
      preferredName: string | null;
      cohortYear: number;
    }[];
    sessionCount: number;
    lastHeldOn: IsoDate | null;
    firstFitCheck: { sessionId: string; answer: "YES" | "NOT_SURE" | "NO" } | null;
    /** [heldOn, [[studentId, attendance], …]]: arrays, not objects, to keep the answer small. */
    sessions: [IsoDate, [string, TodoSession["attendances"][number]["attendance"]][]][];
    exceptions: {
      originalOn: IsoDate;
      change: "MOVED" | "CANCELLED";
      movedTo: IsoDate | null;
      startTime: string | null;
      place: string | null;
      reason: string;
    }[];
    /** `at` is a timestamp without a zone, in UTC (as Prisma stores DateTime). */
    dismissals: { cause: string; note: string; at: string }[];
    /** [studentId, role, periodStart, value]. */
    checkIns: [string, CheckInAnswer["role"], IsoDate, number][];
  }[];
  sessionsHeldThisWeek: number;
  menteesWithoutPairing: number;
  mentorsWithoutPairing: number;
  points: { sum: number | null; count: number };
};

const dbDate = (day: IsoDate | null) => (day ? toDbDate(day) : null);

/** Every fact the to-do and the figures need, in one statement. */
export async function loadFactsByRawSql(client: Client, schoolId: string, programmeId: string, now: Date): Promise<Facts> {
  const keys = [CHECK_INS.MENTEE.key, CHECK_INS.MENTOR.key];
  const result = await client.query<{ facts: Facts }>(FACTS_SQL, [schoolId, programmeId, now, keys, CHECK_IN_SCALE_KEY]);
  return result.rows[0]!.facts;
}

/** The same pure rules as the app, on the facts: what getCoordinatorTodo and getCoordinatorFigures return. */
export function todoFromFacts(facts: Facts, now: Date): { open: TodoRow[]; setAside: TodoRow[]; figures: DashboardFigures } {
  const calendar: SchoolCalendar = {
    timezone: facts.timezone,
    terms: facts.periods.filter((p) => p.kind === "TERM").map((p) => ({ startsOn: p.startsOn, endsOn: p.endsOn })),
    closures: facts.periods.filter((p) => p.kind !== "TERM").map((p) => ({ startsOn: p.startsOn, endsOn: p.endsOn })),
    weekAStarts: facts.weekAStarts,
  };
  const daySlots = new Map(facts.slots.map((s) => [s.id, s]));
  const skips = facts.skips.map((s) => ({ startsOn: toDbDate(s.startsOn), endsOn: toDbDate(s.endsOn), yearGroup: s.yearGroup }));
  const programme = {
    cadence: facts.programme.cadence,
    sessionMinutes: facts.programme.sessionMinutes,
    endsOn: dbDate(facts.programme.endsOn),
  };
  const { logGraceDays, firstSessionDays, firstWeeks, firstWeeksSessions, absentRun } = facts.programme;
  const thresholds = { logGraceDays, firstSessionDays, firstWeeks, firstWeeksSessions, absentRun };
  const checkInThresholds = { low: facts.programme.checkInLow, change: facts.programme.checkInChange };
  const rows: TodoRow[] = [];
  const live: { startsOn: IsoDate; lastHeldOn: IsoDate | null; schedule: Schedule }[] = [];
  for (const p of facts.pairings) {
    const schedule = scheduleFor({
      pairing: {
        startsOn: toDbDate(p.startsOn),
        endsOn: dbDate(p.endsOn),
        slotWeekday: p.slotWeekday,
        slotId: p.slotId,
        slotPlace: p.slotPlace,
        slotMinutes: p.slotMinutes,
        slotCadence: p.slotCadence,
        slotWeek: p.slotWeek,
        slotFrom: dbDate(p.slotFrom),
        members: p.members.map((m) => ({ role: m.role, cohortYear: m.cohortYear })),
      },
      programme,
      daySlots,
      skips,
      exceptions: p.exceptions.map((e) => ({ ...e, originalOn: toDbDate(e.originalOn), movedTo: dbDate(e.movedTo) })),
      timezone: calendar.timezone,
      now,
    });
    live.push({ startsOn: p.startsOn, lastHeldOn: p.lastHeldOn, schedule });
    const named = p.members.map((m) => ({ role: m.role, studentId: m.studentId, name: pupilDisplayName(m) }));
    const row = todoRowFor(
      {
        id: p.id,
        name: p.name,
        mentorNames: named.filter((m) => m.role === "MENTOR").map((m) => m.name),
        status: p.status,
        startsOn: p.startsOn,
        trialEndsOn: p.trialEndsOn,
        mentees: named.filter((m) => m.role === "MENTEE").map((m) => ({ studentId: m.studentId, name: m.name })),
        schedule,
        sessions: p.sessions.map(([heldOn, marks]) => ({
          heldOn,
          attendances: marks.map(([studentId, attendance]) => ({ studentId, attendance })),
        })),
        sessionCount: p.sessionCount,
        firstFitCheck: p.firstFitCheck,
        checkInSignals: checkInSignals(
          p.checkIns.map(([studentId, role, periodStart, value]) => ({ studentId, role, periodStart, value })),
          checkInThresholds,
        ).map((signal) => checkInFlag(signal, (id) => named.find((m) => m.studentId === id)?.name ?? "A pupil")),
      },
      p.dismissals.map((d) => ({ cause: d.cause, note: d.note, at: new Date(`${d.at}Z`) })),
      calendar,
      thresholds,
      facts.today,
    );
    if (row) rows.push(row);
  }
  const figures = coordinatorFigures({
    today: facts.today,
    calendar,
    livePairings: live,
    sessionsHeldThisWeek: facts.sessionsHeldThisWeek,
    menteesWithoutPairing: facts.menteesWithoutPairing,
    mentorsWithoutPairing: facts.mentorsWithoutPairing,
    pointsThisWeek: facts.points,
  });
  return { open: rows.filter((r) => !r.dismissal), setAside: rows.filter((r) => r.dismissal), figures };
}
