import "server-only";
import { db } from "@/server/db";
import type { Actor } from "@/server/actor";
import { notFoundFor, requireRoleForRead } from "@/server/security-events";
import { fromDbDate, startOfDayInstant, todayIn, toDbDate, weekOf } from "@/lib/dates";
import { coordinatorFigures, type DashboardFigures } from "@/lib/coordinator-figures";
import { loadSchedules } from "@/server/schedules";
import { programmesVisibleTo } from "./policy";
import { waitingMenteeWhere } from "@/features/pairings/waiting";
import { HELD_STATUSES, LIVE_STATUSES } from "@/features/pairings/status";
import { loadDaySlots } from "@/server/day-slots";
import { CURRENT_PUPIL } from "@/features/students/policy";

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

export type { DashboardFigures };

/** The dashboard's figures for a programme (the rules are `coordinatorFigures`, src/lib/coordinator-figures.ts). */
export async function getCoordinatorFigures(actor: Actor, programmeId: string, now: Date = new Date()): Promise<DashboardFigures> {
  await requireRoleForRead(actor, "COORDINATOR");
  const programme = await db.programme.findFirst({
    where: { id: programmeId, schoolId: actor.schoolId },
    select: { id: true },
  });
  if (!programme) return notFoundFor(actor, "Programme", programmeId);
  const today = todayIn(actor.timezone, now);
  const week = weekOf(today);
  const schoolId = actor.schoolId;
  const live = { programmeId, status: { in: [...LIVE_STATUSES] } };
  const [pairings, lastHeld, { calendar, schedules }, sessionsThisWeek, menteesWithout, mentorsWithout, points] = await Promise.all([
    db.pairing.findMany({ where: { schoolId, ...live }, select: { id: true, startsOn: true } }),
    // Each pairing's latest session as one aggregate: a nested `take: 1` reads every session of every pairing.
    db.mentoringSession.groupBy({ by: ["pairingId"], where: { schoolId, pairing: live }, _max: { heldOn: true } }),
    // Planned this week: each live pairing's meetings this week from its slot and the calendar (ADR 013).
    loadSchedules(schoolId, live, db, now),
    db.mentoringSession.count({
      where: { schoolId, pairing: { programmeId }, heldOn: { gte: toDbDate(week.start), lte: toDbDate(week.end) } },
    }),
    db.menteeProfile.count({ where: waitingMenteeWhere(schoolId, programmeId) }),
    db.mentorProfile.count({
      where: {
        schoolId,
        programmeId,
        student: {
          ...CURRENT_PUPIL,
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
  const lastHeldOn = new Map(lastHeld.map((g) => [g.pairingId, g._max.heldOn]));
  return coordinatorFigures({
    today,
    calendar,
    livePairings: pairings.map((p) => {
      const last = lastHeldOn.get(p.id);
      return { startsOn: fromDbDate(p.startsOn), lastHeldOn: last ? fromDbDate(last) : null, schedule: schedules.get(p.id) };
    }),
    sessionsHeldThisWeek: sessionsThisWeek,
    menteesWithoutPairing: menteesWithout,
    mentorsWithoutPairing: mentorsWithout,
    pointsThisWeek: { sum: points._sum.amount, count: points._count },
  });
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
