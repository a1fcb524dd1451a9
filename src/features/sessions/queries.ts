import "server-only";
import { db } from "@/server/db";
import { hasRole, isStaff, type Actor } from "@/server/actor";
import { writeAudit } from "@/server/audit";
import { loadSchoolCalendar } from "@/server/calendar";
import { notFoundFor, requireRoleForRead } from "@/server/security-events";
import { fromDbDate, todayIn, weekOf } from "@/lib/dates";
import { pupilDisplayName, pupilFirstName } from "@/lib/ranking";
import { LIVE_STATUSES } from "@/features/pairings/status";
import { pairingsMentoredBy, pairingsVisibleTo } from "@/features/pairings/policy";
import { nextMeetings } from "@/features/meetings/next";
import { isEditable, weeksInARow } from "./policy";

const sessionSelect = {
  id: true,
  heldOn: true,
  durationMinutes: true,
  notes: true,
  noteVisibility: true,
  loggedById: true,
  createdAt: true,
  version: true,
  activity: { select: { name: true } },
  attendances: { select: { attendance: true, student: { select: { legalFirstName: true, preferredName: true } } } },
} as const;

/**
 * Sessions in the pairings this pupil mentors, newest first; `include` adds one more of theirs (the
 * session an "already logged" answer links to, which may be older than the newest ones). Notes only
 * where the mentor wrote them; `isEditable` when they logged it and it is still open to changes.
 */
export async function listMySessionsAsMentor(actor: Actor, options: { take?: number; include?: unknown; now?: Date } = {}) {
  if (!actor.studentId) return [];
  // Pairings they mentor, of any status (an alumni mentor: only those they may see now).
  const mine = { schoolId: actor.schoolId, pairing: pairingsMentoredBy(actor, { live: false }) };
  const rows = await db.mentoringSession.findMany({
    where: mine,
    orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }],
    take: options.take ?? 20,
    select: sessionSelect,
  });
  const include = typeof options.include === "string" && /^[A-Za-z0-9_-]{1,40}$/.test(options.include) ? options.include : null;
  if (include && !rows.some((r) => r.id === include)) {
    const extra = await db.mentoringSession.findFirst({ where: { ...mine, id: include }, select: sessionSelect });
    if (extra) rows.push(extra);
  }
  const now = options.now ?? new Date();
  return rows.map((s) => ({
    id: s.id,
    heldOn: fromDbDate(s.heldOn),
    durationMinutes: s.durationMinutes,
    activity: s.activity.name,
    // Only the notes they wrote: a log by staff (or a co-mentor) may hold notes for staff alone.
    notes: s.loggedById === actor.userId ? s.notes : "",
    noteVisibility: s.noteVisibility,
    isEditable: s.loggedById === actor.userId && isEditable(s.createdAt, now),
    attendances: s.attendances.map((a) => ({ firstName: pupilFirstName(a.student), attendance: a.attendance })),
  }));
}

/**
 * The sessions a mentee came to (on time or late), newest first: the day, what they did, and the notes
 * only when the mentor shared them. Nothing about any other mentee of a group.
 */
export async function listMySessionsAsMentee(actor: Actor, options: { take?: number } = {}) {
  if (!actor.studentId) return [];
  const rows = await db.sessionAttendance.findMany({
    where: {
      schoolId: actor.schoolId,
      studentId: actor.studentId,
      attendance: { in: ["PRESENT", "LATE"] },
      session: { pairing: { members: { some: { studentId: actor.studentId, role: "MENTEE" } } } },
    },
    orderBy: [{ session: { heldOn: "desc" } }],
    take: options.take ?? 20,
    select: {
      session: {
        select: {
          id: true,
          heldOn: true,
          durationMinutes: true,
          notes: true,
          noteVisibility: true,
          activity: { select: { name: true } },
        },
      },
    },
  });
  return rows.map(({ session: s }) => ({
    id: s.id,
    heldOn: fromDbDate(s.heldOn),
    durationMinutes: s.durationMinutes,
    activity: s.activity.name,
    sharedNotes: s.noteVisibility === "SHARED" ? s.notes : "",
  }));
}

/** A mentor's own record: sessions held, minutes, how often their mentees came, and weeks in a row met. */
export async function getMentorRecord(actor: Actor, now: Date = new Date()) {
  if (!actor.studentId) return null;
  // Pairings they mentor, of any status (an alumni mentor: only those they may see now).
  const mine = { schoolId: actor.schoolId, pairing: pairingsMentoredBy(actor, { live: false }) };
  const [sessions, attendance, calendar] = await Promise.all([
    db.mentoringSession.findMany({ where: mine, select: { heldOn: true, durationMinutes: true } }),
    db.sessionAttendance.groupBy({ by: ["attendance"], where: { schoolId: actor.schoolId, session: mine }, _count: { _all: true } }),
    loadSchoolCalendar(actor.schoolId),
  ]);
  const count = (a: string) => attendance.find((x) => x.attendance === a)?._count._all ?? 0;
  const expected = count("PRESENT") + count("LATE") + count("ABSENT");
  return {
    sessions: sessions.length,
    minutes: sessions.reduce((sum, s) => sum + s.durationMinutes, 0),
    attendancePercent: expected === 0 ? null : Math.round(((count("PRESENT") + count("LATE")) / expected) * 100),
    weeksInARow: weeksInARow(
      sessions.map((s) => fromDbDate(s.heldOn)),
      todayIn(calendar.timezone, now),
      calendar,
    ),
  };
}

/**
 * One session log for the people who may read it whole: the coordinator and the DSL (with every
 * earlier version of an edited log; each such view is audited), the supervising teacher (the log
 * as it is now), and its author (to edit it while it is open). Anyone else gets a 404.
 */
