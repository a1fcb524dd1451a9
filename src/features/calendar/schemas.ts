import { z } from "zod";
import { CalendarKind } from "@/generated/prisma/enums";
import { checkbox, isoDate, recordId, text } from "@/lib/schema-helpers";

/** The kinds an admin enters, in the words the page uses. */
export const CALENDAR_KIND_LABELS: Record<CalendarKind, string> = {
  TERM: "Term",
  HALF_TERM: "Half-term block (teaching)",
  HOLIDAY: "Holiday or bank holiday (no school)",
  INSET: "INSET day (no pupils)",
};

export const addCalendarPeriodSchema = z
  .object({
    academicYearId: recordId,
    kind: z.enum(CalendarKind, { error: "Choose what kind of dates these are." }),
    name: text({ min: 1, max: 80, missing: "Give it a name, like “October half-term”." }),
    startsOn: isoDate,
    endsOn: isoDate,
  })
  .refine((v) => v.endsOn >= v.startsOn, { error: "The last day cannot be before the first day.", path: ["endsOn"] });

export const removeCalendarPeriodSchema = z.object({ periodId: recordId });

/** Every IANA time zone this server knows (Node's Intl), e.g. "Europe/London". */
const TIME_ZONES = new Set(Intl.supportedValuesOf("timeZone"));

export const saveSchoolWeekSchema = z
  .object({
    timezone: z
      .string({ error: "Choose the school's time zone." })
      .trim()
      .refine((tz) => TIME_ZONES.has(tz) || tz === "UTC", { error: "Choose a time zone from the list, like Europe/London." }),
    hasWeekAB: checkbox,
    weekAMonday: z.string({ error: "Enter the date of a Monday in Week A, like 2026-09-07." }).trim().optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (!v.hasWeekAB) return;
    const parsed = isoDate.safeParse(v.weekAMonday);
    if (!parsed.success) {
      ctx.addIssue({ code: "custom", path: ["weekAMonday"], message: "Enter the date of a Monday in Week A, like 2026-09-07." });
    } else if (new Date(`${parsed.data}T00:00:00Z`).getUTCDay() !== 1) {
      ctx.addIssue({ code: "custom", path: ["weekAMonday"], message: "Choose a Monday: Week A starts on a Monday." });
    }
  });

export const TIME_ZONE_OPTIONS = [...TIME_ZONES].sort().map((tz) => ({ value: tz, label: tz.replace(/_/g, " ") }));
