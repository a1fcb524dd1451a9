import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { PauseSource } from "@/generated/prisma/enums";
import { db } from "@/server/db";
import { hasRole, isStaff, type Actor } from "@/server/actor";
import { textContaining } from "@/server/read";
import { notFoundFor, requireRoleForRead } from "@/server/security-events";
import { formatStaffDate, fromDbDate, todayIn } from "@/lib/dates";
import { pupilDisplayName, pupilFirstName } from "@/lib/ranking";
import { yearGroupOn } from "@/lib/year-group";
import { nextMeetings, plannedDayToLog } from "@/features/meetings/next";
import { isResumableByCoordinator } from "./pause-words";
import { pairingsVisibleTo } from "./policy";
import { HELD_STATUSES, isPairingStatus, LIVE_STATUSES } from "./status";
import { searchTerm } from "@/lib/schema-helpers";

const studentName = { legalFirstName: true, legalLastName: true, preferredName: true } as const;

export async function listPairingsForCoordinator(actor: Actor, programmeId: string, options: { q?: unknown; status?: unknown } = {}) {
  await requireRoleForRead(actor, "COORDINATOR");
  const term = searchTerm(options.q);
  const where: Prisma.PairingWhereInput = {
    ...pairingsVisibleTo(actor),
    programmeId,
    ...(isPairingStatus(options.status) ? { status: options.status } : {}),
    ...(term
      ? {
          OR: [
            { name: textContaining(term) },
            {
              members: {
                some: {
                  student: {
                    OR: [
                      { legalFirstName: textContaining(term) },
                      { legalLastName: textContaining(term) },
                      { preferredName: textContaining(term) },
                    ],
                  },
                },
              },
            },
          ],
        }
      : {}),
  };
  const rows = await db.pairing.findMany({
    where,
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    take: 200,
    select: {
      id: true,
      kind: true,
      name: true,
      status: true,
      startsOn: true,
      trialEndsOn: true,
      closureReason: true,
      members: { select: { role: true, student: { select: { id: true, ...studentName } } } },
      sessions: { select: { heldOn: true }, orderBy: { heldOn: "desc" }, take: 1 },
      _count: { select: { sessions: true } },
    },
  });
  return rows.map((p) => ({
    id: p.id,
    kind: p.kind,
    name: p.name,
    status: p.status,
    startsOn: fromDbDate(p.startsOn),
    trialEndsOn: p.trialEndsOn ? fromDbDate(p.trialEndsOn) : null,
    closureReason: p.closureReason,
    mentors: p.members.filter((m) => m.role === "MENTOR").map((m) => pupilDisplayName(m.student)),
    mentees: p.members.filter((m) => m.role === "MENTEE").map((m) => pupilDisplayName(m.student)),
    lastSession: p.sessions[0] ? fromDbDate(p.sessions[0].heldOn) : null,
    sessionCount: p._count.sessions,
  }));
}

