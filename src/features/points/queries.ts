import "server-only";
import { db } from "@/server/db";
import { isStaff, type Actor } from "@/server/actor";
import { notFoundFor, requireRoleForRead } from "@/server/security-events";
import { pupilDisplayName, rankForPupils, rankForStaff } from "@/lib/ranking";
import { programmesVisibleTo } from "@/features/programmes/policy";

/**
 * Every participant of a programme on one board. Staff see real totals; a pupil sees the board every
 * pupil-facing page shows (ADR 006, `rankForPupils`): points earned, so nobody's losses show.
 */
export async function getLeaderboard(actor: Actor, programmeId: string) {
  const programme = await db.programme.findFirst({
    where: { ...programmesVisibleTo(actor), id: programmeId },
    select: { id: true, name: true },
  });
  if (!programme) return notFoundFor(actor, "Programme", programmeId);
  const where = { schoolId: actor.schoolId, programmeId };
  const [students, totals, earned] = await Promise.all([
    db.student.findMany({
      where: {
        schoolId: actor.schoolId,
        status: { not: "LEFT" },
        OR: [{ mentorProfiles: { some: { programmeId } } }, { menteeProfiles: { some: { programmeId } } }],
      },
      select: { id: true, legalFirstName: true, legalLastName: true, preferredName: true },
    }),
    db.pointEntry.groupBy({ by: ["studentId"], where, _sum: { amount: true } }),
    // Earned: positive awards that no correction has reversed (a correction is a new, reversing entry).
    db.pointEntry.groupBy({
      by: ["studentId"],
      where: { ...where, amount: { gt: 0 }, reversesId: null, reversal: { is: null } },
      _sum: { amount: true },
    }),
  ]);
  const totalById = new Map(totals.map((t) => [t.studentId, t._sum.amount ?? 0]));
  const earnedById = new Map(earned.map((t) => [t.studentId, t._sum.amount ?? 0]));
  const entries = students.map((s) => ({
    studentId: s.id,
    displayName: pupilDisplayName(s),
    names: { ...s, approvedNickname: null },
    total: totalById.get(s.id) ?? 0,
    earned: earnedById.get(s.id) ?? 0,
    isOptedOut: false,
    isHidden: false,
  }));
  const rows = isStaff(actor) ? rankForStaff(entries) : rankForPupils(entries, { measure: "EARNED", nameStyle: "FIRST_NAME_INITIAL" });
  return { programme, rows };
}

/** The signed-in pupil's own points: total and history, per programme. */
export async function getMyPoints(actor: Actor) {
  if (!actor.studentId) return { total: 0, entries: [] };
  const entries = await db.pointEntry.findMany({
    where: { schoolId: actor.schoolId, studentId: actor.studentId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      amount: true,
      reason: true,
      createdAt: true,
      category: { select: { name: true } },
      programme: { select: { name: true } },
    },
  });
  const total = await db.pointEntry.aggregate({ where: { schoolId: actor.schoolId, studentId: actor.studentId }, _sum: { amount: true } });
  return { total: total._sum.amount ?? 0, entries };
}

export async function listRecentPoints(actor: Actor, programmeId: string, take = 20) {
  await requireRoleForRead(actor, "COORDINATOR", "TEACHER", "DSL");
  const rows = await db.pointEntry.findMany({
    where: { schoolId: actor.schoolId, programmeId },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      amount: true,
      category: { select: { name: true } },
      reason: true,
      createdAt: true,
      reversesId: true,
      reversal: { select: { id: true } },
      student: { select: { legalFirstName: true, legalLastName: true, preferredName: true } },
      awardedBy: { select: { name: true } },
    },
  });
  return rows.map((r) => ({
    ...r,
    categoryName: r.category.name,
    studentName: pupilDisplayName(r.student),
    awardedByName: r.awardedBy.name,
    isReversed: r.reversal !== null,
  }));
}

/** The school's point categories, with what earns each: everyone may read them, pupils included (clear criteria). */
export async function listPointCategories(actor: Actor, options: { includeRetired?: boolean } = {}) {
  return db.pointCategory.findMany({
    where: { schoolId: actor.schoolId, ...(options.includeRetired ? {} : { archivedAt: null }) },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true, description: true, defaultAmount: true, archivedAt: true, version: true },
  });
}
