import { z } from "zod";
import { CalendarKind } from "@/generated/prisma/enums";
import { isIsoDate, weekdayOf } from "@/lib/dates";
import { isoDate, recordId, text, wholeNumber } from "@/lib/schema-helpers";

export const addCalendarPeriodSchema = z
  .object({
    academicYearId: recordId,
    kind: z.enum(CalendarKind, { error: "Choose what kind of dates these are." }),
    name: text({ min: 1, max: 80, missing: "Give it a name, like “October half-term”." }),
    startsOn: isoDate,
    endsOn: isoDate,
  })
  .refine((v) => v.endsOn >= v.startsOn, { error: "The last day cannot be before the first day.", path: ["endsOn"] });

/** A school year: the calendar year it starts in, and its first and last days (1 September to 31 August unless set). */
export const addAcademicYearSchema = z
  .object({
    startYear: wholeNumber({ min: 2000, max: 2100, message: "Enter the year it starts, like 2027." }),
    startsOn: isoDate,
    endsOn: isoDate,
  })
  .refine((v) => v.endsOn > v.startsOn, { error: "The last day must be after the first day.", path: ["endsOn"] });

export const removeCalendarPeriodSchema = z.object({ periodId: recordId });

/** A draft school year (made by the rollover) whose dates the admin has checked. */
export const confirmAcademicYearSchema = z.object({ academicYearId: recordId });

/**
 * The time zones a school may choose: the server's own list (Node's Intl) and UTC. Built on the server
 * and passed to the form, so the list a browser shows is the list this schema accepts.
 */
export function timeZoneNames(): string[] {
  return [...new Set([...Intl.supportedValuesOf("timeZone"), "UTC"])].sort();
}
const TIME_ZONES = new Set(timeZoneNames());

export const saveSchoolWeekSchema = z
  .object({
    timezone: z
      .string({ error: "Choose the school's time zone." })
      .trim()
      .refine((tz) => TIME_ZONES.has(tz), { error: "Choose a time zone from the list, like Europe/London." }),
    // Empty: the school has a one-week timetable.
    weekAMonday: z.string({ error: "Enter the date of a Monday in Week A, like 2026-09-07." }).trim().optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (v.weekAMonday === "") return;
    if (!isIsoDate(v.weekAMonday)) {
      ctx.addIssue({ code: "custom", path: ["weekAMonday"], message: "Enter the date of a Monday in Week A, like 2026-09-07." });
    } else if (weekdayOf(v.weekAMonday) !== 1) {
      ctx.addIssue({ code: "custom", path: ["weekAMonday"], message: "Choose a Monday: Week A starts on a Monday." });
    }
  });
