import { z } from "zod";
import { Cadence, FocusArea, ProgrammeFormat, ProgrammeStatus } from "@/generated/prisma/enums";
import { isIsoDate } from "@/lib/dates";
import { checkbox, isoDate, optionalText, recordId, text, wholeNumber } from "@/lib/schema-helpers";
import { WHOLE_PROGRAMME } from "./labels";

// The limits of each setting (ADR 015), shown in the form's hints and checked here.
export const LIMITS = {
  sessionMinutes: { min: 5, max: 120 },
  yearGap: { min: 1, max: 6 },
  groupSize: { min: 2, max: 8 },
  todoLogGraceDays: { min: 0, max: 10 },
  todoFirstSessionDays: { min: 1, max: 20 },
  todoFirstWeeks: { min: 1, max: 12 },
  todoFirstWeeksSessions: { min: 1, max: 12 },
  todoAbsentRun: { min: 1, max: 10 },
  // Check-ins are scored 1 to 5.
  todoCheckInLow: { min: 1, max: 4 },
  todoCheckInChange: { min: 1, max: 4 },
  checkInEveryWeeks: { min: 1, max: 12 },
} as const;

const inRange = (limit: { min: number; max: number }, what: string) =>
  wholeNumber({ ...limit, message: `Enter ${what} from ${limit.min} to ${limit.max}.` });

/** An empty field is "not set"; anything else is a whole number in range. */
const optionalNumber = (limit: { min: number; max: number }, message: string) =>
  z.preprocess((v) => (v === "" ? undefined : v), wholeNumber({ ...limit, message }).optional());

const listOfFocusAreas = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.enum(FocusArea, { error: "Choose focus areas from the list." }), { error: "Choose focus areas from the list." })
    .min(1, { error: "Choose at least one focus area: it is what the programme is for.", abort: true })
    .max(Object.keys(FocusArea).length, { error: "Choose focus areas from the list." })
    .transform((list) => [...new Set(list)]),
);

/** Empty: the programme has no end date yet. */
const optionalDate = z
  .string({ error: "Enter a date, or leave it empty." })
  .trim()
  .optional()
  .default("")
  .refine((v) => v === "" || isIsoDate(v), { error: "Enter a real date, like 2027-07-16." });

const about = {
  name: text({ min: 1, max: 80, missing: "Give the programme a name, like “Year 7 transition”." }),
  focusAreas: listOfFocusAreas,
  format: z.enum(ProgrammeFormat, { error: "Choose how pupils meet." }),
  cadence: z.enum(Cadence, { error: "Choose how often they meet." }),
  sessionMinutes: inRange(LIMITS.sessionMinutes, "a number of minutes"),
  startsOn: isoDate,
  endsOn: optionalDate,
};

type Dated = { startsOn?: unknown; endsOn?: unknown };
const endsAfterStart = (v: Dated) =>
  typeof v.startsOn !== "string" || typeof v.endsOn !== "string" || v.endsOn === "" || v.endsOn > v.startsOn;
const END_BEFORE_START = { error: "The last day must be after the first day.", path: ["endsOn"] };

export const createProgrammeSchema = z.object(about).refine(endsAfterStart, END_BEFORE_START);

