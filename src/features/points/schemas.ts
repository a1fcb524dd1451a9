import { z } from "zod";
import { choiceId, recordId, recordIdList, text, wholeNumber } from "@/lib/schema-helpers";

export const awardPointsSchema = z.object({
  programmeId: recordId,
  studentIds: recordIdList("Choose at least one pupil."),
  amount: wholeNumber({
    min: -10,
    max: 10,
    message: "Enter a number of points, like 5 or -2.",
    notWhole: "Use a whole number.",
    tooSmall: "At most 10 points can be taken away at once.",
    tooBig: "At most 10 points can be given at once.",
  }).refine((n) => n !== 0, { error: "Enter a number other than 0." }),
  categoryId: choiceId("Choose a category."),
  reason: text({ min: 3, max: 200, tooShort: "Say why, in a few words." }),
});

export const reversePointsSchema = z.object({
  entryId: recordId,
  reason: text({ min: 3, max: 200, tooShort: "Say why this is being corrected." }),
});
