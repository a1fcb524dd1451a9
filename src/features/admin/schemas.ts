import { z } from "zod";
import { checkbox, optionalText, recordId } from "@/lib/schema-helpers";

export const safeguardingSettingsSchema = z.object({
  dangerInstruction: optionalText(600),
  concernEscalateMinutes: z.coerce
    .number({ error: "Enter a number of minutes, like 30." })
    .refine(Number.isFinite, { error: "Enter a number of minutes, like 30.", abort: true })
    .int({ error: "Use a whole number of minutes.", abort: true })
    .min(5, { error: "Use at least 5 minutes.", abort: true })
    .max(240, { error: "Use at most 240 minutes (4 hours)." }),
});

/** The safeguarding flags of one member of staff: lead (DSL or deputy), headteacher, chair of governors. */
export const safeguardingRolesSchema = z.object({
  userId: recordId,
  dsl: checkbox,
  head: checkbox,
  chair: checkbox,
});
