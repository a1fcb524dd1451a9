import "server-only";
import { participantsOf } from "@/features/students/policy";
import { defineCommand } from "@/server/command";
import { NotFoundError, RuleError } from "@/server/errors";
import { hasRole, type Actor } from "@/server/actor";
import type { Tx } from "@/server/db";
import { lockGiver, lockPupilLedgers } from "@/server/locks";
import { awardProblem, type GiverFacts } from "@/lib/point-rules";
import { programmesVisibleTo } from "@/features/programmes/policy";
import { pairingsMentoredBy } from "@/features/pairings/policy";
import { awardPointsSchema, awardSessionPointsSchema, reversePointsSchema } from "./schemas";
import { appendPointEntries } from "./ledger";
import { givenThisWeekBy, loadPointSettings } from "./settings";

// A correction has a natural key (one per entry: reversesId is unique), so a second one at the same moment is this.
const ALREADY_CORRECTED = "This entry has already been corrected.";

const pointsWord = (n: number) => (Math.abs(n) === 1 ? "point" : "points");
const pupilsWord = (n: number) => (n === 1 ? "1 pupil" : `${n} pupils`);

function refuse(field: string, message: string): never {
  throw new RuleError(message, { [field]: [message] });
}

/** What a mentor may still give this week (ADR 024): their positive awards since Monday, in the school's week. */
async function mentorGiver(tx: Tx, actor: Actor, programmeId: string, studentIds: string[]): Promise<GiverFacts> {
  await lockGiver(tx, actor.schoolId, actor.userId);
  const settings = await loadPointSettings(tx, actor.schoolId);
  const [given, mentees] = await Promise.all([
    givenThisWeekBy(tx, actor),
    tx.pairingMember.findMany({
      where: {
        schoolId: actor.schoolId,
        role: "MENTEE",
        studentId: { in: studentIds },
        pairing: { ...pairingsMentoredBy(actor), programmeId },
      },
      select: { studentId: true },
    }),
  ]);
  const own = new Set(mentees.map((m) => m.studentId));
  return {
    kind: "mentor",
    mayAward: settings.mentorsMayAward,
    weeklyLimit: settings.mentorWeeklyLimit,
    givenThisWeek: given,
    isOwnMentee: studentIds.every((id) => own.has(id)),
  };
}

export const awardPoints = defineCommand(
  { name: "awardPoints", schema: awardPointsSchema, allow: ["COORDINATOR", "TEACHER", "MENTOR"], isIdempotent: true },
  async (input, { tx, actor, audit }) => {
    const programme = await tx.programme.findFirst({
      where: { ...programmesVisibleTo(actor), id: input.programmeId },
      select: { id: true },
    });
    if (!programme) throw new NotFoundError("programme");
    const studentIds = [...new Set(input.studentIds)];
    // Points go to the programme's participants only.
    const participants = await tx.student.findMany({
      where: {
        schoolId: actor.schoolId,
        id: { in: studentIds },
        ...participantsOf(programme.id),
      },
      select: { id: true },
    });
    if (participants.length !== studentIds.length) throw new NotFoundError("pupil");
    const category = await tx.pointCategory.findFirst({
      where: { schoolId: actor.schoolId, id: input.categoryId },
      select: { id: true, name: true, defaultAmount: true, archivedAt: true },
    });
    if (!category) refuse("categoryId", "Choose one of the school's categories.");
    const amount = input.amount ?? category.defaultAmount;
    const isStaffGiver = hasRole(actor, "COORDINATOR", "TEACHER");
    const giver: GiverFacts = isStaffGiver ? { kind: "staff" } : await mentorGiver(tx, actor, programme.id, studentIds);
    const problem = awardProblem({
      amount,
      category: { defaultAmount: category.defaultAmount, isRetired: category.archivedAt !== null },
      reason: input.reason,
      giver,
      isSelf: actor.studentId !== null && studentIds.includes(actor.studentId),
      recipients: studentIds.length,
    });
    if (problem) refuse(problem.field, problem.message);

    const reason = input.reason || category.name;
    await appendPointEntries(
      tx,
      actor.schoolId,
      studentIds.map((studentId) => ({
        programmeId: programme.id,
        studentId,
        amount,
        categoryId: category.id,
        reason,
        awardedById: actor.userId,
      })),
    );
    for (const studentId of studentIds) {
      await audit({
        action: "points.awarded",
        recordType: "Student",
        recordId: studentId,
        changes: { programmeId: programme.id, amount, categoryId: category.id, reason },
      });
    }
    return {
      message:
        amount > 0
          ? `${amount} ${pointsWord(amount)} given to ${pupilsWord(studentIds.length)}.`
          : `${-amount} ${pointsWord(amount)} taken from ${pupilsWord(studentIds.length)}.`,
    };
  },
);

