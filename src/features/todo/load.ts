import "server-only";
import { addDaysIso, fromDbDate, todayIn, toDbDate } from "@/lib/dates";
import { pupilDisplayName } from "@/lib/ranking";
import { checkInSignals } from "@/lib/check-ins";
import {
  checkInFlag,
  sessionLookbackDays,
  todoRowFor,
  type TodoDismissalFact,
  type TodoRow,
  type TodoSession,
  type TodoThresholds,
} from "@/lib/todo";
import { loadCheckInAnswers } from "@/features/check-ins/load";
import { LIVE_STATUSES } from "@/features/pairings/status";
import { db, type Db, type Tx } from "@/server/db";
import { loadSchedules } from "@/server/schedules";

export type { TodoRow };

/**
 * The to-do rows of one programme's live pairings, dismissed ones included (marked), in a fixed number
 * of queries: the programme's thresholds, then all the rest at once. The caller has checked the actor
 * may see the programme. Shared by the coordinator's page, the to-do notifications and
 * `npm run bench -- todo` (ADR 019).
 */
export async function loadTodoRows(
  schoolId: string,
  programmeId: string,
  options: { client?: Tx | Db; now?: Date } = {},
): Promise<{ rows: TodoRow[]; thresholds: TodoThresholds | null }> {
  const client = options.client ?? db;
  const now = options.now ?? new Date();
  const programme = await client.programme.findFirst({
    where: { schoolId, id: programmeId },
    select: {
      todoLogGraceDays: true,
      todoFirstSessionDays: true,
      todoFirstWeeks: true,
      todoFirstWeeksSessions: true,
      todoAbsentRun: true,
      todoCheckInLow: true,
      todoCheckInChange: true,
    },
  });
  if (!programme) return { rows: [], thresholds: null };
  const thresholds: TodoThresholds = {
    logGraceDays: programme.todoLogGraceDays,
    firstSessionDays: programme.todoFirstSessionDays,
    firstWeeks: programme.todoFirstWeeks,
    firstWeeksSessions: programme.todoFirstWeeksSessions,
    absentRun: programme.todoAbsentRun,
  };
  const lookback = sessionLookbackDays(thresholds);
  const live = { programmeId, status: { in: [...LIVE_STATUSES] } };
  // The rest starts at once, before the school's timezone is known: sessions are read from a day before
  // the earliest "today" anywhere, and those before the school's own window are dropped below.
  const recentWhere = { schoolId, pairing: live, heldOn: { gte: toDbDate(addDaysIso(todayIn("UTC", now), -lookback - 1)) } };
  const [pairings, { calendar, schedules }, recent, marks, fitChecks, dismissals, checkIns] = await Promise.all([
    client.pairing.findMany({
      where: { schoolId, ...live },
      orderBy: [{ startsOn: "asc" }, { id: "asc" }],
      select: {
        id: true,
        name: true,
        status: true,
        startsOn: true,
        trialEndsOn: true,
        members: {
          orderBy: { id: "asc" },
          select: { role: true, studentId: true, student: { select: { legalFirstName: true, legalLastName: true, preferredName: true } } },
        },
        _count: { select: { sessions: true } },
      },
    }),
    loadSchedules(schoolId, live, client, now),
    client.mentoringSession.findMany({ where: recentWhere, select: { id: true, pairingId: true, heldOn: true } }),
    // Beside the sessions rather than nested in them, so it need not wait for them (nor list their ids).
    client.sessionAttendance.findMany({
      where: { schoolId, session: recentWhere },
      select: { sessionId: true, studentId: true, attendance: true },
    }),
    // The first session of a pairing is the one with a fit check (logSession asks it only then).
    client.mentoringSession.findMany({
      where: { schoolId, pairing: live, fitCheck: { not: null } },
      orderBy: { heldOn: "asc" },
      select: { id: true, pairingId: true, fitCheck: true },
    }),
    client.todoDismissal.findMany({
      where: { schoolId, pairing: live },
      orderBy: { createdAt: "desc" },
      select: { pairingId: true, cause: true, note: true, createdAt: true },
    }),
    loadCheckInAnswers(schoolId, live, client),
  ]);
  const today = todayIn(calendar.timezone, now);
  const since = addDaysIso(today, -lookback);
  const marksOf = groupBy(marks, (a) => a.sessionId);
  const sessionsOf = groupBy(
    recent.filter((s) => fromDbDate(s.heldOn) >= since),
    (s) => s.pairingId,
  );
  // Oldest first, so the first one kept is the pairing's first session.
  const firstFitCheckOf = new Map<string, { sessionId: string; answer: "YES" | "NOT_SURE" | "NO" }>();
  for (const f of fitChecks)
    if (f.fitCheck && !firstFitCheckOf.has(f.pairingId)) firstFitCheckOf.set(f.pairingId, { sessionId: f.id, answer: f.fitCheck });
  const dismissalsOf = groupBy(dismissals, (d) => d.pairingId);
  const checkInThresholds = { low: programme.todoCheckInLow, change: programme.todoCheckInChange };
  const rows: TodoRow[] = [];
  for (const p of pairings) {
    const named = p.members.map((m) => ({ role: m.role, studentId: m.studentId, name: pupilDisplayName(m.student) }));
    const sessions: TodoSession[] = (sessionsOf.get(p.id) ?? []).map((s) => ({
      heldOn: fromDbDate(s.heldOn),
      attendances: (marksOf.get(s.id) ?? []).map((a) => ({ studentId: a.studentId, attendance: a.attendance })),
    }));
    const row = todoRowFor(
      {
        id: p.id,
        name: p.name,
        mentorNames: named.filter((m) => m.role === "MENTOR").map((m) => m.name),
        status: p.status as "TRIAL" | "ACTIVE",
        startsOn: fromDbDate(p.startsOn),
        trialEndsOn: p.trialEndsOn ? fromDbDate(p.trialEndsOn) : null,
        mentees: named.filter((m) => m.role === "MENTEE").map((m) => ({ studentId: m.studentId, name: m.name })),
        schedule: schedules.get(p.id),
        sessions,
        sessionCount: p._count.sessions,
        firstFitCheck: firstFitCheckOf.get(p.id) ?? null,
        checkInSignals: checkInSignals(checkIns.get(p.id) ?? [], checkInThresholds).map((signal) =>
          checkInFlag(signal, (id) => named.find((m) => m.studentId === id)?.name ?? "A pupil"),
        ),
      },
      (dismissalsOf.get(p.id) ?? []).map((d): TodoDismissalFact => ({ cause: d.cause, note: d.note, at: d.createdAt })),
      calendar,
      thresholds,
      today,
    );
    if (row) rows.push(row);
  }
  return { rows, thresholds };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
