import "server-only";
import { defineCommand } from "@/server/command";
import { NotFoundError, RuleError } from "@/server/errors";
import type { Actor } from "@/server/actor";
import { answerMilestoneSchema, proposeNicknameSchema, setBoardOptOutSchema } from "./schemas";

// What a pupil decides about their own place on boards (ADR 024): always their own profile, never anyone else's.
const PUPILS = ["MENTOR", "MENTEE"] as const;

function ownStudentId(actor: Actor): string {
  if (!actor.studentId) throw new NotFoundError("pupil");
  return actor.studentId;
}

export const setBoardOptOut = defineCommand({ name: "setBoardOptOut", schema: setBoardOptOutSchema, allow: PUPILS }, async (input, ctx) => {
  const studentId = ownStudentId(ctx.actor);
  const isOptedOut = input.optOut === "yes";
  await ctx.tx.pupilBoardProfile.upsert({
    where: { schoolId_studentId: { schoolId: ctx.actor.schoolId, studentId } },
    create: { schoolId: ctx.actor.schoolId, studentId, isOptedOut },
    update: { isOptedOut, version: { increment: 1 }, updatedAt: new Date() },
  });
  await ctx.audit({ action: "board.optOut", recordType: "Student", recordId: studentId, changes: { isOptedOut } });
  return {
    message: isOptedOut
      ? "Done. Your name is not on the boards other pupils see. You can still see your own points."
      : "Done. Your name is on the boards again.",
  };
});

export const proposeNickname = defineCommand(
  { name: "proposeNickname", schema: proposeNicknameSchema, allow: PUPILS },
  async (input, ctx) => {
    const studentId = ownStudentId(ctx.actor);
    await ctx.tx.pupilBoardProfile.upsert({
      where: { schoolId_studentId: { schoolId: ctx.actor.schoolId, studentId } },
      create: { schoolId: ctx.actor.schoolId, studentId, nickname: input.nickname, nicknameStatus: "PROPOSED" },
      update: {
        nickname: input.nickname,
        nicknameStatus: "PROPOSED",
        nicknameDecidedById: null,
        version: { increment: 1 },
        updatedAt: new Date(),
      },
    });
    await ctx.audit({ action: "nickname.proposed", recordType: "Student", recordId: studentId, changes: { nickname: input.nickname } });
    return { message: "Thank you. A member of staff will look at your name soon." };
  },
);

/** The one-tap answer when a pupil's total climbs above zero: may other pupils see it? Answered once. */
export const answerMilestone = defineCommand(
  { name: "answerMilestone", schema: answerMilestoneSchema, allow: PUPILS },
  async (input, ctx) => {
    const studentId = ownStudentId(ctx.actor);
    const milestone = await ctx.tx.pointMilestone.findFirst({
      where: { schoolId: ctx.actor.schoolId, id: input.milestoneId, studentId },
      select: { id: true, reachedAt: true },
    });
    if (!milestone) throw new NotFoundError("milestone");
    const isShared = input.share === "yes";
    const updated = await ctx.tx.pointMilestone.updateMany({
      where: { schoolId: ctx.actor.schoolId, id: milestone.id, answeredAt: null },
      data: { isShared, answeredAt: new Date() },
    });
    if (updated.count !== 1) throw new RuleError("You have already answered this.");
    // Older climbs never answered are answered with it, so the pupil is not asked about an old one later.
    await ctx.tx.pointMilestone.updateMany({
      where: { schoolId: ctx.actor.schoolId, studentId, answeredAt: null, reachedAt: { lte: milestone.reachedAt } },
      data: { isShared, answeredAt: new Date() },
    });
    await ctx.audit({
      action: "milestone.answered",
      recordType: "Student",
      recordId: studentId,
      changes: { milestoneId: milestone.id, isShared },
    });
    return { message: isShared ? "Great! Other pupils will see your news on the board." : "That's fine. It stays just for you." };
  },
);
