// Planned sessions (issue 8, ADR 013): derived from a pairing's regular slot and the school's
// calendar, never stored one by one. Pure: the caller loads the slot, the calendar, the skipped weeks
// that apply to the pairing's pupils and the occurrences moved or cancelled, and asks.
import { TZDate } from "@date-fns/tz";
import { addDaysIso, daysBetween, isWeekday, todayIn, weekOf, type IsoDate } from "./dates";

/** A run of days, first and last included. */
export type Period = { startsOn: IsoDate; endsOn: IsoDate };

/**
 * The school's year as the engine needs it: when school is open, and the Week A/B pattern if any.
 * Built once per load and never changed afterwards (`isSchoolDay` remembers its answers per calendar).
 */
export type SchoolCalendar = {
  timezone: string;
  /** Terms: school days fall only inside one. */
  terms: Period[];
  /** Days with no school inside a term: half-terms, holidays, bank holidays, INSET days. */
  closures: Period[];
  /**
   * Mondays that begin a Week A. Weeks alternate A, B, A… from the latest anchor on or before a week,
   * so one anchor runs all year and one per term restarts the pattern after each holiday.
   */
  weekAStarts: IsoDate[];
};

/** A pairing's regular slot. `weekday` 1 = Monday … 5 = Friday; `startTime` "HH:MM" school time. */
export type Slot = {
  weekday: 1 | 2 | 3 | 4 | 5;
  startTime: string;
  minutes: number;
  place: string;
  cadence: "WEEKLY" | "FORTNIGHTLY";
  /** Fortnightly following the school's Week A/B: meets in these weeks only. */
  week?: "A" | "B" | null;
  /** The pairing's first day: nothing is planned before its week. */
  startsOn: IsoDate;
  endsOn?: IsoDate | null;
};

/** One occurrence moved (to another day, time or place) or cancelled, each with its reason. */
export type Exception =
  | { kind: "MOVED"; originalOn: IsoDate; on: IsoDate; startTime?: string | null; place?: string | null; reason: string }
  | { kind: "CANCELLED"; originalOn: IsoDate; reason: string };

export type Occurrence = {
  /** The day it was planned for by the slot; with `periodStart`, what identifies it. */
  plannedOn: IsoDate;
  /** The day it happens (differs when moved). */
  on: IsoDate;
  startTime: string;
  minutes: number;
  place: string;
  startsAt: Date;
  endsAt: Date;
  isMoved: boolean;
  /** The week (weekly) or fortnight (fortnightly) it stands for: a session held in it satisfies it. */
  periodStart: IsoDate;
  periodEnd: IsoDate;
};

const weeksBetween = (fromMonday: IsoDate, toMonday: IsoDate) => Math.round(daysBetween(fromMonday, toMonday) / 7);
const isEven = (n: number) => ((n % 2) + 2) % 2 === 0;
const inAny = (day: IsoDate, periods: Period[]) => periods.some((p) => p.startsOn <= day && day <= p.endsOn);

/**
 * Monday–Friday, inside a term and outside every closure. A school that has entered no terms yet is
 * taken to be open every weekday but its closures, so its pupils still have a next meeting.
 */
export function isSchoolDay(day: IsoDate, calendar: SchoolCalendar): boolean {
  let known = schoolDays.get(calendar);
  if (!known) schoolDays.set(calendar, (known = new Map()));
  let is = known.get(day);
  if (is === undefined) {
    const inTerm = calendar.terms.length === 0 || inAny(day, calendar.terms);
    is = isWeekday(day) && inTerm && !inAny(day, calendar.closures);
    known.set(day, is);
  }
  return is;
}

// The to-do's rules ask about the same days for every pairing of a school: the answers are kept with
// the calendar they came from (so a calendar is never changed once it is built).
const schoolDays = new WeakMap<SchoolCalendar, Map<IsoDate, boolean>>();

/** "A" or "B" for the week starting `monday`, or null when the school has no Week A/B. */
export function weekLetter(monday: IsoDate, calendar: SchoolCalendar): "A" | "B" | null {
  const anchors = [...calendar.weekAStarts].sort();
  if (anchors.length === 0) return null;
  const anchor = anchors.filter((a) => a <= monday).at(-1) ?? anchors[0]!;
  return isEven(weeksBetween(weekOf(anchor).start, monday)) ? "A" : "B";
}

/**
 * The week or fortnight of the slot's cadence that holds `day`. Periods never overlap: following
 * Week A/B, a period runs from a week with the slot's letter to the day before the next such week
 * (two weeks, or one or three where the school restarts its pattern); otherwise fortnights are
 * counted from the pairing's first week, so a midweek start is the first week of the first fortnight.
 */
export function periodOf(slot: Slot, calendar: SchoolCalendar, day: IsoDate): Period {
  const monday = weekOf(day).start;
  if (slot.cadence === "WEEKLY") return { startsOn: monday, endsOn: addDaysIso(monday, 6) };
  if (followsTimetable(slot, calendar)) {
    const isSlotWeek = (m: IsoDate) => weekLetter(m, calendar) === slot.week;
    let start = monday;
    for (let back = 0; back < 4 && !isSlotWeek(start); back += 1) start = addDaysIso(start, -7);
    let next = addDaysIso(start, 7);
    for (let ahead = 0; ahead < 4 && !isSlotWeek(next); ahead += 1) next = addDaysIso(next, 7);
    return { startsOn: start, endsOn: addDaysIso(next, -1) };
  }
  const start = isEven(weeksBetween(weekOf(slot.startsOn).start, monday)) ? monday : addDaysIso(monday, -7);
  return { startsOn: start, endsOn: addDaysIso(start, 13) };
}

