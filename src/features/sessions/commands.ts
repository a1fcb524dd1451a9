import "server-only";
import { applyAutomaticPoints } from "@/features/points/automatic";
import type { Prisma } from "@/generated/prisma/client";
import { defineCommand } from "@/server/command";
import { NotFoundError, RuleError } from "@/server/errors";
import { hasRole, isStaff, MENTOR_ROLES, type Actor } from "@/server/actor";
import type { Tx } from "@/server/db";
import { loadCalendarFacts, requireDateInRange } from "@/server/calendar";
import { formatPupilDate, formatStaffDate, fromDbDate, toDbDate } from "@/lib/dates";
import { pastRange } from "@/lib/school-calendar";
import { pairingsMentoredBy } from "@/features/pairings/policy";
import { LIVE_STATUSES } from "@/features/pairings/status";
import { editSessionSchema, logSessionSchema } from "./schemas";
import { EDIT_WINDOW_DAYS, isEditable } from "./policy";

/** Where the actor can read a logged session: the mentor's page, or the pairing's staff page. */
export function sessionLink(actor: Actor, session: { id: string; pairingId: string }) {
  return isStaff(actor)
    ? { href: `/sessions/${session.id}`, label: "See that session" }
    : { href: `/mentor?session=${session.id}#session-${session.id}`, label: "See that session" };
}

/**
 * The live pairings the actor may log for: a mentor their own; a coordinator any in the school; any
 * other member of staff the pairings they supervise (logging on the mentor's behalf).
 */
function pairingsLoggableBy(actor: Actor): Prisma.PairingWhereInput {
  if (!isStaff(actor)) return pairingsMentoredBy(actor);
  if (hasRole(actor, "COORDINATOR")) return { schoolId: actor.schoolId, status: { in: [...LIVE_STATUSES] } };
  return { schoolId: actor.schoolId, status: { in: [...LIVE_STATUSES] }, supervisorId: actor.userId };
}

/** The school's activity chosen in the form: one of its own, and not retired (unless the log already had it). */
async function chosenActivity(tx: Tx, schoolId: string, activityId: string, keeping?: string) {
  const activity = await tx.schoolActivity.findFirst({
    where: { schoolId, id: activityId, ...(activityId === keeping ? {} : { archivedAt: null }) },
    select: { id: true, name: true },
  });
  if (!activity) throw new RuleError("Choose what you did from the list.", { activityId: ["Choose what you did from the list."] });
  return activity;
}

/** Each pupil the log is for (a new log: the mentees meeting now, not a paused place), once each: the form says whether each came. */
function checkPupils(menteeIds: Set<string>, pupils: { studentId: string }[]) {
  const given = new Set(pupils.map((p) => p.studentId));
  if (pupils.some((p) => !menteeIds.has(p.studentId)) || given.size !== pupils.length) throw new NotFoundError("pupil");
  if ([...menteeIds].some((id) => !given.has(id)))
    throw new RuleError("Say whether each mentee came.", { pupils: ["Say whether each mentee came."] });
}

const FIT_CHECK_MESSAGE = "Say whether this felt like a good match.";

