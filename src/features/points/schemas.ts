import { z } from "zod";
import { recordId, recordIdList } from "@/lib/schema-helpers";

export const POINT_CATEGORIES = ["ATTENDANCE", "EFFORT", "KINDNESS", "PUNCTUALITY", "BEHAVIOUR", "LEADERSHIP", "OTHER"] as const;
export const pointCategoryLabels: Record<(typeof POINT_CATEGORIES)[number], string> = {
  ATTENDANCE: "Attendance",
  EFFORT: "Effort",
  KINDNESS: "Kindness",
  PUNCTUALITY: "Punctuality",
  BEHAVIOUR: "Behaviour",
  LEADERSHIP: "Leadership",
  OTHER: "Other",
};

export const awardPointsSchema = z.object({
  programmeId: recordId,
  studentIds: recordIdList("Choose at least one pupil."),
  amount: z.coerce
    .number({ error: "Enter a number of points, like 5 or -2." })
    .int({ error: "Use a whole number." })
    .min(-10, { error: "At most 10 points can be taken away at once." })
    .max(10, { error: "At most 10 points can be given at once." })
    .refine((n) => n !== 0, { error: "Enter a number other than 0." }),
  category: z.enum(POINT_CATEGORIES, { error: "Choose a category." }),
  reason: z.string().trim().min(3, { error: "Say why, in a few words." }).max(200, { error: "Use at most 200 characters." }),
});

export const reversePointsSchema = z.object({
  entryId: recordId,
  reason: z.string().trim().min(3, { error: "Say why this is being corrected." }).max(200, { error: "Use at most 200 characters." }),
});
