import { z } from "zod";
import { isoDate, optionalText, recordId } from "@/lib/schema-helpers";

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
export const ATTENDANCE = ["PRESENT", "LATE", "ABSENT"] as const;

const pupilEntry = z.object({
  studentId: recordId,
  attendance: z.enum(ATTENDANCE, { error: "Choose present, late or absent." }),
  mood: z.coerce.number().int().min(1).max(5).optional(),
});

/**
 * A form sends `attendance_<studentId>` and `mood_<studentId>` per mentee; they are gathered into
 * `pupils` before validation.
 */
export const logSessionSchema = z.preprocess(
  (raw) => {
    if (!raw || typeof raw !== "object" || "pupils" in raw) return raw;
    const values = raw as Record<string, unknown>;
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
    durationMinutes: z.coerce
      .number({ error: "Enter the minutes, like 20." })
      .int({ error: "Use whole minutes." })
      .min(5, { error: "At least 5 minutes." })
      .max(180, { error: "At most 180 minutes." }),
    activity: z.enum(ACTIVITIES, { error: "Choose what you did." }),
    notes: optionalText(2000),
    pupils: z.array(pupilEntry).min(1, { error: "Say who came." }).max(30),
  }),
);
