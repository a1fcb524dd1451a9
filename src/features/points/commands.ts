import "server-only";
import { defineCommand } from "@/server/command";
import { NotFoundError, RuleError } from "@/server/errors";
import { awardPointsSchema, reversePointsSchema } from "./schemas";

// A correction has a natural key (one per entry: reversesId is unique), so a second one at the same moment is this.
const ALREADY_CORRECTED = "This entry has already been corrected.";

export const awardPoints = defineCommand(
  { name: "awardPoints", schema: awardPointsSchema, allow: ["COORDINATOR", "TEACHER"], isIdempotent: true },
  async (input, { tx, actor, audit }) => {
    const programme = await tx.programme.findFirst({ where: { id: input.programmeId, schoolId: actor.schoolId }, select: { id: true } });
    if (!programme) throw new NotFoundError("programme");
    const studentIds = [...new Set(input.studentIds)];
    // Points go to the programme's participants only.
    const participants = await tx.student.findMany({
      where: {
        schoolId: actor.schoolId,
        id: { in: studentIds },
        OR: [{ mentorProfiles: { some: { programmeId: programme.id } } }, { menteeProfiles: { some: { programmeId: programme.id } } }],
      },
      select: { id: true },
    });
    if (participants.length !== studentIds.length) throw new NotFoundError("pupil");
    const category = await tx.pointCategory.findFirst({
      where: { schoolId: actor.schoolId, id: input.categoryId, archivedAt: null },
      select: { id: true },
    });
    if (!category)
      throw new RuleError("Choose one of the school's categories.", { categoryId: ["Choose one of the school's categories."] });

    await tx.pointEntry.createMany({
      data: studentIds.map((studentId) => ({
        schoolId: actor.schoolId,
        programmeId: programme.id,
        studentId,
        amount: input.amount,
        categoryId: category.id,
        reason: input.reason,
        awardedById: actor.userId,
      })),
    });
    for (const studentId of studentIds) {
      await audit({
        action: "points.awarded",
        recordType: "Student",
        recordId: studentId,
        changes: { programmeId: programme.id, amount: input.amount, categoryId: category.id, reason: input.reason },
      });
    }
    const word = Math.abs(input.amount) === 1 ? "point" : "points";
    const who = studentIds.length === 1 ? "1 pupil" : `${studentIds.length} pupils`;
    return { message: input.amount > 0 ? `${input.amount} ${word} given to ${who}.` : `${-input.amount} ${word} taken from ${who}.` };
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
        reversesId: true,
        reversal: { select: { id: true } },
      },
    });
    if (!entry) throw new NotFoundError("point entry");
    if (entry.reversesId) throw new RuleError("This entry is itself a correction and cannot be reversed.");
    if (entry.reversal) throw new RuleError(ALREADY_CORRECTED);
    const reversal = await tx.pointEntry.create({
      data: {
        schoolId: actor.schoolId,
        programmeId: entry.programmeId,
        studentId: entry.studentId,
        amount: -entry.amount,
        categoryId: entry.categoryId,
        reason: `Correction: ${input.reason}`,
        awardedById: actor.userId,
        reversesId: entry.id,
      },
      select: { id: true },
    });
    await audit({
      action: "points.reversed",
      recordType: "Student",
      recordId: entry.studentId,
      changes: { entryId: entry.id, reversalId: reversal.id, amount: -entry.amount, reason: input.reason },
    });
    return { message: "Points corrected.", recordId: reversal.id };
  },
);
