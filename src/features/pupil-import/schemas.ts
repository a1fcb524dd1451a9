import { z } from "zod";
import { checkbox, recordId } from "@/lib/schema-helpers";

export const commitPupilImportSchema = z.object({
  draftId: recordId,
  /** The fingerprint of the plan the admin was shown (ADR 025): anything else is refused. */
  basis: z
    .string({ error: "Look at the preview again before importing." })
    .regex(/^[0-9a-f]{64}$/, { error: "Look at the preview again before importing." }),
  /** Sent by the confirm dialog that names how many pupils will be marked as left. */
  confirmLeavers: checkbox,
});
