// The days a board covers (issue 10): this week, this half-term or all time, in the school's calendar
// (ADR 004). Pure: the loader reads the school's half-terms, terms and academic years once.
import { addDaysIso, daysBetween, startOfDayInstant, weekOf, type IsoDate } from "./dates";
import { academicYearOf, currentAcademicYear, type Span } from "./school-calendar";

export type BoardPeriod = "WEEK" | "HALF_TERM" | "ALL_TIME";
export type BoardCalendar = { today: IsoDate; halfTerms: Span[]; terms: Span[]; academicYears: Span[] };
export type BoardWindow = { period: BoardPeriod; from: IsoDate | null; to: IsoDate; label: string };

export const BOARD_PERIOD_LABELS: Record<BoardPeriod, string> = { WEEK: "This week", HALF_TERM: "This half-term", ALL_TIME: "All time" };

type Level = "half-term" | "term" | "school year";

const byStart = (a: Span, b: Span) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0);
const latest = (spans: Span[]) => [...spans].sort(byStart).at(-1);

/**
 * The span a half-term board covers: the half-term holding today; in a holiday, the latest one that
 * ended this school year; failing those (a school with no half-terms set up), the term in the same
 * way; failing that, the school year. A new school year starts afresh rather than showing last summer.
 */
function halfTermSpan(c: BoardCalendar): { level: Level; span: Span } {
  const year = currentAcademicYear(c);
  const levels: [Level, Span[]][] = [
    ["half-term", c.halfTerms],
    ["term", c.terms],
  ];
  for (const [level, spans] of levels) {
    const holding = latest(spans.filter((s) => s.startsOn <= c.today && c.today <= s.endsOn));
    if (holding) return { level, span: holding };
    const ended = latest(spans.filter((s) => s.endsOn < c.today && s.startsOn >= year.startsOn));
    if (ended) return { level, span: ended };
  }
  return { level: "school year", span: year };
}

/** A window from `span`, never reaching past today, named by how it stands to today. */
function windowOf(period: BoardPeriod, level: Level, span: Span, today: IsoDate, isBefore = false): BoardWindow {
  const isCurrent = span.startsOn <= today && today <= span.endsOn;
  const label = isCurrent ? `This ${level}` : isBefore ? `The ${level} before` : `Last ${level}`;
  return { period, from: span.startsOn, to: span.endsOn < today ? span.endsOn : today, label };
}

export function boardWindow(period: BoardPeriod, c: BoardCalendar): BoardWindow {
  if (period === "ALL_TIME") return { period, from: null, to: c.today, label: BOARD_PERIOD_LABELS.ALL_TIME };
  if (period === "WEEK") return { period, from: weekOf(c.today).start, to: c.today, label: BOARD_PERIOD_LABELS.WEEK };
  const { level, span } = halfTermSpan(c);
  return windowOf(period, level, span, c.today);
}

/**
 * The window before `w`, of the same kind, for "most improved": the week before, or the half-term
 * (term, school year) before. Null for all time, and when the calendar holds nothing earlier.
 */
export function previousBoardWindow(w: BoardWindow, c: BoardCalendar): BoardWindow | null {
  if (w.period === "ALL_TIME" || w.from === null) return null;
  const from = w.from;
  if (w.period === "WEEK") {
    const start = addDaysIso(weekOf(from).start, -7);
    return {
      period: w.period,
      from: start,
      to: addDaysIso(start, 6),
      label: from === weekOf(c.today).start ? "Last week" : "The week before",
    };
  }
  const isBefore = w.to < c.today;
  const levels: [Level, Span[]][] = [
    ["half-term", c.halfTerms],
    ["term", c.terms],
  ];
  for (const [level, spans] of levels) {
    if (!spans.some((s) => s.startsOn === from)) continue;
    const before = latest(spans.filter((s) => s.endsOn < from));
    return before ? windowOf(w.period, level, before, c.today, isBefore) : null;
  }
  return windowOf(w.period, "school year", academicYearOf(c, addDaysIso(from, -1)), c.today, isBefore);
}

/**
 * The start of `previous` as long as `current` has run so far, so "most improved" compares like with
 * like: Monday to Wednesday with last Monday to Wednesday, a half-term's first ten days with the first
 * ten of the one before, not a part-period with a whole one.
 */
export function sameLengthWindow(previous: BoardWindow, current: BoardWindow): BoardWindow {
  if (previous.from === null || current.from === null) return previous;
  const end = addDaysIso(previous.from, daysBetween(current.from, current.to));
  return { ...previous, to: end < previous.to ? end : previous.to };
}

/** The instants a window covers in the school's timezone, for `createdAt: { gte, lt }` (no `gte` for all time). */
export function windowInstants(w: BoardWindow, timezone: string): { gte?: Date; lt: Date } {
  const lt = startOfDayInstant(addDaysIso(w.to, 1), timezone);
  return w.from === null ? { lt } : { gte: startOfDayInstant(w.from, timezone), lt };
}
