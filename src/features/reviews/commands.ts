import "server-only";
import { defineCommand } from "@/server/command";
import { NotFoundError } from "@/server/errors";
import { loadCalendarFacts, requireDateInRange } from "@/server/calendar";
import { fromDbDate, toDbDate } from "@/lib/dates";
import { pastRange } from "@/lib/school-calendar";
import { recordReviewSchema } from "./schemas";

export const recordReview = defineCommand(
  { name: "recordReview", schema: recordReviewSchema, allow: ["COORDINATOR"], isIdempotent: true },
  async (input, { tx, actor, audit }) => {
    const pairing = await tx.pairing.findFirst({
      where: { id: input.pairingId, schoolId: actor.schoolId },
      select: { id: true, startsOn: true },
    });
    if (!pairing) throw new NotFoundError("pairing");
    const calendar = await loadCalendarFacts(tx, actor);
    requireDateInRange("heldOn", input.heldOn, pastRange(calendar, fromDbDate(pairing.startsOn)), "staff", calendar.today);
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
