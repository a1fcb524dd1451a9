import "server-only";
import { db } from "@/server/db";
import type { Actor } from "@/server/actor";
import { notFoundFor, requireRoleForRead } from "@/server/security-events";
import { addDaysIso, fromDbDate, startOfDayInstant, todayIn, toDbDate, weekOf } from "@/lib/dates";
import { occurrencesBetween } from "@/lib/occurrences";
import { loadSchedules } from "@/server/schedules";
import { programmesVisibleTo } from "./policy";
import { waitingMenteeWhere } from "@/features/pairings/waiting";
import { HELD_STATUSES, LIVE_STATUSES } from "@/features/pairings/status";
import { loadDaySlots } from "@/server/day-slots";

export async function listProgrammesForActor(actor: Actor) {
  return db.programme.findMany({
    where: programmesVisibleTo(actor),
    orderBy: [{ status: "asc" }, { name: "asc" }],
    select: { id: true, name: true, status: true, cadence: true, sessionMinutes: true, format: true, focusAreas: true },
  });
}

/** The programme a staff page shows: the one asked for, else the first running one. */
export async function chooseProgrammeForStaff(actor: Actor, programmeId?: string) {
  await requireRoleForRead(actor, "COORDINATOR", "TEACHER", "DSL", "ADMIN");
  const programmes = await listProgrammesForActor(actor);
  if (programmeId) {
    const chosen = programmes.find((p) => p.id === programmeId);
    if (!chosen) return notFoundFor(actor, "Programme", programmeId);
    return { programme: chosen, programmes };
  }
  return { programme: programmes.find((p) => p.status === "ACTIVE") ?? programmes[0] ?? null, programmes };
}

export type DashboardFigures = {
  livePairings: number;
  sessionsHeldThisWeek: number;
  sessionsPlannedThisWeek: number;
  menteesWithoutPairing: number;
  mentorsWithoutPairing: number;
  pairingsQuiet14Days: number;
  pointsThisWeek: number;
  pointEntriesThisWeek: number;
};

export async function getCoordinatorFigures(actor: Actor, programmeId: string): Promise<DashboardFigures> {
  await requireRoleForRead(actor, "COORDINATOR");
  const programme = await db.programme.findFirst({
    where: { id: programmeId, schoolId: actor.schoolId },
    select: { id: true, cadence: true },
  });
  if (!programme) return notFoundFor(actor, "Programme", programmeId);
  const today = todayIn(actor.timezone);
  const week = weekOf(today);
  const schoolId = actor.schoolId;
  const [pairings, sessionsThisWeek, menteesWithout, mentorsWithout, points] = await Promise.all([
    db.pairing.findMany({
      where: { schoolId, programmeId, status: { in: [...LIVE_STATUSES] } },
      select: { id: true, status: true, startsOn: true, sessions: { select: { heldOn: true }, orderBy: { heldOn: "desc" }, take: 1 } },
    }),
    db.mentoringSession.count({
      where: { schoolId, pairing: { programmeId }, heldOn: { gte: toDbDate(week.start), lte: toDbDate(week.end) } },
    }),
    db.menteeProfile.count({ where: waitingMenteeWhere(schoolId, programmeId) }),
    db.mentorProfile.count({
      where: {
        schoolId,
        programmeId,
        student: {
          status: { not: "LEFT" },
          memberships: { none: { role: "MENTOR", pairing: { programmeId, status: { in: [...HELD_STATUSES] } } } },
        },
      },
    }),
    db.pointEntry.aggregate({
      where: { schoolId, programmeId, createdAt: { gte: startOfDayInstant(week.start, actor.timezone) } },
      _sum: { amount: true },
      _count: true,
    }),
  ]);
  // Planned this week: each live pairing's meetings this week from its slot and the calendar (ADR 013).
  const { calendar, schedules } = await loadSchedules(
    schoolId,
    pairings.map((p) => p.id),
  );
  const plannedThisWeek = pairings.reduce((n, p) => {
    const s = schedules.get(p.id);
    return s?.slot
      ? n + occurrencesBetween(s.slot, calendar, week.start, week.end, { skips: s.skips, exceptions: s.exceptions }).length
      : n;
  }, 0);
  const quietSince = addDaysIso(today, -14);
  const pairingsQuiet14Days = pairings.filter((p) => {
    const last = p.sessions[0]?.heldOn;
    return last ? fromDbDate(last) < quietSince : fromDbDate(p.startsOn) < quietSince;
  }).length;
  return {
    livePairings: pairings.length,
    sessionsHeldThisWeek: sessionsThisWeek,
    sessionsPlannedThisWeek: plannedThisWeek,
    menteesWithoutPairing: menteesWithout,
    mentorsWithoutPairing: mentorsWithout,
    pairingsQuiet14Days,
    pointsThisWeek: points._sum.amount ?? 0,
    pointEntriesThisWeek: points._count,
  };
}

/** The school's programmes for the coordinator's list: status, dates and how many pairings are live. */
export async function listProgrammesForCoordinator(actor: Actor) {
  await requireRoleForRead(actor, "COORDINATOR");
  const rows = await db.programme.findMany({
    where: { schoolId: actor.schoolId },
    orderBy: [{ status: "asc" }, { startsOn: "desc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      status: true,
      format: true,
      cadence: true,
      startsOn: true,
      endsOn: true,
      _count: { select: { pairings: { where: { status: { in: [...LIVE_STATUSES] } } } } },
    },
  });
  return rows.map(({ _count, ...p }) => ({
    ...p,
    startsOn: fromDbDate(p.startsOn),
    endsOn: p.endsOn ? fromDbDate(p.endsOn) : null,
    livePairings: _count.pairings,
  }));
}

/** One programme's settings and skipped weeks (in date order), with the school's day slots to choose from. */
export async function getProgrammeForCoordinator(actor: Actor, programmeId: string) {
  await requireRoleForRead(actor, "COORDINATOR");
  const programme = await db.programme.findFirst({
    where: { schoolId: actor.schoolId, id: programmeId },
    omit: { schoolId: true, matchWeights: true, createdAt: true },
    include: {
      skips: {
        orderBy: [{ startsOn: "asc" }, { yearGroup: "asc" }],
        select: { id: true, startsOn: true, endsOn: true, yearGroup: true, reason: true },
      },
    },
  });
  if (!programme) return notFoundFor(actor, "Programme", programmeId);
  const [slots, livePairings, school] = await Promise.all([
    loadDaySlots(actor.schoolId, db, { includeArchived: true }),
    db.pairing.count({ where: { schoolId: actor.schoolId, programmeId, status: { in: [...LIVE_STATUSES] } } }),
    db.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: { weekAStarts: true } }),
  ]);
  return {
    ...programme,
    startsOn: fromDbDate(programme.startsOn),
    endsOn: programme.endsOn ? fromDbDate(programme.endsOn) : null,
    skips: programme.skips.map((s) => ({ ...s, startsOn: fromDbDate(s.startsOn), endsOn: fromDbDate(s.endsOn) })),
    // Retired slots are offered only where this programme already has one.
    slots: slots
      .filter((s) => !s.isArchived || s.id === programme.defaultSlotId)
      .map((s) => ({ id: s.id, name: s.name, startTime: s.startTime, endTime: s.endTime, isArchived: s.isArchived })),
    livePairings,
    hasWeekAB: school.weekAStarts.length > 0,
  };
}
