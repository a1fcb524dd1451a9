import { z } from "zod";
import { isoDate, optionalText, recordId, recordIdList } from "@/lib/schema-helpers";

export const PAIRING_STATUSES = ["TRIAL", "ACTIVE", "PAUSED", "ENDED"] as const;
export const CLOSURE_REASONS = [
  "GOALS_MET",
  "MISMATCH",
  "MENTOR_LEFT",
  "MENTEE_REQUEST",
  "SAFEGUARDING",
  "PROGRAMME_ENDED",
  "OTHER",
] as const;

export const closureReasonLabels: Record<(typeof CLOSURE_REASONS)[number], string> = {
  GOALS_MET: "Goals met",
  MISMATCH: "Not a good match",
  MENTOR_LEFT: "Mentor left",
  MENTEE_REQUEST: "Mentee asked to end",
  SAFEGUARDING: "Safeguarding",
  PROGRAMME_ENDED: "Programme ended",
  OTHER: "Other",
};

export const createPairingSchema = z.object({
  programmeId: recordId,
  kind: z.enum(["ONE_TO_ONE", "GROUP"], { error: "Choose 1:1 pair or group." }),
  mentorIds: recordIdList("Choose a mentor."),
  menteeIds: recordIdList("Choose a mentee."),
  name: optionalText(80),
  startsOn: isoDate,
  /** Only when pairing a mentor whose training is not finished; recorded and audited. */
  trainingOverrideReason: optionalText(300),
});

export const changePairingStatusSchema = z
  .object({
    pairingId: recordId,
    status: z.enum(PAIRING_STATUSES, { error: "Choose a status." }),
    closureReason: z
      .enum(CLOSURE_REASONS)
      .optional()
      .or(z.literal("").transform(() => undefined)),
  })
  .refine((v) => v.status !== "ENDED" || v.closureReason !== undefined, {
    error: "Choose why the pairing is ending.",
    path: ["closureReason"],
  });

export type CreatePairingInput = z.infer<typeof createPairingSchema>;
