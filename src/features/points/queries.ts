import "server-only";
import { db } from "@/server/db";
import type { Actor } from "@/server/actor";
import { notFoundFor, requireRoleForRead } from "@/server/security-events";
import { pupilDisplayName, pupilFullName } from "@/lib/ranking";
import { givenThisWeekBy, loadPointSettings } from "./settings";
import { isAutomaticKey } from "@/lib/point-rules";
import { pairingsMentoredBy } from "@/features/pairings/policy";

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
      autoKey: true,
      reversal: { select: { id: true } },
      student: { select: { legalFirstName: true, legalLastName: true, preferredName: true } },
      awardedBy: { select: { name: true } },
    },
  });
  return rows.map((r) => ({
    ...r,
    categoryName: r.category.name,
    studentName: pupilDisplayName(r.student),
    awardedByName: isAutomaticKey(r.autoKey) ? "Automatic" : r.awardedBy.name,
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

/** A pupil's own place on boards: opted out or not, their nickname and where it stands, and how names show at their school. */
export async function getMyBoardSettings(actor: Actor) {
  if (!actor.studentId) return notFoundFor(actor, "Student", null);
  const [profile, settings] = await Promise.all([
    db.pupilBoardProfile.findUnique({
      where: { schoolId_studentId: { schoolId: actor.schoolId, studentId: actor.studentId } },
      select: { isOptedOut: true, hiddenAt: true, nickname: true, nicknameStatus: true },
    }),
    loadPointSettings(db, actor.schoolId),
  ]);
  return {
    isOptedOut: profile?.isOptedOut ?? false,
    // Hidden by staff: the pupil is told their name is not shown just now, never why.
    isHidden: Boolean(profile?.hiddenAt),
    nickname: profile?.nickname ?? null,
    nicknameStatus: profile?.nicknameStatus ?? null,
    nameStyle: settings.board.nameStyle,
    measure: settings.board.measure,
  };
}

/** The pupil's latest climb above zero not yet answered: congratulated on their own page, with the one-tap question. */
export async function getMyOpenMilestone(actor: Actor) {
  if (!actor.studentId) return null;
  return db.pointMilestone.findFirst({
    where: { schoolId: actor.schoolId, studentId: actor.studentId, answeredAt: null },
    orderBy: { reachedAt: "desc" },
    select: { id: true, reachedAt: true },
  });
}

/** The coordinator's points settings page: the settings as saved (version 0 = never saved), every category with how often it was given. */
export async function getPointSettingsForCoordinator(actor: Actor) {
  await requireRoleForRead(actor, "COORDINATOR");
  const [settings, categories, counts] = await Promise.all([
    loadPointSettings(db, actor.schoolId),
    listPointCategories(actor, { includeRetired: true }),
    db.pointEntry.groupBy({ by: ["categoryId"], where: { schoolId: actor.schoolId, reversesId: null }, _count: { _all: true } }),
  ]);
  const given = new Map(counts.map((c) => [c.categoryId, c._count._all]));
  return { settings, categories: categories.map((c) => ({ ...c, timesGiven: given.get(c.id) ?? 0 })) };
}

/** Nicknames pupils proposed and staff have not decided yet, oldest first. */
export async function listNicknameRequests(actor: Actor) {
  await requireRoleForRead(actor, "COORDINATOR");
  const rows = await db.pupilBoardProfile.findMany({
    where: { schoolId: actor.schoolId, nicknameStatus: "PROPOSED" },
    orderBy: { updatedAt: "asc" },
    select: { studentId: true, nickname: true, student: { select: { legalFirstName: true, legalLastName: true, preferredName: true } } },
  });
  return rows.map((r) => ({ studentId: r.studentId, nickname: r.nickname ?? "", pupilName: pupilFullName(r.student) }));
}

/** Pupils staff hid from pupil boards, with the staff-only reason. */
export async function listHiddenPupils(actor: Actor) {
  await requireRoleForRead(actor, "COORDINATOR");
  const rows = await db.pupilBoardProfile.findMany({
    where: { schoolId: actor.schoolId, hiddenAt: { not: null } },
    orderBy: { hiddenAt: "desc" },
    select: {
      studentId: true,
      hiddenAt: true,
      hiddenReason: true,
      hiddenBy: { select: { name: true } },
      student: { select: { legalFirstName: true, legalLastName: true, preferredName: true } },
    },
  });
  return rows.map((r) => ({
    studentId: r.studentId,
    pupilName: pupilFullName(r.student),
    hiddenAt: r.hiddenAt!,
    reason: r.hiddenReason,
    hiddenBy: r.hiddenBy?.name ?? "",
  }));
}

/**
 * What a mentor may give by hand (ADR 024): nothing unless the school allows it; then their own mentees,
 * per programme, the categories that give points, and how many points are left this week.
 */
export async function getMentorAwarding(actor: Actor) {
  const settings = await loadPointSettings(db, actor.schoolId);
  if (!actor.studentId || !actor.roles.includes("MENTOR") || !settings.mentorsMayAward) return null;
  const [given, members, categories] = await Promise.all([
    givenThisWeekBy(db, actor),
    db.pairingMember.findMany({
      where: { schoolId: actor.schoolId, role: "MENTEE", pairing: pairingsMentoredBy(actor) },
      select: {
        studentId: true,
        student: { select: { legalFirstName: true, legalLastName: true, preferredName: true } },
        pairing: { select: { programmeId: true, programme: { select: { name: true } } } },
      },
    }),
    listPointCategories(actor),
  ]);
  const programmes = new Map<string, { programmeId: string; name: string; mentees: { studentId: string; name: string }[] }>();
  for (const m of members) {
    const p = programmes.get(m.pairing.programmeId) ?? { programmeId: m.pairing.programmeId, name: m.pairing.programme.name, mentees: [] };
    if (!p.mentees.some((x) => x.studentId === m.studentId)) p.mentees.push({ studentId: m.studentId, name: pupilDisplayName(m.student) });
    programmes.set(m.pairing.programmeId, p);
  }
  return {
    weeklyLimit: settings.mentorWeeklyLimit,
    left: Math.max(settings.mentorWeeklyLimit - given, 0),
    categories: categories.filter((c) => c.defaultAmount > 0),
    programmes: [...programmes.values()],
  };
}
