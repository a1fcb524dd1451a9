import { z } from "zod";
import { Attendance } from "@/generated/prisma/enums";
import { isoDate, optionalText, recordId, wholeNumber } from "@/lib/schema-helpers";

export const ACTIVITIES = [
  "GETTING_TO_KNOW_ME",
  "HOMEWORK_HELP",
  "PROBLEM_SOLVING",
  "ONLINE_SAFETY",
  "READING",
  "GAMES",
  "CHECK_IN",
  "OTHER",
] as const;
export const activityLabels: Record<(typeof ACTIVITIES)[number], string> = {
  GETTING_TO_KNOW_ME: "Getting to know me",
  HOMEWORK_HELP: "Homework help",
  PROBLEM_SOLVING: "Problem solving",
  ONLINE_SAFETY: "Online safety",
  READING: "Reading together",
  GAMES: "Games",
  CHECK_IN: "Check-in chat",
  OTHER: "Something else",
};
// Activities become the school's own list (not an enum) with the structure issue; attendance stays an enum.
export const ATTENDANCE = Object.values(Attendance);

const pupilEntry = z.object(
  {
    studentId: recordId,
    attendance: z.enum(Attendance, { error: "Choose present, late or absent." }),
    mood: wholeNumber({ min: 1, max: 5, message: "Choose how they seemed from the list." }).optional(),
  },
  { error: "Say who came." },
);

/**
 * A form sends `attendance_<studentId>` and `mood_<studentId>` per mentee; they are gathered into
 * `pupils` before validation.
 */
export const logSessionSchema = z.preprocess(
  (raw) => {
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
  },
  z.object({
    pairingId: recordId,
    heldOn: isoDate,
    durationMinutes: wholeNumber({
      min: 5,
      max: 180,
      message: "Enter the minutes, like 20.",
      notWhole: "Use whole minutes.",
      tooSmall: "At least 5 minutes.",
      tooBig: "At most 180 minutes.",
    }),
    activity: z.enum(ACTIVITIES, { error: "Choose what you did." }),
    notes: optionalText(2000),
    pupils: z
      .array(pupilEntry, { error: "Say who came." })
      .min(1, { error: "Say who came.", abort: true })
      .max(30, { error: "A session has at most 30 mentees." }),
  }),
);
