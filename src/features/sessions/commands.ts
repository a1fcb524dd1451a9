import "server-only";
import { defineCommand } from "@/server/command";
import { NotFoundError, RuleError } from "@/server/errors";
import { hasRole, isStaff, type Actor } from "@/server/actor";
import { loadCalendarFacts, requireDateInRange } from "@/server/calendar";
import { formatPupilDate, formatStaffDate, fromDbDate, toDbDate } from "@/lib/dates";
import { pastRange } from "@/lib/school-calendar";
import { pairingsMentoredBy } from "@/features/pairings/policy";
import { LIVE_STATUSES } from "@/features/pairings/status";
import { logSessionSchema } from "./schemas";

/** Where the actor can read a logged session: the mentor's page, or the pairing's staff page. */
export function sessionLink(actor: Actor, session: { id: string; pairingId: string }) {
  return isStaff(actor)
    ? { href: `/coordinator/pairings/${session.pairingId}#session-${session.id}`, label: "See that session" }
    : { href: `/mentor?session=${session.id}#session-${session.id}`, label: "See that session" };
}

export const logSession = defineCommand(
  { name: "logSession", schema: logSessionSchema, allow: ["MENTOR", "COORDINATOR"] },
  async (input, { tx, actor, audit }) => {
    // A mentor logs only for pairings they mentor; a coordinator for any live pairing in the school.
    const where = hasRole(actor, "COORDINATOR")
      ? { schoolId: actor.schoolId, status: { in: [...LIVE_STATUSES] } }
      : pairingsMentoredBy(actor);
    const pairing = await tx.pairing.findFirst({
      where: { ...where, id: input.pairingId },
      select: { id: true, startsOn: true, members: { where: { role: "MENTEE" }, select: { studentId: true } } },
    });
    if (!pairing) throw new NotFoundError("pairing");
    // Held until this commits, so a pairing ended at the same moment gets no session logged after it:
    // the share lock waits for the end to commit, then finds the pairing no longer live.
    const stillLive = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Pairing" WHERE "id" = ${pairing.id} AND "schoolId" = ${actor.schoolId} AND "status" IN ('TRIAL', 'ACTIVE') FOR SHARE`;
    if (stillLive.length === 0) throw new NotFoundError("pairing");

    const calendar = await loadCalendarFacts(tx, actor);
    const style = isStaff(actor) ? "staff" : "pupil";
    requireDateInRange("heldOn", input.heldOn, pastRange(calendar, fromDbDate(pairing.startsOn)), style, calendar.today);

    const activity = await tx.schoolActivity.findFirst({
      where: { schoolId: actor.schoolId, id: input.activityId, archivedAt: null },
      select: { id: true, name: true },
    });
    if (!activity) throw new RuleError("Choose what you did from the list.", { activityId: ["Choose what you did from the list."] });

    const menteeIds = new Set(pairing.members.map((m) => m.studentId));
    const given = new Set(input.pupils.map((p) => p.studentId));
    if (input.pupils.some((p) => !menteeIds.has(p.studentId)) || given.size !== input.pupils.length) throw new NotFoundError("pupil");
    if ([...menteeIds].some((id) => !given.has(id)))
      throw new RuleError("Say whether each mentee came.", { pupils: ["Say whether each mentee came."] });

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
          loggedById: actor.userId,
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
        attendance: input.pupils.map((p) => `${p.studentId}:${p.attendance}`),
      },
    });
    return { message: "Session saved. Thank you!", recordId: session.id };
  },
);
