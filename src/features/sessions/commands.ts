import "server-only";
import { defineCommand } from "@/server/command";
import { NotFoundError, RuleError } from "@/server/errors";
import { hasRole } from "@/server/actor";
import { todayIn, toDbDate } from "@/lib/dates";
import { pairingsMentoredBy } from "@/features/pairings/policy";
import { logSessionSchema } from "./schemas";

export const logSession = defineCommand(
  { name: "logSession", schema: logSessionSchema, allow: ["MENTOR", "COORDINATOR"] },
  async (input, { tx, actor, audit }) => {
    // A mentor logs only for pairings they mentor; a coordinator for any live pairing in the school.
    const where = hasRole(actor, "COORDINATOR")
      ? { schoolId: actor.schoolId, status: { in: ["TRIAL" as const, "ACTIVE" as const] } }
      : pairingsMentoredBy(actor);
    const pairing = await tx.pairing.findFirst({
      where: { ...where, id: input.pairingId },
      select: { id: true, startsOn: true, members: { where: { role: "MENTEE" }, select: { studentId: true } } },
    });
    if (!pairing) throw new NotFoundError("pairing");

    const today = todayIn(actor.timezone);
    if (input.heldOn > today)
      throw new RuleError("A session can only be logged on or after the day it happened.", { heldOn: ["Choose today or an earlier day."] });
    if (toDbDate(input.heldOn) < pairing.startsOn)
      throw new RuleError("That day is before the pairing started.", { heldOn: ["Choose a day after the pairing started."] });

    const menteeIds = new Set(pairing.members.map((m) => m.studentId));
    const given = new Set(input.pupils.map((p) => p.studentId));
    if (input.pupils.some((p) => !menteeIds.has(p.studentId)) || given.size !== input.pupils.length) throw new NotFoundError("pupil");
    if ([...menteeIds].some((id) => !given.has(id)))
      throw new RuleError("Say whether each mentee came.", { pupils: ["Say whether each mentee came."] });

    const session = await tx.mentoringSession.create({
      data: {
        schoolId: actor.schoolId,
        pairingId: pairing.id,
        heldOn: toDbDate(input.heldOn),
        durationMinutes: input.durationMinutes,
        activity: input.activity,
        notes: input.notes,
        loggedById: actor.userId,
        attendances: {
          create: input.pupils.map((p) => ({ studentId: p.studentId, attendance: p.attendance, mood: p.mood ?? null })),
        },
      },
      select: { id: true },
    });
    await audit({
      action: "session.logged",
      recordType: "MentoringSession",
      recordId: session.id,
      changes: {
        pairingId: pairing.id,
        heldOn: input.heldOn,
        durationMinutes: input.durationMinutes,
        activity: input.activity,
        notes: input.notes,
        attendance: input.pupils.map((p) => `${p.studentId}:${p.attendance}`),
      },
    });
    return { message: "Session saved. Thank you!", recordId: session.id };
  },
);
