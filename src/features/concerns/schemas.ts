import { z } from "zod";
import { choiceId, CONTROL_CHARACTERS_MESSAGE, hasNoControlCharacters, isoDate, optionalText, recordId, text } from "@/lib/schema-helpers";
import { CONCERN_ACTIONS, CONCERN_CATEGORIES, CONCERN_STATUSES } from "@/lib/concerns";

const WHAT_MAX = 4000;

/** Ids ticked in a list, none at all allowed: a single value becomes a list of one. */
const optionalIds = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]).filter((v) => v !== ""),
  z
    .array(z.string({ error: "That is not a valid choice." }).regex(/^[A-Za-z0-9_-]{1,40}$/, { error: "That is not a valid choice." }), {
      error: "That is not a valid choice.",
    })
    .max(20, { error: "Choose at most 20." }),
);

const category = z.enum(CONCERN_CATEGORIES, { error: "Choose what it is about." });

/** Raising a concern: a pupil's form and a member of staff's share it; the command checks what each may name. */
export const raiseConcernSchema = z.object({
  what: text({ min: 3, max: WHAT_MAX, tooShort: "Write what happened, in your own words." }),
  when: optionalText(200),
  where: optionalText(200),
  category,
  inDanger: z.enum(["yes", "no"], { error: "Choose yes or no." }),
  // A pupil's words for who it is about; staff pick pupils (and a member of staff) instead.
  names: optionalText(300),
  pupilIds: optionalIds,
  aboutStaffId: z.preprocess((v) => (v === "" ? undefined : v), recordId.optional()),
  // A pupil's "Is it about an adult who works at the school?" (staff name the member of staff instead).
  aboutAdult: z.enum(["yes", "no"], { error: "Choose yes or no." }).optional().default("no"),
});
export type RaiseConcernInput = z.output<typeof raiseConcernSchema>;

/** What a draft keeps: anything typed so far, nothing required (it is checked when it is raised). */
/** A draft's field: whatever was typed so far, within its size. */
const draftText = (max: number) =>
  z
    .string({ error: "Write text here." })
    .refine(hasNoControlCharacters, { error: CONTROL_CHARACTERS_MESSAGE, abort: true })
    .max(max, { error: `Use at most ${max} characters.` })
    .optional()
    .default("");

export const concernDraftSchema = z.object({
  what: draftText(WHAT_MAX),
  when: draftText(200),
  where: draftText(200),
  category: draftText(20),
  inDanger: draftText(3),
  names: draftText(300),
  pupilIds: optionalIds,
  aboutStaffId: draftText(40),
  aboutAdult: draftText(3),
});
export type ConcernDraftValues = z.output<typeof concernDraftSchema>;

export const addToMyConcernSchema = z.object({
  concernId: recordId,
  text: text({ min: 3, max: WHAT_MAX, tooShort: "Write what you want to add." }),
});

export const recordConcernActionSchema = z.object({
  concernId: recordId,
  action: z.enum(CONCERN_ACTIONS, { error: "Choose what was done." }),
  happenedOn: z.preprocess((v) => (v === "" ? undefined : v), isoDate.optional()),
  reason: text({ min: 3, max: 2000, tooShort: "Say what was done and why." }),
});

export const changeConcernStatusSchema = z.object({
  concernId: recordId,
  status: z.enum(CONCERN_STATUSES, { error: "Choose a status." }),
  reason: text({ min: 3, max: 2000, tooShort: "Say why (for closing: the outcome)." }),
});

export const changeConcernCategorySchema = z.object({
  concernId: recordId,
  category,
  reason: text({ min: 3, max: 500, tooShort: "Say why the category changes." }),
});

export const addConcernPupilSchema = z.object({
  concernId: recordId,
  studentId: recordId,
  reason: optionalText(500),
});

export const removeConcernPupilSchema = z.object({
  concernId: recordId,
  studentId: recordId,
  reason: optionalText(500),
});

export const correctConcernEntrySchema = z.object({
  concernId: recordId,
  entryId: recordId,
  text: text({ min: 3, max: 2000, tooShort: "Write the correction." }),
});

export const shareConcernNoteSchema = z.object({
  concernId: recordId,
  // Empty: stop sharing.
  note: optionalText(140),
});

export const keepApartFromConcernSchema = z
  .object({
    concernId: recordId,
    studentAId: recordId,
    studentBId: recordId,
    reason: text({ min: 3, max: 500, tooShort: "Say why, in a few words. Only safeguarding leads read it." }),
  })
  .refine((v) => v.studentAId !== v.studentBId, { error: "Choose two different pupils.", path: ["studentBId"] });

/** Pause a linked pupil's mentoring from a concern: the whole pairing, or one mentee's place ("" = the pairing). */
export const pauseFromConcernSchema = z.object({
  concernId: recordId,
  pairingId: choiceId("Choose the mentoring to pause."),
  studentId: z.preprocess((v) => (v === "" ? undefined : v), recordId.optional()),
  reason: text({ min: 3, max: 500, tooShort: "Say why, in a few words. Only safeguarding leads read it." }),
});

export const resumeFromConcernSchema = z.object({ concernId: recordId, pauseId: recordId });

/** A lead finds a concern is about a member of staff: it goes to the head (or the chair), never to them. */
export const routeConcernToStaffSchema = z.object({
  concernId: recordId,
  aboutStaffId: choiceId("Choose the member of staff it is about."),
  reason: text({ min: 3, max: 500, tooShort: "Say why, in a few words." }),
});