export async function getSessionForReader(actor: Actor, sessionId: string, now: Date = new Date()) {
  const session = await db.mentoringSession.findFirst({
    // An alumni mentor reads only logs of pairings they may see now (ADR 025), not their pupil-era ones.
    where: { schoolId: actor.schoolId, id: sessionId, ...(isStaff(actor) ? {} : { pairing: pairingsVisibleTo(actor) }) },
    select: {
      ...sessionSelect,
      pairingId: true,
      fitCheck: true,
      fitCheckNote: true,
      activityId: true,
      onBehalfOf: { select: { legalFirstName: true, legalLastName: true, preferredName: true } },
      loggedBy: { select: { name: true } },
      pairing: {
        select: {
          supervisorId: true,
          startsOn: true,
          members: {
            select: { role: true, student: { select: { id: true, legalFirstName: true, legalLastName: true, preferredName: true } } },
          },
        },
      },
      attendances: {
        select: {
          studentId: true,
          attendance: true,
          mood: true,
          student: { select: { legalFirstName: true, legalLastName: true, preferredName: true } },
        },
      },
      revisions: {
        orderBy: { version: "desc" },
        select: {
          version: true,
          heldOn: true,
          durationMinutes: true,
          notes: true,
          noteVisibility: true,
          fitCheck: true,
          fitCheckNote: true,
          attendances: true,
          writtenAt: true,
          writtenBy: { select: { name: true } },
          activity: { select: { name: true } },
        },
      },
    },
  });
  if (!session) return notFoundFor(actor, "MentoringSession", sessionId);
  const isAuthor = session.loggedById === actor.userId;
  const readsHistory = hasRole(actor, "COORDINATOR", "DSL");
  const supervises = isStaff(actor) && session.pairing.supervisorId === actor.userId;
  if (!isAuthor && !readsHistory && !supervises) return notFoundFor(actor, "MentoringSession", sessionId);
  if (readsHistory && session.revisions.length > 0) {
    await writeAudit(db, actor, {
      action: "session.history_viewed",
      recordType: "MentoringSession",
      recordId: session.id,
      changes: { versions: session.revisions.length },
    });
  }
  const activities = isAuthor
    ? await db.schoolActivity.findMany({
        where: { schoolId: actor.schoolId, OR: [{ archivedAt: null }, { id: session.activityId }] },
        orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
        select: { id: true, name: true },
      })
    : [];
  const nameOf = (s: { legalFirstName: string; legalLastName: string; preferredName: string | null }) =>
    isStaff(actor) ? pupilDisplayName(s) : pupilFirstName(s);
  return {
    id: session.id,
    pairingId: session.pairingId,
    version: session.version,
    heldOn: fromDbDate(session.heldOn),
    pairingStartsOn: fromDbDate(session.pairing.startsOn),
    durationMinutes: session.durationMinutes,
    activityId: session.activityId,
    activity: session.activity.name,
    notes: session.notes,
    noteVisibility: session.noteVisibility,
    fitCheck: session.fitCheck,
    fitCheckNote: session.fitCheckNote,
    loggedBy: session.loggedBy.name,
    onBehalfOf: session.onBehalfOf ? nameOf(session.onBehalfOf) : null,
    mentors: session.pairing.members.filter((m) => m.role === "MENTOR").map((m) => nameOf(m.student)),
    attendances: session.attendances.map((a) => ({
      studentId: a.studentId,
      name: nameOf(a.student),
      attendance: a.attendance,
      mood: a.mood,
    })),
    isEditable: isAuthor && isEditable(session.createdAt, now),
    isAuthor,
    activities,
    revisions: readsHistory
      ? session.revisions.map((r) => ({
          version: r.version,
          heldOn: fromDbDate(r.heldOn),
          durationMinutes: r.durationMinutes,
          activity: r.activity.name,
          notes: r.notes,
          noteVisibility: r.noteVisibility,
          fitCheck: r.fitCheck,
          fitCheckNote: r.fitCheckNote,
          writtenBy: r.writtenBy.name,
          writtenAt: r.writtenAt,
        }))
      : [],
  };
}

/** The pairings a member of staff supervises, each with this week's meeting and whether it was held. */
export async function listSupervisedThisWeek(actor: Actor, now: Date = new Date()) {
  await requireRoleForRead(actor, "ADMIN", "COORDINATOR", "TEACHER", "DSL");
  const today = todayIn(actor.timezone, now);
  const week = weekOf(today);
  const rows = await db.pairing.findMany({
    where: { schoolId: actor.schoolId, supervisorId: actor.userId, status: { in: [...LIVE_STATUSES] } },
    orderBy: { startsOn: "asc" },
    select: {
      id: true,
      status: true,
      name: true,
      members: { select: { role: true, student: { select: { legalFirstName: true, legalLastName: true, preferredName: true } } } },
      sessions: {
        where: { heldOn: { gte: new Date(`${week.start}T00:00:00Z`), lte: new Date(`${week.end}T00:00:00Z`) } },
        select: { id: true, heldOn: true },
      },
    },
  });
  const { meetings } = await nextMeetings(actor.schoolId, rows, { now });
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    mentors: p.members.filter((m) => m.role === "MENTOR").map((m) => pupilDisplayName(m.student)),
    mentees: p.members.filter((m) => m.role === "MENTEE").map((m) => pupilDisplayName(m.student)),
    heldThisWeek: p.sessions.map((s) => ({ id: s.id, heldOn: fromDbDate(s.heldOn) })),
    nextMeeting: meetings.get(p.id) ?? null,
  }));
}
