import { z } from "zod";
import { DEFAULT_WEIGHTS, type MatchWeights } from "@/lib/matching/types";
import { recordId, wholeNumber } from "@/lib/schema-helpers";

const weight = (fallback: number) =>
  z.preprocess(
    (v) => (v === "" || v === undefined ? fallback : v),
    wholeNumber({ min: 0, max: 50, message: "Use a whole number from 0 to 50." }),
  );

/** The weights a coordinator can see and change; each field is a whole number from 0 to 50. */
export const weightsSchema = z.object({
  focusFit: weight(DEFAULT_WEIGHTS.focusFit),
  rankedFirst: weight(DEFAULT_WEIGHTS.menteeRanking[0]),
  rankedSecond: weight(DEFAULT_WEIGHTS.menteeRanking[1]),
  rankedThird: weight(DEFAULT_WEIGHTS.menteeRanking[2]),
  sharedInterests: weight(DEFAULT_WEIGHTS.sharedInterests),
  yearGapCloseness: weight(DEFAULT_WEIGHTS.yearGapCloseness),
  livedExperience: weight(DEFAULT_WEIGHTS.livedExperience),
});
export type WeightsForm = z.infer<typeof weightsSchema>;

export const weightLabels: Record<keyof WeightsForm, string> = {
  focusFit: "Mentor strong on the mentee's focus",
  rankedFirst: "Mentee ranked the mentor first",
  rankedSecond: "… second",
  rankedThird: "… third",
  sharedInterests: "Each shared interest",
  yearGapCloseness: "Year gap close to ideal",
  livedExperience: "Lived experience in common (opted in)",
};

export function toMatchWeights(form: WeightsForm): MatchWeights {
  return {
    ...DEFAULT_WEIGHTS,
    focusFit: form.focusFit,
    menteeRanking: [form.rankedFirst, form.rankedSecond, form.rankedThird],
    sharedInterests: form.sharedInterests,
    yearGapCloseness: form.yearGapCloseness,
    livedExperience: form.livedExperience,
  };
}

export function toWeightsForm(weights: MatchWeights): WeightsForm {
  return {
    focusFit: weights.focusFit,
    rankedFirst: weights.menteeRanking[0],
    rankedSecond: weights.menteeRanking[1],
    rankedThird: weights.menteeRanking[2],
    sharedInterests: weights.sharedInterests,
    yearGapCloseness: weights.yearGapCloseness,
    livedExperience: weights.livedExperience,
  };
}

/** "menteeId:mentorId" pairs, one per accepted suggestion. */
export const acceptSuggestionsSchema = z.object({
  programmeId: recordId,
  pairs: z.preprocess(
    (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(
        z.string({ error: "That suggestion is not valid." }).regex(/^[\w-]{1,40}:[\w-]{1,40}$/, { error: "That suggestion is not valid." }),
        {
          error: "There are no suggestions to accept.",
        },
      )
      .min(1, { error: "There are no suggestions to accept.", abort: true })
      .max(200, { error: "Accept at most 200 suggestions at once." }),
  ),
});

export const saveWeightsSchema = weightsSchema.extend({ programmeId: recordId });