export async function getPairingForStaff(actor: Actor, pairingId: string) {
  await requireRoleForRead(actor, "COORDINATOR");
  const pairing = await db.pairing.findFirst({
    where: { ...pairingsVisibleTo(actor), id: pairingId },
    select: {
      id: true,
      kind: true,
      name: true,
      status: true,
      startsOn: true,
      trialEndsOn: true,
      endsOn: true,
      closureReason: true,
      programmeId: true,
      programme: { select: { name: true } },
      members: {
        select: { role: true, pausedAt: true, student: { select: { id: true, cohortYear: true, tutorGroup: true, ...studentName } } },
      },
      pauses: {
        orderBy: { pausedAt: "desc" },
        take: 20,
        select: {
          id: true,
          source: true,
          reason: true,
          pausedAt: true,
          endedAt: true,
          pausedBy: { select: { name: true } },
          endedBy: { select: { name: true } },
          student: { select: studentName },
        },
      },
      sessions: {
        orderBy: { heldOn: "desc" },
        take: 50,
        select: {
          id: true,
          heldOn: true,
          durationMinutes: true,
          activity: { select: { name: true } },
          notes: true,
          noteVisibility: true,
          fitCheck: true,
          fitCheckNote: true,
          version: true,
          onBehalfOfId: true,
          attendances: { select: { attendance: true, mood: true, student: { select: studentName } } },
        },
      },
      reviews: {
        orderBy: { heldOn: "desc" },
        select: { id: true, heldOn: true, progress: true, notes: true, decision: true, reviewer: { select: { name: true } } },
      },
    },
  });
  if (!pairing) return notFoundFor(actor, "Pairing", pairingId);
  const today = todayIn(actor.timezone);
  return {
    ...pairing,
    startsOn: fromDbDate(pairing.startsOn),
    trialEndsOn: pairing.trialEndsOn ? fromDbDate(pairing.trialEndsOn) : null,
    endsOn: pairing.endsOn ? fromDbDate(pairing.endsOn) : null,
    members: pairing.members.map((m) => ({
      role: m.role,
      studentId: m.student.id,
      name: pupilDisplayName(m.student),
      yearGroup: yearGroupOn(m.student.cohortYear, today),
      tutorGroup: m.student.tutorGroup,
      isPaused: m.pausedAt !== null,
    })),
    pauses: pairing.pauses.map((p) => pauseForStaff(p, actor.timezone)),
    sessions: pairing.sessions.map((s) => ({
      ...s,
      heldOn: fromDbDate(s.heldOn),
      attendances: s.attendances.map((a) => ({ attendance: a.attendance, mood: a.mood, name: pupilDisplayName(a.student) })),
    })),
    reviews: pairing.reviews.map((r) => ({ ...r, heldOn: fromDbDate(r.heldOn), reviewerName: r.reviewer.name })),
  };
}

/**
 * A pupil's own live pairings and groups: the other pupils' first names only, and the next
 * expected meeting. Nothing about any other pupil beyond that.
 */
export async function listMyPairings(actor: Actor) {
  if (!actor.studentId) return [];
  const rows = await db.pairing.findMany({
    where: { ...pairingsVisibleTo(actor), status: { in: [...HELD_STATUSES] } },
    orderBy: { startsOn: "asc" },
    select: {
      id: true,
      kind: true,
      name: true,
      status: true,
      startsOn: true,
      slotMinutes: true,
      programme: { select: { name: true, sessionMinutes: true } },
      members: { select: { role: true, pausedAt: true, student: { select: { id: true, legalFirstName: true, preferredName: true } } } },
      sessions: { select: { heldOn: true }, orderBy: { heldOn: "desc" }, take: 1 },
    },
  });
  const { meetings } = await nextMeetings(actor.schoolId, rows);
  return rows.map((p) => {
    const me = p.members.find((m) => m.student.id === actor.studentId);
    const others = p.members.filter((m) => m.student.id !== actor.studentId);
    const lastHeld = p.sessions[0] ? fromDbDate(p.sessions[0].heldOn) : null;
    const myRole = me?.role ?? "MENTEE";
    // Paused for now, whoever paused it and why (pupils never see either): the pairing, or my place in it.
    const isPaused = p.status === "PAUSED" || (myRole === "MENTEE" && me?.pausedAt != null);
    return {
      id: p.id,
      kind: p.kind,
      name: p.name,
      status: p.status,
      myRole,
      isPaused,
      /** A mentee may say "I don't want to meet my mentor for now" while they are meeting. */
      canPause: myRole === "MENTEE" && !isPaused && (LIVE_STATUSES as readonly string[]).includes(p.status),
      programmeName: p.programme.name,
      sessionMinutes: p.slotMinutes ?? p.programme.sessionMinutes,
      mentors: others.filter((m) => m.role === "MENTOR").map((m) => ({ studentId: m.student.id, firstName: pupilFirstName(m.student) })),
      // Only a mentor is told which of their mentees' places is paused; other mentees are not.
      mentees: others
        .filter((m) => m.role === "MENTEE")
        .map((m) => ({
          studentId: m.student.id,
          firstName: pupilFirstName(m.student),
          isPaused: myRole === "MENTOR" && m.pausedAt !== null,
        })),
      lastHeld,
      nextMeeting: isPaused ? null : (meetings.get(p.id) ?? null),
    };
  });
}

