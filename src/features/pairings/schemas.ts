import { z } from "zod";
import { ClosureReason, PairingKind, PairingStatus } from "@/generated/prisma/enums";
import { isoDate, optionalText, recordId, recordIdList, text } from "@/lib/schema-helpers";

// The enums that stay enums come from the database's own (Prisma's), so the two can never disagree.
export const PAIRING_STATUSES = Object.values(PairingStatus);
export const CLOSURE_REASONS = Object.values(ClosureReason);

export const closureReasonLabels: Record<ClosureReason, string> = {
  GOALS_MET: "Goals met",
  MISMATCH: "Not a good match",
  MENTOR_LEFT: "Mentor left",
  MENTEE_REQUEST: "Mentee asked to end",
  SAFEGUARDING: "Safeguarding",
  PROGRAMME_ENDED: "Programme ended",
  PUPIL_LEFT: "Pupil left the school",
  OTHER: "Other",
};

export const createPairingSchema = z.object({
  programmeId: recordId,
  kind: z.enum(PairingKind, { error: "Choose 1:1 pair or group." }),
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
    status: z.enum(PairingStatus, { error: "Choose a status." }),
    closureReason: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.enum(ClosureReason, { error: "Choose why the pairing is ending." }).optional(),
    ),
  })
  .refine((v) => v.status !== "ENDED" || v.closureReason !== undefined, {
    error: "Choose why the pairing is ending.",
    path: ["closureReason"],
  });

export type CreatePairingInput = z.infer<typeof createPairingSchema>;

/** A mentee's "I don't want to meet my mentor for now": a reason only if they want to give one. */
export const pauseMyPlaceSchema = z.object({
  pairingId: recordId,
  reason: optionalText(500),
});

/** A coordinator pauses a pairing, or one mentee's place in a group ("" = the whole pairing), and says why. */
export const pausePairingSchema = z.object({
  pairingId: recordId,
  studentId: z.preprocess((v) => (v === "" ? undefined : v), recordId.optional()),
  reason: text({ max: 500, min: 1, missing: "Say why you are pausing it." }),
});

export const resumePauseSchema = z.object({ pauseId: recordId });

export type PausePairingInput = z.infer<typeof pausePairingSchema>;
