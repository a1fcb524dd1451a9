import "server-only";
import { addDaysIso, fromDbDate, todayIn } from "@/lib/dates";
import { pupilDisplayName } from "@/lib/ranking";
import { causeOf, checkInFlag, RECENT_DAYS, todoReasons, type TodoPairing, type TodoReason, type TodoThresholds } from "@/lib/todo";
import { checkInSignals } from "@/lib/check-ins";
import { loadCheckInAnswers } from "@/features/check-ins/load";
import { LIVE_STATUSES } from "@/features/pairings/status";
import { db, type Db, type Tx } from "@/server/db";
import { loadSchedules } from "@/server/schedules";

export type TodoRow = {
  pairingId: string;
  title: string;
  reasons: TodoReason[];
  /** What a dismissal is tied to (src/lib/todo.ts causeOf). */
  cause: string;
  dismissal: { note: string; at: Date } | null;
};

/**
 * The to-do rows of one programme's live pairings, dismissed ones included (marked), in a fixed number
 * of queries. The caller has checked the actor may see the programme. Shared by the coordinator's page,
 * the to-do notifications and `npm run bench -- todo`.
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
  const pairings = await client.pairing.findMany({
    where: { schoolId, programmeId, status: { in: [...LIVE_STATUSES] } },
    orderBy: { startsOn: "asc" },
    select: {
      id: true,
      name: true,
      status: true,
      startsOn: true,
      trialEndsOn: true,
      members: {
        select: { role: true, studentId: true, student: { select: { legalFirstName: true, legalLastName: true, preferredName: true } } },
      },
      _count: { select: { sessions: true } },
    },
  });
  const ids = pairings.map((p) => p.id);
  const { calendar, schedules } = await loadSchedules(schoolId, ids, client, now);
  const today = todayIn(calendar.timezone, now);
  const [recent, fitChecks, dismissals, checkIns] = await Promise.all([
    client.mentoringSession.findMany({
      // Far enough back for the first-weeks rule too, whatever the programme's number of weeks.
      where: {
        schoolId,
        pairingId: { in: ids },
        heldOn: { gte: new Date(`${addDaysIso(today, -Math.max(RECENT_DAYS, 2 * thresholds.firstWeeks * 7))}T00:00:00Z`) },
      },
      select: { pairingId: true, heldOn: true, attendances: { select: { studentId: true, attendance: true } } },
    }),
    // The first session of a pairing is the one with a fit check (logSession asks it only then).
    client.mentoringSession.findMany({
      where: { schoolId, pairingId: { in: ids }, fitCheck: { not: null } },
      orderBy: { heldOn: "asc" },
      select: { id: true, pairingId: true, fitCheck: true },
    }),
    client.todoDismissal.findMany({
      where: { schoolId, pairingId: { in: ids } },
      orderBy: { createdAt: "desc" },
      select: { pairingId: true, cause: true, note: true, createdAt: true },
    }),
    loadCheckInAnswers(schoolId, ids, client),
  ]);
  const checkInThresholds = { low: programme.todoCheckInLow, change: programme.todoCheckInChange };
  const rows: TodoRow[] = [];
  for (const p of pairings) {
    const mentees = p.members.filter((m) => m.role === "MENTEE");
    const input: TodoPairing = {
      id: p.id,
      status: p.status as "TRIAL" | "ACTIVE",
      startsOn: fromDbDate(p.startsOn),
      trialEndsOn: p.trialEndsOn ? fromDbDate(p.trialEndsOn) : null,
      mentees: mentees.map((m) => ({ studentId: m.studentId, name: pupilDisplayName(m.student) })),
      schedule: schedules.get(p.id),
      sessions: recent
        .filter((s) => s.pairingId === p.id)
        .map((s) => ({
          heldOn: fromDbDate(s.heldOn),
          attendances: s.attendances.map((a) => ({ studentId: a.studentId, attendance: a.attendance })),
        })),
      sessionCount: p._count.sessions,
      firstFitCheck: (() => {
        const first = fitChecks.find((f) => f.pairingId === p.id);
        return first?.fitCheck ? { sessionId: first.id, answer: first.fitCheck } : null;
      })(),
      checkInSignals: checkInSignals(checkIns.get(p.id) ?? [], checkInThresholds).map((signal) =>
        checkInFlag(signal, (id) => {
          const member = p.members.find((m) => m.studentId === id);
          return member ? pupilDisplayName(member.student) : "A pupil";
        }),
      ),
    };
    const reasons = todoReasons(input, calendar, thresholds, today);
    if (reasons.length === 0) continue;
    const cause = causeOf(reasons);
    const dismissal = dismissals.find((d) => d.pairingId === p.id && d.cause === cause);
    const mentors = p.members.filter((m) => m.role === "MENTOR").map((m) => pupilDisplayName(m.student));
    rows.push({
      pairingId: p.id,
      title: p.name ?? `${mentors.join(" & ")} with ${mentees.map((m) => pupilDisplayName(m.student)).join(", ")}`,
      reasons,
      cause,
      dismissal: dismissal ? { note: dismissal.note, at: dismissal.createdAt } : null,
    });
  }
  return { rows, thresholds };
}
