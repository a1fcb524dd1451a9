import { z } from "zod";
import { Attendance, FitCheck, NoteVisibility } from "@/generated/prisma/enums";
import { choiceId, isoDate, optionalText, recordId, wholeNumber } from "@/lib/schema-helpers";

export const ATTENDANCE = Object.values(Attendance);

const pupilEntry = z.object(
  {
    studentId: recordId,
    attendance: z.enum(Attendance, { error: "Choose present, late or absent." }),
    mood: wholeNumber({ min: 1, max: 5, message: "Choose how they seemed from the list." }).optional(),
  },
  { error: "Say who came." },
);

/** Gathers a form's `attendance_<studentId>` and `mood_<studentId>` fields into `pupils`. */
function gatherPupils(raw: unknown) {
  if (!raw || typeof raw !== "object") return raw;
  const values = raw as Record<string, unknown>;
  // Tests and other callers may give the list itself; a form only ever sends the per-pupil fields.
  if (Array.isArray(values.pupils)) return raw;
  const pupils = Object.keys(values)
    .filter((key) => key.startsWith("attendance_"))
    .map((key) => {
      const studentId = key.slice("attendance_".length);
      const mood = values[`mood_${studentId}`];
      return { studentId, attendance: values[key], mood: mood === "" || mood === undefined ? undefined : mood };
    });
  return { ...values, pupils };
}

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** What a session log says: the same fields when it is logged and when its author edits it. */
const sessionFields = {
  heldOn: isoDate,
  durationMinutes: wholeNumber({
    min: 5,
    max: 180,
    message: "Enter the minutes, like 20.",
    notWhole: "Use whole minutes.",
    tooSmall: "At least 5 minutes.",
    tooBig: "At most 180 minutes.",
  }),
  // One of the school's own activities (SchoolActivity); the command checks it is this school's.
  activityId: choiceId("Choose what you did."),
  notes: optionalText(2000),
  // Staff only unless the mentor shares them with the mentee (or the group's mentees).
  noteVisibility: z.preprocess(
    emptyToUndefined,
    z.enum(NoteVisibility, { error: "Choose who can read the notes." }).optional().default("STAFF_ONLY"),
  ),
  // Asked at a new pairing's first session only; the command decides whether it is needed.
  fitCheck: z.preprocess(emptyToUndefined, z.enum(FitCheck, { error: "Choose yes, not sure or no." }).optional()),
  fitCheckNote: optionalText(300),
  pupils: z
    .array(pupilEntry, { error: "Say who came." })
    .min(1, { error: "Say who came.", abort: true })
    .max(30, { error: "A session has at most 30 mentees." }),
};

/**
 * A form sends `attendance_<studentId>` and `mood_<studentId>` per mentee; they are gathered into
 * `pupils` before validation.
 */
export const logSessionSchema = z.preprocess(gatherPupils, z.object({ pairingId: recordId, ...sessionFields }));

/** The author's edit of a log within 7 days; `version` is the one the form showed (a stale form is refused). */
export const editSessionSchema = z.preprocess(
  gatherPupils,
  z.object({
    sessionId: recordId,
    version: wholeNumber({ min: 1, max: 1_000_000, message: "This form is out of date. Please reload the page." }),
    ...sessionFields,
  }),
);
