import { TZDate } from "@date-fns/tz";
import { addDays, differenceInCalendarDays, format, parseISO } from "date-fns";
import { academicStartYear } from "./year-group";

/** A calendar day as "YYYY-MM-DD": what @db.Date columns hold, in the school's own timezone. */
export type IsoDate = string;

let lastToday: { timezone: string; at: number; day: IsoDate } | null = null;

export function todayIn(timezone: string, now: Date = new Date()): IsoDate {
  // A page works out "today" for the same instant once per pairing: the last answer is kept.
  const at = now.getTime();
  if (lastToday && lastToday.at === at && lastToday.timezone === timezone) return lastToday.day;
  const day = format(new TZDate(now, timezone), "yyyy-MM-dd");
  lastToday = { timezone, at, day };
  return day;
}

/** The Date Prisma stores for a calendar day (UTC midnight). */
export function toDbDate(day: IsoDate): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function fromDbDate(date: Date): IsoDate {
  const n = date.getTime() / DAY_MS;
  return (Number.isInteger(n) ? dayLabel(n) : null) ?? date.toISOString().slice(0, 10);
}

// Calendar-day arithmetic on day numbers (days since 1970-01-01; a calendar day has no timezone). The
// planned-meeting engine and the to-do rules do it hundreds of thousands of times per dashboard, and
// parsing and formatting each day through date-fns took seconds (`npm run bench -- todo`), so days
// already seen are remembered (a few thousand distinct ones in practice; the memo is bounded). Anything
// but a real "YYYY-MM-DD" in years 1000–9999 takes the date-fns path, so results and errors are as before.
const DAY_MS = 86_400_000;
const PLAIN_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MEMO_LIMIT = 20_000;
const dayNumbers = new Map<IsoDate, number>();
const dayLabels = new Map<number, IsoDate>();

function dayNumber(day: IsoDate): number | null {
  const known = dayNumbers.get(day);
  if (known !== undefined) return known;
  const parts = PLAIN_DAY.exec(day);
  if (!parts) return null;
  const [year, month, date] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const ms = Date.UTC(year, month - 1, date);
  const check = new Date(ms);
  // 2026-02-30 is not a day (date-fns refuses it too).
  if (year < 1000 || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return null;
  if (dayNumbers.size >= MEMO_LIMIT) dayNumbers.clear();
  dayNumbers.set(day, ms / DAY_MS);
  return ms / DAY_MS;
}

function dayLabel(n: number): IsoDate | null {
  const known = dayLabels.get(n);
  if (known !== undefined) return known;
  const date = new Date(n * DAY_MS);
  const year = date.getUTCFullYear();
  if (year < 1000 || year > 9999) return null;
  const label = date.toISOString().slice(0, 10);
  if (dayLabels.size >= MEMO_LIMIT) dayLabels.clear();
  dayLabels.set(n, label);
  return label;
}

export function addDaysIso(day: IsoDate, days: number): IsoDate {
  const n = Number.isInteger(days) ? dayNumber(day) : null;
  return (n === null ? null : dayLabel(n + days)) ?? format(addDays(parseISO(day), days), "yyyy-MM-dd");
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  const [a, b] = [dayNumber(from), dayNumber(to)];
  if (a === null || b === null) return differenceInCalendarDays(parseISO(to), parseISO(from));
  return b - a;
}

/** The day of the week: 1 = Monday … 5 = Friday, 6 = Saturday, 7 = Sunday (ISO). */
export function weekdayOf(day: IsoDate): number {
  const n = dayNumber(day);
  // 1 January 1970 was a Thursday (4).
  if (n !== null) return ((((n + 3) % 7) + 7) % 7) + 1;
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

/** Staff pages: an instant in the school's time zone, "13 Dec 2026, 14:05". */
export function formatStaffDateTime(instant: Date, timezone: string): string {
  return format(new TZDate(instant.getTime(), timezone), "d MMM yyyy, HH:mm");
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