/**
 * "Give everyone who came +1 Attendance" from a session log: the category's usual amount to each pupil
 * marked present or late, in one transaction, once per session and category (a natural key per pupil,
 * so a second press or a race adds nothing and says so).
 */
export const awardSessionPoints = defineCommand(
  { name: "awardSessionPoints", schema: awardSessionPointsSchema, allow: ["COORDINATOR", "TEACHER"] },
  async (input, { tx, actor, audit }) => {
    const session = await tx.mentoringSession.findFirst({
      where: { schoolId: actor.schoolId, id: input.sessionId },
      select: {
        id: true,
        heldOn: true,
        pairing: { select: { programmeId: true, supervisorId: true } },
        attendances: { where: { attendance: { in: ["PRESENT", "LATE"] } }, select: { studentId: true } },
      },
    });
    // As its page: the coordinator, or the teacher who supervises the pairing.
    if (!session || (!hasRole(actor, "COORDINATOR") && session.pairing.supervisorId !== actor.userId)) throw new NotFoundError("session");
    const category = await tx.pointCategory.findFirst({
      where: { schoolId: actor.schoolId, id: input.categoryId, archivedAt: null },
      select: { id: true, name: true, defaultAmount: true },
    });
    if (!category) refuse("categoryId", "Choose one of the school's categories.");
    if (category.defaultAmount <= 0) refuse("categoryId", "Choose a category that gives points.");
    const came = session.attendances.map((a) => a.studentId);
    if (came.length === 0) throw new RuleError("Nobody was marked as coming to this session, so there is nobody to give points to.");
    // Read under the pupils' ledger locks (appendPointEntries takes them again, harmlessly): a pupil who
    // already has standing points in this category for this session, an automatic attendance point
    // included, is not given them twice.
    await lockPupilLedgers(tx, actor.schoolId, came);
    const standing = await tx.pointEntry.findMany({
      where: {
        schoolId: actor.schoolId,
        sessionId: session.id,
        categoryId: category.id,
        amount: { gt: 0 },
        reversesId: null,
        reversal: { is: null },
      },
      select: { studentId: true },
    });
    const already = new Set(standing.map((e) => e.studentId));
    const cameIds = came.filter((id) => !already.has(id));
    const added = await appendPointEntries(
      tx,
      actor.schoolId,
      cameIds.map((studentId) => ({
        programmeId: session.pairing.programmeId,
        studentId,
        amount: category.defaultAmount,
        categoryId: category.id,
        reason: `${category.name}: came to the session`,
        awardedById: actor.userId,
        sessionId: session.id,
        autoKey: `SESSION:${session.id}:${category.id}:${studentId}`,
      })),
      { onceOnly: true },
    );
    if (added.length === 0) throw new RuleError(`Everyone who came already has ${category.name} points for this session.`);
    for (const entry of added) {
      await audit({
        action: "points.awarded",
        recordType: "Student",
        recordId: entry.studentId,
        changes: { sessionId: session.id, amount: entry.amount, categoryId: category.id },
      });
    }
    const n = category.defaultAmount;
    return { message: `${n} ${category.name} ${pointsWord(n)} given to ${pupilsWord(added.length)} who came.` };
  },
);

export const reversePoints = defineCommand(
  { name: "reversePoints", schema: reversePointsSchema, allow: ["COORDINATOR"], alreadyExists: ALREADY_CORRECTED },
  async (input, { tx, actor, audit }) => {
    const entry = await tx.pointEntry.findFirst({
      where: { id: input.entryId, schoolId: actor.schoolId },
      select: {
        id: true,
        programmeId: true,
        studentId: true,
        amount: true,
        categoryId: true,
        sessionId: true,
        reversesId: true,
        reversal: { select: { id: true } },
      },
    });
    if (!entry) throw new NotFoundError("point entry");
    if (entry.reversesId) throw new RuleError("This entry is itself a correction and cannot be reversed.");
    if (entry.reversal) throw new RuleError(ALREADY_CORRECTED);
    const [reversal] = await appendPointEntries(tx, actor.schoolId, [
      {
        programmeId: entry.programmeId,
        studentId: entry.studentId,
        amount: -entry.amount,
        categoryId: entry.categoryId,
        sessionId: entry.sessionId,
        reason: `Correction: ${input.reason}`,
        awardedById: actor.userId,
        reversesId: entry.id,
      },
    ]);
    await audit({
      action: "points.reversed",
      recordType: "Student",
      recordId: entry.studentId,
      changes: { entryId: entry.id, reversalId: reversal!.id, amount: -entry.amount, reason: input.reason },
    });
    return { message: "Points corrected.", recordId: reversal!.id };
  },
);

// The coordinator's and pupils' own commands live beside these; every command of the feature is exported here.
export * from "./setting-commands";
export * from "./pupil-commands";
