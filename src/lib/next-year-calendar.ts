// Next school year's calendar drafted from this one (issue 11, plan §7): a starting point the admin
// checks and confirms, never a guess presented as fact. Dates move in whole weeks so every day keeps its
// weekday; Easter and the May bank holidays follow their own rules, and INSET days are flagged to check.
import { addDaysIso, daysBetween, weekdayOf, type IsoDate } from "./dates";

export type CalendarPeriodKind = "TERM" | "HALF_TERM" | "HOLIDAY" | "INSET";
export type DraftYear = { name: string; startYear: number; startsOn: IsoDate; endsOn: IsoDate };
export type DraftPeriod = { kind: CalendarPeriodKind; name: string; startsOn: IsoDate; endsOn: IsoDate };
/** How a period was moved: by whole weeks, with Easter, or by the May bank holiday rules. */
export type DraftHow = "WEEKDAY" | "EASTER" | "BANK_HOLIDAY";
export type DraftedPeriod = DraftPeriod & { how: DraftHow; check: boolean };

const pad = (n: number) => String(n).padStart(2, "0");

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus, Jones and Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** England's early May bank holiday: the first Monday of May. */
export function earlyMayBankHoliday(year: number): IsoDate {
  const first = `${year}-05-01`;
  return addDaysIso(first, (8 - weekdayOf(first)) % 7);
}

/** England's spring bank holiday: the last Monday of May. */
export function springBankHoliday(year: number): IsoDate {
  const last = `${year}-05-31`;
  return addDaysIso(last, -((weekdayOf(last) + 6) % 7));
}

/** The name the calendar gives a school year (as src/features/calendar/commands.ts): "2027–28". */
export function academicYearName(startYear: number): string {
  return `${startYear}–${pad((startYear + 1) % 100)}`;
}

function sameDateNextYear(day: IsoDate): IsoDate {
  const [year, month, date] = day.split("-") as [string, string, string];
  return `${Number(year) + 1}-${month}-${month === "02" && date === "29" ? "28" : date}`;
}

const FOLLOW_WITHIN_DAYS = 3;
const WEEK_SHIFTS = [52 * 7, 53 * 7];

type Anchor = { startsOn: IsoDate; endsOn: IsoDate; shift: number; how: DraftHow };
type Edge = { day: IsoDate; how: DraftHow; check: boolean };

const holds = (p: DraftPeriod, day: IsoDate) => p.startsOn <= day && day <= p.endsOn;

/**
 * Drafts next year's calendar from this year's. Each edge moves 52 or 53 weeks, whichever keeps it
 * within 3 days of the same date next year and inside next year (52 does, unless that would fall
 * before the new year starts); a holiday holding Easter (Good Friday to Easter Monday) moves by
 * Easter's own shift, and a holiday holding the spring bank holiday by that one's; term and half-term
 * edges within 3 days of such a holiday follow it. One-day closures on a May bank holiday move to next
 * year's. INSET days keep their weekday and are flagged to check, as is anything the rules could not
 * place cleanly (a term starting on a bank holiday, a day pulled into next year).
 */