/**
 * A pairing the actor may log a session for: a mentor's own (first names only), any live pairing for a
 * coordinator, or one a member of staff supervises (logging on the mentor's behalf). With the form's
 * starting point: the planned day of this week's meeting, whether this is the first session, and the
 * school's activities.
 */
export async function getPairingToLog(actor: Actor, pairingId: string) {
  let pairing:
    | {
        id: string;
        kind: "ONE_TO_ONE" | "GROUP";
        sessionMinutes: number;
        mentees: { studentId: string; firstName: string }[];
        mentors: { firstName: string }[];
      }
    | undefined;
  if (isStaff(actor)) {
    const row = await db.pairing.findFirst({
      where: {
        schoolId: actor.schoolId,
        id: pairingId,
        status: { in: [...LIVE_STATUSES] },
        ...(hasRole(actor, "COORDINATOR") ? {} : { supervisorId: actor.userId }),
      },
      select: {
        id: true,
        kind: true,
        slotMinutes: true,
        programme: { select: { sessionMinutes: true } },
        members: { select: { role: true, pausedAt: true, student: { select: { id: true, ...studentName } } } },
      },
    });
    if (row) {
      pairing = {
        id: row.id,
        kind: row.kind,
        sessionMinutes: row.slotMinutes ?? row.programme.sessionMinutes,
        mentees: row.members
          .filter((m) => m.role === "MENTEE" && m.pausedAt === null)
          .map((m) => ({ studentId: m.student.id, firstName: pupilDisplayName(m.student) })),
        mentors: row.members.filter((m) => m.role === "MENTOR").map((m) => ({ firstName: pupilDisplayName(m.student) })),
      };
    }
  } else {
    const mine = (await listMyPairings(actor)).find((p) => p.id === pairingId && p.myRole === "MENTOR" && p.status !== "PAUSED");
    // A mentee whose place is paused is left out of the log (ADR 022).
    pairing = mine ? { ...mine, mentees: mine.mentees.filter((m) => !m.isPaused) } : undefined;
  }
  if (!pairing) return notFoundFor(actor, "Pairing", pairingId);
  const [activities, sessions, plannedDay] = await Promise.all([
    db.schoolActivity.findMany({
      where: { schoolId: actor.schoolId, archivedAt: null },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: { id: true, name: true },
    }),
    db.mentoringSession.count({ where: { schoolId: actor.schoolId, pairingId: pairing.id } }),
    plannedDayToLog(actor.schoolId, pairing.id),
  ]);
  return { ...pairing, activities, isFirst: sessions === 0, plannedDay };
}

type PauseRow = {
  id: string;
  source: PauseSource;
  reason: string;
  pausedAt: Date;
  endedAt: Date | null;
  pausedBy: { name: string };
  endedBy: { name: string } | null;
  student: { legalFirstName: string; legalLastName: string; preferredName: string | null } | null;
};

/** A pause as the coordinator's pairing page shows it: who, when, where from and why, and whether they may resume it. */
function pauseForStaff(p: PauseRow, timezone: string) {
  const on = (at: Date) => formatStaffDate(todayIn(timezone, at));
  return {
    id: p.id,
    scope: p.student ? ("PLACE" as const) : ("PAIRING" as const),
    menteeName: p.student ? pupilDisplayName(p.student) : null,
    source: p.source,
    // A concern's words stay in the concern, with the safeguarding lead: here only where it came from.
    reason: p.source === "CONCERN" ? null : p.reason,
    pausedBy: p.pausedBy.name,
    pausedOn: on(p.pausedAt),
    isLive: p.endedAt === null,
    endedBy: p.endedBy?.name ?? null,
    endedOn: p.endedAt ? on(p.endedAt) : null,
    canResume: p.endedAt === null && isResumableByCoordinator(p.source),
  };
}
