import { z } from "zod";
import { FocusArea } from "@/generated/prisma/enums";
import { checkbox, CONTROL_CHARACTERS_MESSAGE, hasNoControlCharacters, recordId, text, wholeNumber } from "@/lib/schema-helpers";
import { parseAvailabilityId, WEEKDAYS } from "@/lib/day-slots";

const listOf = <T extends z.ZodType>(item: T, max: number, message: string) =>
  z.preprocess(
    (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(item, { error: message }).max(max, { error: message }),
  );

/** "football, drawing" → ["football", "drawing"]: short, lower-case, no repeats. */
const interestList = z
  .preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .split(",")
            .map((s) => s.trim().toLowerCase())
            .filter(Boolean)
        : v,
    z
      .array(
        z
          .string({ error: "Write your interests with commas between them." })
          .refine(hasNoControlCharacters, { error: CONTROL_CHARACTERS_MESSAGE, abort: true })
          .max(30, { error: "Keep each interest short (30 letters at most)." }),
        { error: "Write your interests with commas between them." },
      )
      .max(8, { error: "Choose up to 8 interests." }),
  )
  .transform((list) => [...new Set(list)]);

/**
 * Free times: ids like "WED_LUNCH" (a weekday and one of the school's slots, lib/day-slots.ts). The
 * shape is checked here; the commands check that each names a slot of the pupil's school (ADR 014).
 */
const freeTimeList = listOf(
  z.string({ error: "Choose from the list." }).refine((id) => parseAvailabilityId(id) !== null, { error: "Choose from the list." }),
  WEEKDAYS.length * 20,
  "Choose from the list.",
).transform((ids) => [...new Set(ids)]);

export const updateMyProfileSchema = z.object({
  interests: interestList,
  availability: freeTimeList,
  aboutMe: text({ max: 200 }).default(""),
});

const choice = z
  .union([z.literal(""), recordId], { error: "Choose from the mentors shown." })
  .optional()
  .default("");

export const setMentorPreferencesSchema = z
  .object({
    programmeId: recordId,
    hasNoPreference: checkbox,
    first: choice,
    second: choice,
    third: choice,
  })
  .transform((v) => ({
    programmeId: v.programmeId,
    hasNoPreference: v.hasNoPreference,
    ranking: v.hasNoPreference ? [] : [v.first, v.second, v.third].filter(Boolean),
  }))
  .refine((v) => new Set(v.ranking).size === v.ranking.length, { error: "Choose each mentor only once.", path: ["second"] })
  .refine((v) => v.hasNoPreference || v.ranking.length > 0, {
    error: "Choose at least one mentor, or tick “No preference”.",
    path: ["first"],
  });

export const FOCUS_AREAS = Object.values(FocusArea);
export const focusAreaLabels: Record<FocusArea, string> = {
  BULLYING: "Bullying",
  ATTENDANCE: "Attendance",
  LATENESS: "Lateness",
  BEHAVIOUR: "Behaviour",
  ONLINE_SAFETY: "Online safety",
  TRANSITION: "Transition to secondary",
  WELLBEING: "Wellbeing",
  SEND_INCLUSION: "SEND inclusion",
};
export const LIVED_EXPERIENCES = ["autism", "adhd", "anxiety", "dyslexia", "young carer", "new to the country"] as const;

const level = z.preprocess(
  (v) => (v === "" || v === undefined ? 0 : v),
  wholeNumber({ min: 0, max: 3, message: "Choose a level from the list." }),
);

/** Staff edit a pupil's matching details; lived experience is recorded only with the pupil's opt-in. */
export const updateMatchingDetailsSchema = z.object({
  studentId: recordId,
  interests: interestList,
  availability: freeTimeList,
  livedExperience: listOf(z.enum(LIVED_EXPERIENCES, { error: "Choose from the list." }), LIVED_EXPERIENCES.length, "Choose from the list."),
});

export const updateMentorProfileSchema = z.object({
  programmeId: recordId,
  studentId: recordId,
  capacity: wholeNumber({
    min: 1,
    max: 6,
    message: "Enter a number from 1 to 6.",
    notWhole: "Enter a whole number.",
    tooSmall: "At least 1.",
    tooBig: "At most 6.",
  }),
  trainingComplete: checkbox,
  ...Object.fromEntries(FOCUS_AREAS.map((area) => [`strength_${area}`, level])),
});

export const updateMenteeProfileSchema = z.object({
  programmeId: recordId,
  studentId: recordId,
  focusAreas: listOf(z.enum(FocusArea, { error: "Choose from the list." }), FOCUS_AREAS.length, "Choose from the list."),
});
