import "server-only";
import { defineCommand } from "@/server/command";
import { NotFoundError, RuleError } from "@/server/errors";
import { todayIn, toDbDate } from "@/lib/dates";
import { recordReviewSchema } from "./schemas";

export const recordReview = defineCommand(
  { name: "recordReview", schema: recordReviewSchema, allow: ["COORDINATOR"] },
  async (input, { tx, actor, audit }) => {
    const pairing = await tx.pairing.findFirst({
      where: { id: input.pairingId, schoolId: actor.schoolId },
      select: { id: true, startsOn: true },
    });
    if (!pairing) throw new NotFoundError("pairing");
    if (input.heldOn > todayIn(actor.timezone))
      throw new RuleError("A review is recorded after it has happened.", { heldOn: ["Choose today or an earlier day."] });
    const review = await tx.review.create({
      data: {
        schoolId: actor.schoolId,
        pairingId: pairing.id,
        reviewerId: actor.userId,
        heldOn: toDbDate(input.heldOn),
        progress: input.progress,
        notes: input.notes,
        decision: input.decision,
      },
      select: { id: true },
    });
    await audit({
      action: "review.recorded",
      recordType: "Review",
      recordId: review.id,
      changes: { pairingId: pairing.id, heldOn: input.heldOn, progress: input.progress, notes: input.notes, decision: input.decision },
    });
    return { message: "Review saved.", recordId: review.id };
  },
);
