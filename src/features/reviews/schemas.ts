import { z } from "zod";
import { ReviewDecision } from "@/generated/prisma/enums";
import { isoDate, optionalText, recordId, wholeNumber } from "@/lib/schema-helpers";

export const REVIEW_DECISIONS = Object.values(ReviewDecision);
export const reviewDecisionLabels: Record<ReviewDecision, string> = {
  CONTINUE: "Continue as it is",
  ADJUST: "Continue with changes",
  REPAIR: "Re-pair with someone else",
  END: "End the pairing",
};

export const recordReviewSchema = z.object({
  pairingId: recordId,
  heldOn: isoDate,
  progress: wholeNumber({ min: 1, max: 5, message: "Choose a rating from 1 to 5." }),
  notes: optionalText(4000),
  decision: z.enum(ReviewDecision, { error: "Choose a decision." }),
});