export const logSession = defineCommand(
  { name: "logSession", schema: logSessionSchema, allow: [...MENTOR_ROLES, "COORDINATOR", "TEACHER", "DSL", "ADMIN"] },
  async (input, { tx, actor, audit }) => {
    const pairing = await tx.pairing.findFirst({
      where: { ...pairingsLoggableBy(actor), id: input.pairingId },
      select: { id: true, startsOn: true, members: { select: { studentId: true, role: true } } },
    });
    if (!pairing) throw new NotFoundError("pairing");
    // Locked until this commits: a pairing ended at the same moment gets no session logged after it
    // (the lock waits for the end to commit, then finds the pairing no longer live), and two first logs
    // at once run one after the other, so only the first is asked whether it is a good match.
    const stillLive = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Pairing" WHERE "id" = ${pairing.id} AND "schoolId" = ${actor.schoolId} AND "status" IN ('TRIAL', 'ACTIVE') FOR UPDATE`;
    if (stillLive.length === 0) throw new NotFoundError("pairing");

    const calendar = await loadCalendarFacts(tx, actor);
    const style = isStaff(actor) ? "staff" : "pupil";
    requireDateInRange("heldOn", input.heldOn, pastRange(calendar, fromDbDate(pairing.startsOn)), style, calendar.today);
    const activity = await chosenActivity(tx, actor.schoolId, input.activityId);
    // Read under the lock: a mentee whose place is paused is not in the log (ADR 022).
    const meeting = await tx.pairingMember.findMany({
      where: { schoolId: actor.schoolId, pairingId: pairing.id, role: "MENTEE", pausedAt: null },
      select: { studentId: true },
    });
    checkPupils(new Set(meeting.map((m) => m.studentId)), input.pupils);

    // A new pairing's first session asks "Did this feel like a good match?".
    const isFirst = (await tx.mentoringSession.count({ where: { schoolId: actor.schoolId, pairingId: pairing.id } })) === 0;
    if (isFirst && !input.fitCheck) throw new RuleError(FIT_CHECK_MESSAGE, { fitCheck: [FIT_CHECK_MESSAGE] });
    // Named only when the pairing has one mentor: with several, staff log for the group, not for one of them.
    const mentors = pairing.members.filter((m) => m.role === "MENTOR");
    const mentor = mentors.length === 1 ? mentors[0] : undefined;
    const isOnBehalf = isStaff(actor);

    // One session per pairing per day (ADR 010). ON CONFLICT DO NOTHING waits for a concurrent log of
    // the same day to finish, so a double tap or a race finds the first session instead of failing.
    const [session] = await tx.mentoringSession.createManyAndReturn({
      data: [
        {
          schoolId: actor.schoolId,
          pairingId: pairing.id,
          heldOn: toDbDate(input.heldOn),
          durationMinutes: input.durationMinutes,
          activityId: activity.id,
          notes: input.notes,
          noteVisibility: input.noteVisibility,
          fitCheck: isFirst ? input.fitCheck! : null,
          fitCheckNote: isFirst ? input.fitCheckNote : "",
          loggedById: actor.userId,
          onBehalfOfId: isOnBehalf ? (mentor?.studentId ?? null) : null,
        },
      ],
      skipDuplicates: true,
      select: { id: true },
    });
    if (!session) {
      const existing = await tx.mentoringSession.findUniqueOrThrow({
        where: { schoolId_pairingId_heldOn: { schoolId: actor.schoolId, pairingId: pairing.id, heldOn: toDbDate(input.heldOn) } },
        select: { id: true, pairingId: true },
      });
      const day = style === "pupil" ? formatPupilDate(input.heldOn, calendar.today) : formatStaffDate(input.heldOn);
      const message = `A session on ${day} is already logged, so nothing new was saved.`;
      throw new RuleError(message, { heldOn: ["A session is already logged for this day."] }, sessionLink(actor, existing));
    }
    await tx.sessionAttendance.createMany({
      data: input.pupils.map((p) => ({
        schoolId: actor.schoolId,
        sessionId: session.id,
        studentId: p.studentId,
        attendance: p.attendance,
        mood: p.mood ?? null,
      })),
    });
    await audit({
      action: "session.logged",
      recordType: "MentoringSession",
      recordId: session.id,
      changes: {
        pairingId: pairing.id,
        heldOn: input.heldOn,
        durationMinutes: input.durationMinutes,
        activity: activity.name,
        notes: input.notes,
        noteVisibility: input.noteVisibility,
        fitCheck: isFirst ? input.fitCheck : undefined,
        fitCheckNote: isFirst ? input.fitCheckNote : undefined,
        onBehalfOfId: isOnBehalf ? mentor?.studentId : undefined,
        attendance: input.pupils.map((p) => `${p.studentId}:${p.attendance}`),
      },
    });
    await applyAutomaticPoints(tx, actor, session.id, { isNewLog: true });
    return { message: isOnBehalf ? "Session saved on the mentor's behalf." : "Session saved. Thank you!", recordId: session.id };
  },
);

