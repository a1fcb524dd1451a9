import { z } from "zod";
import { isIsoDate } from "@/lib/dates";
import { answerFields, CHECK_IN_KEYS, CHECK_INS } from "@/lib/questionnaires";
import { recordId } from "@/lib/schema-helpers";

/** What a form that the pupil did not change says when it no longer fits (a hidden field). */
export const CHECK_IN_OUT_OF_DATE = "This check-in is out of date. Please go back to your page and start it again.";

/**
 * A check-in as the pupil's form sends it: which pairing, which questionnaire and period (hidden
 * fields the page wrote), and one field per question, named by its key (src/lib/questionnaires.ts).
 */
export const submitCheckInSchema = z.object({
  pairingId: recordId,
  questionnaireKey: z.enum(CHECK_IN_KEYS, { error: CHECK_IN_OUT_OF_DATE }),
  periodStart: z.string({ error: CHECK_IN_OUT_OF_DATE }).trim().refine(isIsoDate, { error: CHECK_IN_OUT_OF_DATE }),
  ...answerFields([CHECK_INS.MENTEE, CHECK_INS.MENTOR]),
});

export type SubmitCheckInInput = z.output<typeof submitCheckInSchema>;