/** A fortnightly slot that names Week A or B, at a school with a two-week timetable. */
function followsTimetable(slot: Slot, calendar: SchoolCalendar): boolean {
  return slot.cadence === "FORTNIGHTLY" && Boolean(slot.week) && calendar.weekAStarts.length > 0;
}

// Every occurrence has its instant, and working out a timezone's offset is slow next to the rest of
// the engine (`npm run bench -- todo`): instants already worked out are remembered (bounded).
const instants = new Map<string, number>();

/** The instant a school-time "HH:MM" on `day` happens, whatever the clocks do. */
export function instantAt(day: IsoDate, time: string, timezone: string): Date {
  const key = `${timezone} ${day} ${time}`;
  let ms = instants.get(key);
  if (ms === undefined) {
    const [year, month, date] = day.split("-").map(Number) as [number, number, number];
    const [hours, minutes] = time.split(":").map(Number) as [number, number];
    ms = new TZDate(year, month - 1, date, hours, minutes, timezone).getTime();
    if (instants.size >= 20_000) instants.clear();
    instants.set(key, ms);
  }
  return new Date(ms);
}

/** The day the slot falls on in each week it meets, before holidays and exceptions. */
function slotDayOfWeek(slot: Slot, calendar: SchoolCalendar, monday: IsoDate): IsoDate | null {
  const day = addDaysIso(monday, slot.weekday - 1);
  if (day < slot.startsOn || (slot.endsOn && day > slot.endsOn)) return null;
  if (followsTimetable(slot, calendar)) return weekLetter(monday, calendar) === slot.week ? day : null;
  return periodOf(slot, calendar, day).startsOn === monday ? day : null;
}

/**
 * Every occurrence held between `from` and `to` (inclusive, by the day it happens): the slot's days,
 * less those that are not school days or fall in a skipped week, with moves and cancellations applied.
 */
export function occurrencesBetween(
  slot: Slot,
  calendar: SchoolCalendar,
  from: IsoDate,
  to: IsoDate,
  options: { skips?: Period[]; exceptions?: Exception[] } = {},
): Occurrence[] {
  const skips = options.skips ?? [];
  const exceptions = new Map((options.exceptions ?? []).map((e) => [e.originalOn, e]));
  const out: Occurrence[] = [];
  // A move can bring an occurrence a week either way: look a little wider, then keep the range.
  for (let monday = weekOf(addDaysIso(from, -14)).start; monday <= addDaysIso(to, 14); monday = addDaysIso(monday, 7)) {
    const plannedOn = slotDayOfWeek(slot, calendar, monday);
    if (!plannedOn || !isSchoolDay(plannedOn, calendar) || inAny(plannedOn, skips)) continue;
    const exception = exceptions.get(plannedOn);
    if (exception?.kind === "CANCELLED") continue;
    const period = periodOf(slot, calendar, plannedOn);
    // A move stays in its own week or fortnight, on a school day; any other is not applied (the
    // command that records moves refuses it, so this only guards against old or bad rows).
    const moved =
      exception?.kind === "MOVED" && exception.on >= period.startsOn && exception.on <= period.endsOn && isSchoolDay(exception.on, calendar)
        ? exception
        : null;
    const on = moved?.on ?? plannedOn;
    if (on < from || on > to) continue;
    const startTime = moved?.startTime ?? slot.startTime;
    const startsAt = instantAt(on, startTime, calendar.timezone);
    out.push({
      plannedOn,
      on,
      startTime,
      minutes: slot.minutes,
      place: moved?.place ?? slot.place,
      startsAt,
      endsAt: new Date(startsAt.getTime() + slot.minutes * 60_000),
      isMoved: Boolean(moved),
      periodStart: period.startsOn,
      periodEnd: period.endsOn,
    });
  }
  return out.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** True when a session held on `heldOn` satisfies this occurrence: it was held in its week or fortnight. */
export function isSatisfiedBy(occurrence: Occurrence, heldOn: IsoDate): boolean {
  return occurrence.periodStart <= heldOn && heldOn <= occurrence.periodEnd;
}

/**
 * "Next time you meet": the first occurrence not yet over at `now` whose week (or fortnight) has no
 * session logged yet, looking up to a year ahead. The day a session was logged moves nothing.
 */
export function nextOccurrence(
  slot: Slot,
  calendar: SchoolCalendar,
  now: Date,
  options: { skips?: Period[]; exceptions?: Exception[]; heldOn?: IsoDate[] } = {},
): Occurrence | null {
  const today = todayIn(calendar.timezone, now);
  const held = options.heldOn ?? [];
  const upcoming = occurrencesBetween(slot, calendar, addDaysIso(today, -1), addDaysIso(today, 366), options);
  return upcoming.find((o) => o.endsAt > now && !held.some((day) => isSatisfiedBy(o, day))) ?? null;
}
