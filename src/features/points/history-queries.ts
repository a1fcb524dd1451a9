import "server-only";
import { db } from "@/server/db";
import { hasRole, type Actor } from "@/server/actor";
import { notFoundFor, requireRoleForRead } from "@/server/security-events";
import { addDaysIso, startOfDayInstant, type IsoDate } from "@/lib/dates";
import { pupilFullName } from "@/lib/ranking";
import { boardWindow, windowInstants, type BoardPeriod } from "@/lib/board-periods";
import { loadBoardCalendar } from "@/server/calendar";
import { isAutomaticKey } from "@/lib/point-rules";

const STAFF_READERS = ["COORDINATOR", "TEACHER", "DSL"] as const;
const HISTORY_LIMIT = 500;

export type HistoryFilters = { categoryId?: string; awardedById?: string; period?: BoardPeriod };

/**
 * A pupil's full points history for staff, newest first, filtered by category, who gave it and period:
 * every entry, corrections and automatic points included, with the pupil's climbs above zero and their
 * place on pupil boards (opted out, hidden; the hidden reason for the coordinator only).
 */
export async function listPointHistoryForStaff(actor: Actor, studentId: string, filters: HistoryFilters = {}, now: Date = new Date()) {
  await requireRoleForRead(actor, ...STAFF_READERS);
  const student = await db.student.findFirst({
    where: { schoolId: actor.schoolId, id: studentId },
    select: {
      id: true,
      legalFirstName: true,
      legalLastName: true,
      preferredName: true,
      boardProfile: { select: { isOptedOut: true, hiddenAt: true, hiddenReason: true, nickname: true, nicknameStatus: true } },
    },
  });
  if (!student) return notFoundFor(actor, "Student", studentId);
  let createdAt: { gte?: Date; lt: Date } | undefined;
  if (filters.period && filters.period !== "ALL_TIME") {
    const calendar = await loadBoardCalendar(db, actor, now);
    createdAt = windowInstants(boardWindow(filters.period, calendar), actor.timezone);
  }
  const base = { schoolId: actor.schoolId, studentId };
  const where = {
    ...base,
    ...(filters.categoryId ? { categoryId: filters.categoryId } : {}),
    ...(filters.awardedById ? { awardedById: filters.awardedById } : {}),
    ...(createdAt ? { createdAt } : {}),
  };
  const [entries, shown, total, categories, givers, milestones] = await Promise.all([
    db.pointEntry.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: HISTORY_LIMIT,
      select: {
        id: true,
        amount: true,
        reason: true,
        createdAt: true,
        autoKey: true,
        reversesId: true,
        sessionId: true,
        reversal: { select: { id: true } },
        category: { select: { name: true } },
        programme: { select: { name: true } },
        awardedBy: { select: { name: true } },
      },
    }),
    db.pointEntry.aggregate({ where, _sum: { amount: true }, _count: { _all: true } }),
    db.pointEntry.aggregate({ where: base, _sum: { amount: true } }),
    db.pointCategory.findMany({
      where: { schoolId: actor.schoolId },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: { id: true, name: true },
    }),
    db.user.findMany({
      where: { pointsAwarded: { some: base } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db.pointMilestone.findMany({ where: base, orderBy: { reachedAt: "desc" }, select: { id: true, reachedAt: true, isShared: true } }),
  ]);
  const profile = student.boardProfile[0];
  return {
    student: { id: student.id, name: pupilFullName(student) },
    total: total._sum.amount ?? 0,
    filtered: { sum: shown._sum.amount ?? 0, count: shown._count._all, isCut: shown._count._all > HISTORY_LIMIT },
    entries: entries.map((e) => ({
      id: e.id,
      amount: e.amount,
      reason: e.reason,
      createdAt: e.createdAt,
      categoryName: e.category.name,
      programmeName: e.programme.name,
      awardedByName: isAutomaticKey(e.autoKey) ? "Automatic" : e.awardedBy.name,
      isCorrection: e.reversesId !== null,
      isReversed: e.reversal !== null,
    })),
    categories,
    givers,
    milestones,
    board: {
      isOptedOut: profile?.isOptedOut ?? false,
      isHidden: Boolean(profile?.hiddenAt),
      hiddenReason: hasRole(actor, "COORDINATOR") ? (profile?.hiddenReason ?? "") : null,
      nickname: profile?.nicknameStatus === "APPROVED" ? profile.nickname : null,
    },
  };
}

/**
 * One programme's week of points (Monday to Sunday): totals by category and by who gave them (automatic
 * points as "Automatic"), given and taken separately. The staff page shows it; the CSV route exports it.
 */
export async function getWeeklyPointsSummary(actor: Actor, programmeId: string, weekStart: IsoDate) {
  await requireRoleForRead(actor, ...STAFF_READERS);
  const programme = await db.programme.findFirst({
    where: { schoolId: actor.schoolId, id: programmeId },
    select: { id: true, name: true },
  });
  if (!programme) return notFoundFor(actor, "Programme", programmeId);
  const createdAt = { gte: startOfDayInstant(weekStart, actor.timezone), lt: startOfDayInstant(addDaysIso(weekStart, 7), actor.timezone) };
  const entries = await db.pointEntry.findMany({
    where: { schoolId: actor.schoolId, programmeId, createdAt },
    select: {
      amount: true,
      autoKey: true,
      category: { select: { name: true } },
      awardedBy: { select: { name: true } },
      categoryId: true,
      awardedById: true,
    },
  });
  type Line = { key: string; label: string; given: number; taken: number; entries: number };
  // Keyed by id, so two members of staff with the same name stay two lines.
  const add = (map: Map<string, Line>, key: string, label: string, amount: number) => {
    const line = map.get(key) ?? { key, label, given: 0, taken: 0, entries: 0 };
    if (amount > 0) line.given += amount;
    else line.taken += -amount;
    line.entries += 1;
    map.set(key, line);
  };
  const byCategory = new Map<string, Line>();
  const byGiver = new Map<string, Line>();
  for (const e of entries) {
    add(byCategory, e.categoryId, e.category.name, e.amount);
    if (isAutomaticKey(e.autoKey)) add(byGiver, "automatic", "Automatic", e.amount);
    else add(byGiver, e.awardedById, e.awardedBy.name, e.amount);
  }
  const sorted = (m: Map<string, Line>) => [...m.values()].sort((a, b) => b.given - a.given || a.label.localeCompare(b.label));
  return {
    programme,
    weekStart,
    weekEnd: addDaysIso(weekStart, 6),
    byCategory: sorted(byCategory),
    byGiver: sorted(byGiver),
    totals: {
      given: entries.reduce((n, e) => n + Math.max(e.amount, 0), 0),
      taken: entries.reduce((n, e) => n + Math.max(-e.amount, 0), 0),
      entries: entries.length,
    },
  };
}
