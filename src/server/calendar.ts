import "server-only";
import { fromDbDate, todayIn, type IsoDate } from "@/lib/dates";
import { isInRange, rangeMessage, type CalendarFacts, type DateRange, type DateStyle } from "@/lib/school-calendar";
import { db, type Db, type Tx } from "./db";
import type { SchoolCalendar } from "@/lib/occurrences";
import { RuleError } from "./errors";

const SPAN = { startsOn: true, endsOn: true } as const;
const toSpan = (r: { startsOn: Date; endsOn: Date }) => ({ startsOn: fromDbDate(r.startsOn), endsOn: fromDbDate(r.endsOn) });

/**
 * A school year the school has confirmed: a rollover's draft of next year (confirmedAt null, issue 11) is
 * ignored by every loader, with its periods, until the admin checks its dates and confirms it.
 */
export const CONFIRMED_YEAR = { confirmedAt: { not: null } } as const;
/** Periods of confirmed years only. */
export const CONFIRMED_PERIOD = { academicYear: CONFIRMED_YEAR } as const;

/** Days with no mentoring inside the school year: holidays (half-term breaks, bank holidays) and INSET days. */
export const CLOSURE_KINDS = ["HOLIDAY", "INSET"] as const;

/** The school's calendar as the planned-session engine reads it (src/lib/occurrences.ts, ADR 013). */
export async function loadSchoolCalendar(schoolId: string, client: Tx | Db = db): Promise<SchoolCalendar> {
  const [school, periods] = await Promise.all([
    client.school.findUniqueOrThrow({ where: { id: schoolId }, select: { timezone: true, weekAStarts: true } }),
    client.calendarPeriod.findMany({
      where: { schoolId, kind: { in: ["TERM", ...CLOSURE_KINDS] }, ...CONFIRMED_PERIOD },
      select: { kind: true, ...SPAN },
    }),
  ]);
  return {
    timezone: school.timezone,
    terms: periods.filter((p) => p.kind === "TERM").map(toSpan),
    closures: periods.filter((p) => p.kind !== "TERM").map(toSpan),
    weekAStarts: school.weekAStarts.map(fromDbDate),
  };
}

/** The school's academic years and terms, for the date bounds in src/lib/school-calendar.ts. */
export async function loadCalendarFacts(client: Tx | Db, actor: { schoolId: string; timezone: string }): Promise<CalendarFacts> {
  const [years, terms] = await Promise.all([
    client.academicYear.findMany({ where: { schoolId: actor.schoolId, ...CONFIRMED_YEAR }, select: SPAN }),
    client.calendarPeriod.findMany({ where: { schoolId: actor.schoolId, kind: "TERM", ...CONFIRMED_PERIOD }, select: SPAN }),
  ]);
  return { today: todayIn(actor.timezone), academicYears: years.map(toSpan), terms: terms.map(toSpan) };
}

/** Refuses a date outside its range, saying the range next to the field and at the top of the form. */
export function requireDateInRange(field: string, day: IsoDate, range: DateRange, style: DateStyle, today: IsoDate): void {
  if (isInRange(day, range)) return;
  const message = rangeMessage(range, style, today);
  throw new RuleError(message, { [field]: [message] });
}

/** What board windows read (src/lib/board-periods.ts): the school's half-terms, terms and academic years. */
export async function loadBoardCalendar(client: Tx | Db, school: { schoolId: string; timezone: string }, now: Date = new Date()) {
  const [years, periods] = await Promise.all([
    client.academicYear.findMany({ where: { schoolId: school.schoolId, ...CONFIRMED_YEAR }, select: SPAN }),
    client.calendarPeriod.findMany({
      where: { schoolId: school.schoolId, kind: { in: ["TERM", "HALF_TERM"] }, ...CONFIRMED_PERIOD },
      select: { kind: true, ...SPAN },
    }),
  ]);
  return {
    today: todayIn(school.timezone, now),
    academicYears: years.map(toSpan),
    terms: periods.filter((p) => p.kind === "TERM").map(toSpan),
    halfTerms: periods.filter((p) => p.kind === "HALF_TERM").map(toSpan),
  };
}
