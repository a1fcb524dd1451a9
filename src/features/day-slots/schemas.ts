import { z } from "zod";
import { isTimeOfDay, normaliseTime } from "@/lib/day-slots";
import { recordId, text, wholeNumber } from "@/lib/schema-helpers";

/** The year groups that may have their own times for a slot (a split lunch). */
export const SLOT_YEAR_GROUPS = [7, 8, 9, 10, 11, 12, 13] as const;

const time = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing, abort: true })
    .refine(isTimeOfDay, { error: "Enter a real time of day, like 12:30.", abort: true })
    .transform(normaliseTime);

const times = {
  startTime: time("Enter the time it starts, like 12:30."),
  endTime: time("Enter the time it ends, like 13:15."),
};
const END_AFTER_START = { error: "The end must be after the start.", path: ["endTime"] };
const endsAfterStart = (v: { startTime: string; endTime: string }) => v.endTime > v.startTime;

const slotName = text({ min: 1, max: 40, missing: "Give the slot a name, like “After school”." }).refine(
  (name) => /[\p{L}\p{N}]/u.test(name),
  {
    error: "Use letters or numbers in the name.",
  },
);

const yearGroup = wholeNumber({ min: 7, max: 13, message: "Choose a year group from Year 7 to Year 13." });

export const addDaySlotSchema = z.object({ name: slotName, ...times }).refine(endsAfterStart, END_AFTER_START);

export const updateDaySlotSchema = z.object({ slotId: recordId, name: slotName, ...times }).refine(endsAfterStart, END_AFTER_START);

export const setYearGroupTimesSchema = z.object({ slotId: recordId, yearGroup, ...times }).refine(endsAfterStart, END_AFTER_START);

export const removeYearGroupTimesSchema = z.object({ yearTimeId: recordId });

export const retireDaySlotSchema = z.object({ slotId: recordId });

export const restoreDaySlotSchema = z.object({ slotId: recordId });
