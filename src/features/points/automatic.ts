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
 * Awarded once however often this runs (each round has a natural key), while the rule is on and for
 * sessions held from its first day; reversed when an edit makes a pupil no longer eligible, whatever
 * the rule's state now; never given again over a person's correction.
 */
export async function applyAutomaticPoints(tx: Tx, actor: Actor, sessionId: string, options: { isNewLog: boolean }): Promise<void> {
  const settings = await loadPointSettings(tx, actor.schoolId);
  // A new log has no points yet: nothing to reverse, so nothing to do while every rule is off.
  if (options.isNewLog && !settings.attendance && !settings.onTime) return;
  const [session, existing] = await Promise.all([
    tx.mentoringSession.findFirstOrThrow({
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
    }),
    options.isNewLog
      ? Promise.resolve([])
      : tx.pointEntry.findMany({
          where: { schoolId: actor.schoolId, sessionId, autoKey: { not: null } },
          select: { id: true, autoKey: true, amount: true, categoryId: true, reversesId: true, reversal: { select: { autoKey: true } } },
        }),
  ]);
  if (!settings.attendance && !settings.onTime && existing.length === 0) return;
  const heldOn = fromDbDate(session.heldOn);
  const isOn = (rule: { since: string } | null) => rule !== null && heldOn >= rule.since;
  const hasPoints = (rule: AutoRule) => existing.some((e) => e.autoKey!.startsWith(`${rule}:`));
  // While a rule is off (or the session is before its first day) it gives nothing new, but what it gave
  // is still taken back from a pupil no longer eligible: only those pupils are asked about.
  const pupilsFor = (applies: boolean, pupils: { studentId: string; isEligible: boolean }[]) =>
    applies ? pupils : pupils.filter((p) => !p.isEligible);
  const rules: { rule: AutoRule; pupils: { studentId: string; isEligible: boolean }[] }[] = [];
  if (isOn(settings.attendance) || hasPoints("ATTENDANCE")) {
    const pupils = session.attendances.map((a) => ({ studentId: a.studentId, isEligible: a.attendance !== "ABSENT" }));
    rules.push({ rule: "ATTENDANCE", pupils: pupilsFor(isOn(settings.attendance), pupils) });
  }
  const loggingMentor = session.loggedBy.students[0]?.id;
  const isMentorOfPairing = session.pairing.members.some((m) => m.role === "MENTOR" && m.studentId === loggingMentor);
  if (loggingMentor && isMentorOfPairing && (isOn(settings.onTime) || hasPoints("ON_TIME"))) {
    const calendar = await loadSchoolCalendar(actor.schoolId, tx);
    const loggedOn = todayIn(calendar.timezone, session.createdAt);
    const onTime = isLoggedOnTime(heldOn, loggedOn, session.pairing.programme.todoLogGraceDays, calendar);
    rules.push({ rule: "ON_TIME", pupils: pupilsFor(isOn(settings.onTime), [{ studentId: loggingMentor, isEligible: onTime }]) });
  }
  if (rules.length === 0) return;

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
  // Awards only come from a rule that is on, in its category's usual amount (a rule's category always gives points).
  const categoryOf: Partial<Record<AutoRule, string>> = {
    ATTENDANCE: settings.attendance?.categoryId,
    ON_TIME: settings.onTime?.categoryId,
  };
  const categories = await tx.pointCategory.findMany({
    where: { schoolId: actor.schoolId, id: { in: Object.values(categoryOf).filter((id): id is string => Boolean(id)) } },
    select: { id: true, defaultAmount: true },
  });
  const amountOf = new Map(categories.map((c) => [c.id, c.defaultAmount]));
  const base = { programmeId: session.pairing.programmeId, awardedById: actor.userId, sessionId: session.id };
  const rows: NewPointEntry[] = [
    ...awards.flatMap((a) => {
      const categoryId = categoryOf[a.rule];
      const amount = categoryId ? (amountOf.get(categoryId) ?? 0) : 0;
      return categoryId && amount > 0
        ? [{ ...base, studentId: a.studentId, amount, categoryId, reason: REASONS[a.rule], autoKey: a.autoKey }]
        : [];
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
