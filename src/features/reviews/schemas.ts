import { z } from "zod";
import { isoDate, optionalText, recordId } from "@/lib/schema-helpers";

export const REVIEW_DECISIONS = ["CONTINUE", "ADJUST", "REPAIR", "END"] as const;
export const reviewDecisionLabels: Record<(typeof REVIEW_DECISIONS)[number], string> = {
  CONTINUE: "Continue as it is",
  ADJUST: "Continue with changes",
  REPAIR: "Re-pair with someone else",
  END: "End the pairing",
};

export const recordReviewSchema = z.object({
  pairingId: recordId,
  heldOn: isoDate,
  progress: z.coerce
    .number({ error: "Choose a rating from 1 to 5." })
    .int()
    .min(1, { error: "Choose a rating from 1 to 5." })
    .max(5, { error: "Choose a rating from 1 to 5." }),
  notes: optionalText(4000),
  decision: z.enum(REVIEW_DECISIONS, { error: "Choose a decision." }),
});
