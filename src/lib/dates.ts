import { TZDate } from "@date-fns/tz";
import { addDays, differenceInCalendarDays, format, parseISO } from "date-fns";
import { academicStartYear } from "./year-group";

/** A calendar day as "YYYY-MM-DD": what @db.Date columns hold, in the school's own timezone. */
export type IsoDate = string;

export function todayIn(timezone: string, now: Date = new Date()): IsoDate {
  return format(new TZDate(now, timezone), "yyyy-MM-dd");
}

/** The Date Prisma stores for a calendar day (UTC midnight). */
export function toDbDate(day: IsoDate): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function fromDbDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

export function addDaysIso(day: IsoDate, days: number): IsoDate {
  return format(addDays(parseISO(day), days), "yyyy-MM-dd");
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

/** The day of the week: 1 = Monday … 5 = Friday, 6 = Saturday, 7 = Sunday (ISO). */
export function weekdayOf(day: IsoDate): number {
  return ((parseISO(day).getDay() + 6) % 7) + 1;
}

export function isWeekday(day: IsoDate): boolean {
  return weekdayOf(day) <= 5;
}

/** Monday to Sunday of the week holding `day`. */
export function weekOf(day: IsoDate): { start: IsoDate; end: IsoDate } {
  const start = addDaysIso(day, 1 - weekdayOf(day));
  return { start, end: addDaysIso(start, 6) };
}

const toIso = (day: IsoDate | Date): IsoDate => (typeof day === "string" ? day : fromDbDate(day));

/** Staff pages and messages (ADR 004): "13 Dec 2026", always with the year. */
export function formatStaffDate(day: IsoDate | Date): string {
  return format(parseISO(toIso(day)), "d MMM yyyy");
}

/** The academic year (1 September to 31 August) holding `today`. */
export function academicYearAround(today: IsoDate): { startsOn: IsoDate; endsOn: IsoDate } {
  const start = academicStartYear(today);
  return { startsOn: `${start}-09-01`, endsOn: `${start + 1}-08-31` };
}

/**
 * Pupil pages and messages (ADR 004): "Monday 13 December", no abbreviations, and the year too
 * whenever the day is outside the academic year holding `today`.
 */
export function formatPupilDate(day: IsoDate | Date, today: IsoDate): string {
  const iso = toIso(day);
  const year = academicYearAround(today);
  const isThisYear = year.startsOn <= iso && iso <= year.endsOn;
  return format(parseISO(iso), isThisYear ? "EEEE d MMMM" : "EEEE d MMMM yyyy");
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(parseISO(value).getTime()) && format(parseISO(value), "yyyy-MM-dd") === value;
}

/** The instant a calendar day begins in the school's timezone. */
export function startOfDayInstant(day: IsoDate, timezone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, date, timezone).getTime());
}
