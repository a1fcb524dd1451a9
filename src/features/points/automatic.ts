import "server-only";
import type { Actor } from "@/server/actor";
import type { Tx } from "@/server/db";
import { loadSchoolCalendar } from "@/server/calendar";
import { fromDbDate, todayIn } from "@/lib/dates";
import { automaticPointChanges, isLoggedOnTime, type AutoFacts, type AutoRule } from "@/lib/point-rules";
import { appendPointEntries, type NewPointEntry } from "./ledger";
import { loadPointSettings } from "./settings";

const REASONS: Record<AutoRule, string> = {
  ATTENDANCE: "Came to the session",
  ON_TIME: "Logged the session on time",
};
const UNDO_REASONS: Record<AutoRule, string> = {
  ATTENDANCE: "Correction: the session log now says they did not come",
  ON_TIME: "Correction: the session is no longer counted as logged on time",
};

/**
 * The school's automatic points for one session (ADR 024), after it is logged or edited, in the same
 * transaction: attendance for each pupil who came, and "logged on time" for the mentor who logged it.
 * Awarded once however often this runs (each round has a natural key), reversed when an edit makes a
 * pupil no longer eligible, and never given again over a person's correction.
 */
export async function applyAutomaticPoints(tx: Tx, actor: Actor, sessionId: string): Promise<void> {
  const settings = await loadPointSettings(tx, actor.schoolId);
  if (!settings.attendance && !settings.onTime) return;
  const session = await tx.mentoringSession.findFirstOrThrow({
    where: { schoolId: actor.schoolId, id: sessionId },
    select: {
      id: true,
      heldOn: true,
      createdAt: true,
      loggedBy: { select: { students: { where: { schoolId: actor.schoolId }, select: { id: true } } } },
      pairing: {
        select: {
          programmeId: true,
          programme: { select: { todoLogGraceDays: true } },
          members: { select: { studentId: true, role: true } },
        },
      },
      attendances: { select: { studentId: true, attendance: true } },
    },
  });
  const heldOn = fromDbDate(session.heldOn);
  const rules: { rule: AutoRule; categoryId: string; pupils: { studentId: string; isEligible: boolean }[] }[] = [];
  if (settings.attendance && heldOn >= settings.attendance.since) {
    rules.push({
      rule: "ATTENDANCE",
      categoryId: settings.attendance.categoryId,
      pupils: session.attendances.map((a) => ({ studentId: a.studentId, isEligible: a.attendance !== "ABSENT" })),
    });
  }
  const loggingMentor = session.loggedBy.students[0]?.id;
  const isMentorOfPairing = session.pairing.members.some((m) => m.role === "MENTOR" && m.studentId === loggingMentor);
  if (settings.onTime && heldOn >= settings.onTime.since && loggingMentor && isMentorOfPairing) {
    const calendar = await loadSchoolCalendar(actor.schoolId, tx);
    const loggedOn = todayIn(calendar.timezone, session.createdAt);
    const onTime = isLoggedOnTime(heldOn, loggedOn, session.pairing.programme.todoLogGraceDays, calendar);
    rules.push({ rule: "ON_TIME", categoryId: settings.onTime.categoryId, pupils: [{ studentId: loggingMentor, isEligible: onTime }] });
  }
  if (rules.length === 0) return;

  const existing = await tx.pointEntry.findMany({
    where: { schoolId: actor.schoolId, sessionId: session.id, autoKey: { not: null } },
    select: { id: true, autoKey: true, amount: true, categoryId: true, reversesId: true, reversal: { select: { autoKey: true } } },
  });
  const byId = new Map(existing.map((e) => [e.id, e]));
  const facts: AutoFacts[] = rules.flatMap(({ rule, pupils }) =>
    pupils.map(({ studentId, isEligible }) => ({
      rule,
      sessionId: session.id,
      studentId,
      isEligible,
      entries: existing
        .filter((e) => e.autoKey!.startsWith(`${rule}:${session.id}:${studentId}:`))
        .map((e) => ({ id: e.id, autoKey: e.autoKey, reversesId: e.reversesId, reversedBy: e.reversal })),
    })),
  );
  const { awards, undos } = automaticPointChanges(facts);
  if (awards.length === 0 && undos.length === 0) return;
  const categories = await tx.pointCategory.findMany({
    where: { schoolId: actor.schoolId, id: { in: rules.map((r) => r.categoryId) } },
    select: { id: true, defaultAmount: true },
  });
  const amountOf = new Map(categories.map((c) => [c.id, c.defaultAmount]));
  const categoryOf = new Map(rules.map((r) => [r.rule, r.categoryId]));
  const base = { programmeId: session.pairing.programmeId, awardedById: actor.userId, sessionId: session.id };
  const rows: NewPointEntry[] = [
    ...awards.map((a) => {
      const categoryId = categoryOf.get(a.rule)!;
      return {
        ...base,
        studentId: a.studentId,
        amount: amountOf.get(categoryId) ?? 1,
        categoryId,
        reason: REASONS[a.rule],
        autoKey: a.autoKey,
      };
    }),
    ...undos.map((u) => {
      const original = byId.get(u.reversesId)!;
      return {
        ...base,
        studentId: u.studentId,
        amount: -original.amount,
        categoryId: original.categoryId,
        reason: UNDO_REASONS[u.rule],
        autoKey: u.autoKey,
        reversesId: u.reversesId,
      };
    }),
  ];
  await appendPointEntries(tx, actor.schoolId, rows, { onceOnly: true });
}
