import { z } from "zod";
import { recordId, text } from "@/lib/schema-helpers";

export const dismissTodoSchema = z.object({
  pairingId: recordId,
  programmeId: recordId,
  // The reasons the coordinator saw: if they changed since, the row is shown again instead.
  cause: z
    .string({ error: "This list is out of date. Please reload the page." })
    .min(1, { error: "This list is out of date. Please reload the page." })
    .max(4000, { error: "This list is out of date. Please reload the page." }),
  note: text({ min: 1, max: 300, missing: "Say why, like “Spoke to the mentor; they meet on Thursday this week”." }),
});
