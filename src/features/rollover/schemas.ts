import { z } from "zod";

/** The school's last year group before pupils leave: Year 11, or Year 13 for a school with a sixth form. */
const finalYearGroup = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : v),
  z.enum(["11", "13"], { error: "Choose Year 11 or Year 13." }).transform((v) => Number(v) as 11 | 13),
);

/** Programmes the admin chose to close (every other open programme carries on); none is fine. */
const programmesToClose = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(
      z.string({ error: "Choose programmes from the list." }).regex(/^[A-Za-z0-9_-]{1,40}$/, { error: "Choose programmes from the list." }),
      {
        error: "Choose programmes from the list.",
      },
    )
    .max(200, { error: "Choose programmes from the list." }),
);

export const runRolloverSchema = z.object({
  finalYearGroup,
  close: programmesToClose,
  // The preview's fingerprint: a plan that changed since the admin looked is refused.
  basis: z
    .string({ error: "Look at the preview again, then run the rollover." })
    .regex(/^[0-9a-f]{64}$/, { error: "Look at the preview again, then run the rollover." }),
});