export function draftNextYearCalendar(year: DraftYear, periods: readonly DraftPeriod[]): { year: DraftYear; periods: DraftedPeriod[] } {
  const startYear = year.startYear + 1;
  const next: DraftYear = {
    name: academicYearName(startYear),
    startYear,
    startsOn: sameDateNextYear(year.startsOn),
    endsOn: sameDateNextYear(year.endsOn),
  };
  // The spring of this school year is in startYear + 1; next year's spring in startYear + 2.
  const [easter, nextEaster] = [easterSunday(year.startYear + 1), easterSunday(year.startYear + 2)];
  const [earlyMay, nextEarlyMay] = [earlyMayBankHoliday(year.startYear + 1), earlyMayBankHoliday(year.startYear + 2)];
  const [spring, nextSpring] = [springBankHoliday(year.startYear + 1), springBankHoliday(year.startYear + 2)];
  const nextBankHolidays = new Set([addDaysIso(nextEaster, -2), addDaysIso(nextEaster, 1), nextEarlyMay, nextSpring]);

  const isOneDay = (p: DraftPeriod) => p.startsOn === p.endsOn;
  const anchors: Anchor[] = [];
  for (const p of periods) {
    if (p.kind !== "HOLIDAY" || isOneDay(p)) continue;
    if ([addDaysIso(easter, -2), easter, addDaysIso(easter, 1)].some((day) => holds(p, day)))
      anchors.push({ ...p, shift: daysBetween(easter, nextEaster), how: "EASTER" });
    else if (holds(p, spring)) anchors.push({ ...p, shift: daysBetween(spring, nextSpring), how: "BANK_HOLIDAY" });
  }

  const byWeeks = (day: IsoDate, kind: CalendarPeriodKind): Edge => {
    // A holiday or term running to the year's first or last day still does (the summer holiday).
    if (kind !== "INSET" && day === year.startsOn) return { day: next.startsOn, how: "WEEKDAY", check: false };
    if (kind !== "INSET" && day === year.endsOn) return { day: next.endsOn, how: "WEEKDAY", check: false };
    const target = sameDateNextYear(day);
    const options = WEEK_SHIFTS.map((shift) => addDaysIso(day, shift))
      .filter((moved) => next.startsOn <= moved && moved <= next.endsOn)
      .sort((a, b) => Math.abs(daysBetween(target, a)) - Math.abs(daysBetween(target, b)));
    const best = options[0];
    if (!best) return { day: addDaysIso(day, WEEK_SHIFTS[0]!) < next.startsOn ? next.startsOn : next.endsOn, how: "WEEKDAY", check: true };
    return { day: best, how: "WEEKDAY", check: Math.abs(daysBetween(target, best)) > FOLLOW_WITHIN_DAYS };
  };

  const moveStart = (p: DraftPeriod): Edge => {
    if (p.kind === "TERM" || p.kind === "HALF_TERM") {
      const after = anchors.find((a) => inFollowRange(daysBetween(a.endsOn, p.startsOn)));
      if (after) return { day: addDaysIso(p.startsOn, after.shift), how: after.how, check: false };
    }
    return byWeeks(p.startsOn, p.kind);
  };
  const moveEnd = (p: DraftPeriod): Edge => {
    if (p.kind === "TERM" || p.kind === "HALF_TERM") {
      const before = anchors.find((a) => inFollowRange(daysBetween(p.endsOn, a.startsOn)));
      if (before) return { day: addDaysIso(p.endsOn, before.shift), how: before.how, check: false };
    }
    return byWeeks(p.endsOn, p.kind);
  };

  const drafted = periods.map((p): DraftedPeriod => {
    const base = { kind: p.kind, name: p.name };
    const anchor = anchors.find((a) => a.startsOn === p.startsOn && a.endsOn === p.endsOn && p.kind === "HOLIDAY");
    if (anchor) {
      return {
        ...base,
        startsOn: addDaysIso(p.startsOn, anchor.shift),
        endsOn: addDaysIso(p.endsOn, anchor.shift),
        how: anchor.how,
        check: false,
      };
    }
    if (p.kind === "HOLIDAY" && isOneDay(p) && (p.startsOn === earlyMay || p.startsOn === spring)) {
      const day = p.startsOn === earlyMay ? nextEarlyMay : nextSpring;
      return { ...base, startsOn: day, endsOn: day, how: "BANK_HOLIDAY", check: false };
    }
    const [start, end] = [moveStart(p), moveEnd(p)];
    const how = [start.how, end.how].includes("EASTER")
      ? "EASTER"
      : [start.how, end.how].includes("BANK_HOLIDAY")
        ? "BANK_HOLIDAY"
        : "WEEKDAY";
    const startsOnBankHoliday = (p.kind === "TERM" || p.kind === "HALF_TERM") && nextBankHolidays.has(start.day);
    const check = p.kind === "INSET" || start.check || end.check || end.day < start.day || startsOnBankHoliday;
    return { ...base, startsOn: start.day, endsOn: end.day, how, check };
  });
  return { year: next, periods: drafted };
}

function inFollowRange(gap: number): boolean {
  return gap >= 1 && gap <= FOLLOW_WITHIN_DAYS;
}
