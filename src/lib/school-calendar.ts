// Which dates make sense for a school (ADR 004): pure, so the bounds are tested without a database.
// A date outside its range is refused with a message that says the range, in the reader's style.
import { academicYearAround, addDaysIso, formatPupilDate, formatStaffDate, type IsoDate } from "./dates";

export type Span = { startsOn: IsoDate; endsOn: IsoDate };
export type CalendarFacts = { today: IsoDate; academicYears: Span[]; terms: Span[] };
export type DateRange = { from: IsoDate; to: IsoDate };
export type DateStyle = "staff" | "pupil";

/** The stored academic year holding today, else 1 September to 31 August. */
export function currentAcademicYear(c: CalendarFacts): Span {
  return c.academicYears.find((y) => y.startsOn <= c.today && c.today <= y.endsOn) ?? academicYearAround(c.today);
}

/** Nothing is dated before the school's first academic year. */
export function earliestDay(c: CalendarFacts): IsoDate {
  return [currentAcademicYear(c).startsOn, ...c.academicYears.map((y) => y.startsOn)].sort()[0]!;
}

/** Things that have happened (sessions, reviews): from the first academic year, or `notBefore`, to today. */
export function pastRange(c: CalendarFacts, notBefore?: IsoDate): DateRange {
  const from = [earliestDay(c), notBefore ?? ""].sort().at(-1)!;
  return { from, to: c.today };
}

/**
 * A pairing starts within the current academic year or the next term. Without the next term in the
 * calendar (a school that has not set up next year), the next autumn term is taken to end on 31 December.
 */
export function pairingStartRange(c: CalendarFacts): DateRange {
  const year = currentAcademicYear(c);
  const nextTerm = c.terms.filter((t) => t.startsOn > c.today).sort((a, b) => (a.startsOn < b.startsOn ? -1 : 1))[0];
  const nextAutumnEnds = `${year.endsOn.slice(0, 4)}-12-31`;
  const to = [year.endsOn, nextTerm?.endsOn ?? nextAutumnEnds].sort().at(-1)!;
  return { from: year.startsOn, to };
}

export function isInRange(day: IsoDate, range: DateRange): boolean {
  return range.from <= day && day <= range.to;
}

/** "Choose a date from 1 Sep 2026 to 18 Dec 2026." — or, for pupils, "Choose a day from Monday 2 November to today." */
export function rangeMessage(range: DateRange, style: DateStyle, today: IsoDate): string {
  const word = (day: IsoDate) => (day === today ? "today" : style === "pupil" ? formatPupilDate(day, today) : formatStaffDate(day));
  if (range.from > range.to) return "No date can be chosen yet.";
  if (range.from === range.to) return `Choose ${word(range.from)}.`;
  return `Choose a ${style === "pupil" ? "day" : "date"} from ${word(range.from)} to ${word(range.to)}.`;
}

/** The academic year holding `day`: the school's stored one, else 1 September to 31 August. */
export function academicYearOf(c: CalendarFacts, day: IsoDate): Span {
  return c.academicYears.find((y) => y.startsOn <= day && day <= y.endsOn) ?? academicYearAround(day);
}

/**
 * A programme's first and last days: from the school's first academic year (nothing is dated before
 * it) to the end of next academic year, so next September's programme can be set up in the summer.
 */
export function programmeDateRange(c: CalendarFacts): DateRange {
  const next = academicYearAround(addDaysIso(currentAcademicYear(c).endsOn, 1));
  const to = [next.endsOn, ...c.academicYears.map((y) => y.endsOn)].sort().at(-1)!;
  return { from: earliestDay(c), to };
}