export const updateProgrammeSchema = z
  .object({
    programmeId: recordId,
    version: wholeNumber({ min: 1, max: 1_000_000_000, message: "This form is out of date. Reload the page." }),
    ...about,
    // Sessions and default slot: a weekday and one of the school's day slots, or neither.
    defaultWeekday: optionalNumber({ min: 1, max: 5 }, "Choose a day from Monday to Friday."),
    defaultSlotId: z
      .string({ error: "Choose a time of day from the list." })
      .trim()
      .optional()
      .default("")
      .refine((v) => v === "" || /^[A-Za-z0-9_-]{1,40}$/.test(v), { error: "Choose a time of day from the list." }),
    defaultPlace: optionalText(80),
    // Matching rules.
    minYearGap: inRange(LIMITS.yearGap, "a number of years"),
    maxYearGap: inRange(LIMITS.yearGap, "a number of years"),
    groupSize: inRange(LIMITS.groupSize, "a number of mentees"),
    isTrainingRequired: checkbox,
    // To-do thresholds and check-ins.
    todoLogGraceDays: inRange(LIMITS.todoLogGraceDays, "a number of school days"),
    todoFirstSessionDays: inRange(LIMITS.todoFirstSessionDays, "a number of school days"),
    todoFirstWeeks: inRange(LIMITS.todoFirstWeeks, "a number of weeks"),
    todoFirstWeeksSessions: inRange(LIMITS.todoFirstWeeksSessions, "a number of sessions"),
    todoAbsentRun: inRange(LIMITS.todoAbsentRun, "a number of sessions"),
    todoCheckInLow: inRange(LIMITS.todoCheckInLow, "a score"),
    todoCheckInChange: inRange(LIMITS.todoCheckInChange, "a number of points"),
    checkInEveryWeeks: inRange(LIMITS.checkInEveryWeeks, "a number of weeks"),
  })
  .superRefine((v, ctx) => {
    if (!endsAfterStart(v)) ctx.addIssue({ code: "custom", path: ["endsOn"], message: END_BEFORE_START.error });
    if (typeof v.minYearGap === "number" && typeof v.maxYearGap === "number" && v.minYearGap > v.maxYearGap)
      ctx.addIssue({ code: "custom", path: ["maxYearGap"], message: "The largest gap cannot be smaller than the smallest gap." });
    const hasDay = typeof v.defaultWeekday === "number";
    if (hasDay && v.defaultSlotId === "")
      ctx.addIssue({ code: "custom", path: ["defaultSlotId"], message: "Choose a time of day for this day too, or clear the day." });
    if (v.defaultWeekday === undefined && typeof v.defaultSlotId === "string" && /^[A-Za-z0-9_-]{1,40}$/.test(v.defaultSlotId))
      ctx.addIssue({ code: "custom", path: ["defaultWeekday"], message: "Choose a day for this time too, or clear the time." });
    const [weeks, sessions] = [v.todoFirstWeeks, v.todoFirstWeeksSessions];
    if (typeof weeks === "number" && typeof sessions === "number") {
      // Pairs meet at most once a week (or a fortnight), so more sessions than that would always be "too few".
      const most = v.cadence === "FORTNIGHTLY" ? Math.ceil(weeks / 2) : weeks;
      if (sessions > most)
        ctx.addIssue({
          code: "custom",
          path: ["todoFirstWeeksSessions"],
          message: `Pairs can meet at most ${most} time${most === 1 ? "" : "s"} in ${weeks} week${weeks === 1 ? "" : "s"}: choose ${most} or fewer.`,
        });
    }
  });

export const changeProgrammeStatusSchema = z.object({
  programmeId: recordId,
  version: wholeNumber({ min: 1, max: 1_000_000_000, message: "This form is out of date. Reload the page." }),
  status: z.enum(ProgrammeStatus, { error: "Choose a status." }),
});

export const addProgrammeSkipSchema = z
  .object({
    programmeId: recordId,
    startsOn: isoDate,
    endsOn: isoDate,
    yearGroup: wholeNumber({ min: 0, max: 13, message: "Choose the whole programme or a year group from 7 to 13." }).refine(
      (n) => n === WHOLE_PROGRAMME || n >= 7,
      { error: "Choose the whole programme or a year group from 7 to 13." },
    ),
    reason: text({ min: 1, max: 80, missing: "Say why, like “Year 11 mocks”." }),
  })
  .refine((v) => v.endsOn >= v.startsOn, { error: "The last day cannot be before the first day.", path: ["endsOn"] });

export const removeProgrammeSkipSchema = z.object({ skipId: recordId });

export type UpdateProgrammeInput = z.output<typeof updateProgrammeSchema>;