export const editSession = defineCommand(
  { name: "editSession", schema: editSessionSchema, allow: [...MENTOR_ROLES, "COORDINATOR", "TEACHER", "DSL", "ADMIN"] },
  async (input, { tx, actor, audit, contention }) => {
    contention("Someone else is changing this session at the same moment, so nothing was saved. Please try again.");
    // Only its author edits a log. The row is locked first, so two edits run one after the other.
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "MentoringSession" WHERE "id" = ${input.sessionId} AND "schoolId" = ${actor.schoolId}
        AND "loggedById" = ${actor.userId} FOR UPDATE`;
    if (locked.length === 0) throw new NotFoundError("session");
    const session = await tx.mentoringSession.findUniqueOrThrow({
      where: { schoolId_id: { schoolId: actor.schoolId, id: input.sessionId } },
      include: { attendances: true, pairing: { select: { startsOn: true } } },
    });
    if (!isEditable(session.createdAt, new Date())) {
      throw new RuleError(
        `A session can be changed for ${EDIT_WINDOW_DAYS} days after it is logged. This one is locked now; ask your coordinator if something is wrong.`,
      );
    }
    if (session.version !== input.version) {
      throw new RuleError(
        "This session was changed after you opened it. Please reload the page to see the latest version; nothing was saved.",
      );
    }
    const calendar = await loadCalendarFacts(tx, actor);
    const style = isStaff(actor) ? "staff" : "pupil";
    requireDateInRange("heldOn", input.heldOn, pastRange(calendar, fromDbDate(session.pairing.startsOn)), style, calendar.today);
    const activity = await chosenActivity(tx, actor.schoolId, input.activityId, session.activityId);
    checkPupils(new Set(session.attendances.map((a) => a.studentId)), input.pupils);
    if (session.fitCheck && !input.fitCheck) throw new RuleError(FIT_CHECK_MESSAGE, { fitCheck: [FIT_CHECK_MESSAGE] });
    if (input.heldOn !== fromDbDate(session.heldOn)) {
      const clash = await tx.mentoringSession.findFirst({
        where: { schoolId: actor.schoolId, pairingId: session.pairingId, heldOn: toDbDate(input.heldOn) },
        select: { id: true },
      });
      if (clash)
        throw new RuleError("Another session is already logged for that day.", { heldOn: ["A session is already logged for this day."] });
    }

    // The version being replaced is kept for good (append-only): a disclosure can never be edited away.
    await tx.sessionRevision.create({
      data: {
        schoolId: actor.schoolId,
        sessionId: session.id,
        version: session.version,
        heldOn: session.heldOn,
        durationMinutes: session.durationMinutes,
        activityId: session.activityId,
        notes: session.notes,
        noteVisibility: session.noteVisibility,
        fitCheck: session.fitCheck,
        fitCheckNote: session.fitCheckNote,
        attendances: session.attendances.map((a) => ({ studentId: a.studentId, attendance: a.attendance, mood: a.mood })),
        writtenById: session.loggedById,
        writtenAt: session.updatedAt,
      },
    });
    const updated = await tx.mentoringSession.updateMany({
      where: { schoolId: actor.schoolId, id: session.id, version: session.version },
      data: {
        heldOn: toDbDate(input.heldOn),
        durationMinutes: input.durationMinutes,
        activityId: activity.id,
        notes: input.notes,
        noteVisibility: input.noteVisibility,
        fitCheck: session.fitCheck ? input.fitCheck! : null,
        fitCheckNote: session.fitCheck ? input.fitCheckNote : "",
        version: session.version + 1,
        updatedAt: new Date(),
      },
    });
    if (updated.count !== 1) throw new RuleError("This session was changed at the same moment. Please reload the page; nothing was saved.");
    for (const p of input.pupils) {
      await tx.sessionAttendance.updateMany({
        where: { schoolId: actor.schoolId, sessionId: session.id, studentId: p.studentId },
        data: { attendance: p.attendance, mood: p.mood ?? null },
      });
    }
    await audit({
      action: "session.edited",
      recordType: "MentoringSession",
      recordId: session.id,
      changes: {
        version: session.version + 1,
        heldOn: input.heldOn,
        durationMinutes: input.durationMinutes,
        activity: activity.name,
        notes: input.notes,
        noteVisibility: input.noteVisibility,
        fitCheck: session.fitCheck ? input.fitCheck : undefined,
        fitCheckNote: session.fitCheck ? input.fitCheckNote : undefined,
        attendance: input.pupils.map((p) => `${p.studentId}:${p.attendance}`),
      },
    });
    await applyAutomaticPoints(tx, actor, session.id, { isNewLog: false });
    return { message: "Session updated. The earlier version is kept for staff.", recordId: session.id };
  },
);
