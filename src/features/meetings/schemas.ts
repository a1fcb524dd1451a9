import { z } from "zod";
import { choiceId, isoDate, recordId, text, timeOfDay, wholeNumber } from "@/lib/schema-helpers";

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** A pairing's regular slot and its optional supervising teacher (the coordinator's form). */
export const setPairingSlotSchema = z.object({
  pairingId: recordId,
  weekday: wholeNumber({ min: 1, max: 5, message: "Choose a day from Monday to Friday." }),
  slotId: choiceId("Choose a time of the school day."),
  place: text({ max: 80, min: 1, missing: "Say where they meet, like “Library”." }),
  minutes: wholeNumber({
    min: 5,
    max: 120,
    message: "Enter the minutes, like 20.",
    notWhole: "Use whole minutes.",
    tooSmall: "At least 5 minutes.",
    tooBig: "At most 120 minutes.",
  }),
  cadence: z.enum(["WEEKLY", "FORTNIGHTLY"], { error: "Choose every week or every other week." }),
  week: z.preprocess(emptyToUndefined, z.enum(["A", "B"], { error: "Choose Week A or Week B." }).optional()),
  supervisorId: z.preprocess(emptyToUndefined, choiceId("Choose a member of staff, or nobody.").optional()),
});

/** One planned occurrence, moved to another day (in its own week or fortnight), time or place. */
export const moveOccurrenceSchema = z.object({
  pairingId: recordId,
  originalOn: isoDate,
  movedTo: isoDate,
  startTime: timeOfDay("Enter the time it starts, like 12:30."),
  place: text({ max: 80, min: 1, missing: "Say where they will meet." }),
  reason: text({ max: 200, min: 1, missing: "Say why it is moving, like “Year 8 trip”." }),
});

export const cancelOccurrenceSchema = z.object({
  pairingId: recordId,
  originalOn: isoDate,
  reason: text({ max: 200, min: 1, missing: "Say why it is cancelled, like “Mentor on a trip”." }),
});

export const undoOccurrenceChangeSchema = z.object({ pairingId: recordId, originalOn: isoDate });
