// A private calendar feed (issue 8, ADR 017): a pairing's planned sessions as recurring iCalendar
// events that expand to exactly what the engine (src/lib/occurrences.ts) plans over the feed's
// horizon. Pure: the caller loads the schedules and writes the answer.
import { TZDate } from "@date-fns/tz";
import { addMonths, format, parseISO } from "date-fns";
import ical, { ICalEventRepeatingFreq } from "ical-generator";
import { addDaysIso, daysBetween, type IsoDate } from "./dates";
import { instantAt, occurrencesBetween, type Occurrence, type SchoolCalendar } from "./occurrences";
import type { Schedule } from "./pairing-schedule";
import { vtimezone } from "./vtimezone";

/** Every event's title: the feed never names a pupil or says anything else about them. */
export const FEED_SUMMARY = "Mentoring";
export const FEED_NAME = "Mentoring (PeerPath)";
/** How often a calendar app is asked to fetch the feed again. */
const REFRESH_SECONDS = 6 * 3600;

export type FeedHorizon = { from: IsoDate; to: IsoDate };

/** The days a feed covers: from the start of this academic year to 12 months from today. */
export function feedHorizon(today: IsoDate, academicYearStart: IsoDate): FeedHorizon {
  return { from: academicYearStart, to: format(addMonths(parseISO(today), 12), "yyyy-MM-dd") };
}

/** An occurrence held on another day, at another time or in another place than its slot says. */
export type FeedOverride = { plannedOn: IsoDate; on: IsoDate; startTime: string; place: string };

/** One run of the slot's days a fixed number of weeks apart: one recurring event (RRULE). */
export type FeedSeries = {
  uid: string;
  /** DTSTART's day: the run's first occurrence. */
  firstOn: IsoDate;
  /** UNTIL's day: the run's last occurrence. */
  lastOn: IsoDate;
  startTime: string;
  minutes: number;
  place: string;
  intervalWeeks: number;
  /** Days the rule gives that the engine does not: closures, skipped weeks, cancellations. */
  exdates: IsoDate[];
  overrides: FeedOverride[];
};

// A move stays inside its own week or fortnight, so its planned day is at most 13 days from it.
const MOVE_REACH_DAYS = 21;

/** Consecutive days a constant step apart; a new run starts where the step changes (a Week A/B restart). */
function runsOf(days: IsoDate[]): IsoDate[][] {
  const runs: IsoDate[][] = [];
  for (const day of days) {
    const run = runs.at(-1);
    const fits = run && (run.length === 1 || daysBetween(run.at(-2)!, run.at(-1)!) === daysBetween(run.at(-1)!, day));
    if (fits) run.push(day);
    else runs.push([day]);
  }
  return runs;
}

/**
 * The recurring events for one pairing's schedule. The rule's days are the slot's days as if the school
 * never closed (the engine's own answer for an open calendar), so Week A/B and fortnights are the
 * engine's; each day the engine then leaves out is an EXDATE, and each occurrence it moves an override.
 */
export function seriesFor(key: string, schedule: Schedule, calendar: SchoolCalendar, horizon: FeedHorizon): FeedSeries[] {
  const { slot } = schedule;
  if (!slot) return [];
  const held = occurrencesBetween(slot, calendar, horizon.from, horizon.to, { skips: schedule.skips, exceptions: schedule.exceptions });
  const heldByDay = new Map<IsoDate, Occurrence>(held.map((o) => [o.plannedOn, o]));
  const alwaysOpen: SchoolCalendar = { ...calendar, terms: [], closures: [] };
  const ruleDays = occurrencesBetween(slot, alwaysOpen, addDaysIso(horizon.from, -MOVE_REACH_DAYS), addDaysIso(horizon.to, MOVE_REACH_DAYS))
    .map((o) => o.plannedOn)
    .filter((day) => (horizon.from <= day && day <= horizon.to) || heldByDay.has(day));
  const series: FeedSeries[] = [];
  for (const run of runsOf(ruleDays)) {
    const first = run.findIndex((day) => heldByDay.has(day));
    if (first < 0) continue;
    const last = run.findLastIndex((day) => heldByDay.has(day));
    const days = run.slice(first, last + 1);
    const overrides: FeedOverride[] = [];
    for (const day of days) {
      const o = heldByDay.get(day);
      if (o && (o.on !== day || o.startTime !== slot.startTime || o.place !== slot.place))
        overrides.push({ plannedOn: day, on: o.on, startTime: o.startTime, place: o.place });
    }
    series.push({
      uid: `${key}-${run[0]}@peerpath`,
      firstOn: days[0]!,
      lastOn: days.at(-1)!,
      startTime: slot.startTime,
      minutes: slot.minutes,
      place: slot.place,
      intervalWeeks: days.length > 1 ? daysBetween(days[0]!, days[1]!) / 7 : 1,
      exdates: days.filter((day) => !heldByDay.has(day)),
      overrides,
    });
  }
  return series;
}

/**
 * The feed as iCalendar text: one VTIMEZONE for the school's zone, each series a VEVENT with TZID,
 * RRULE (UNTIL in UTC, as RFC 5545 asks when DTSTART has a TZID) and EXDATE, and each override a VEVENT
 * with the series' UID and a RECURRENCE-ID. Titled "Mentoring", with the place: nothing else.
 */
export function writeCalendar(input: { timezone: string; series: FeedSeries[]; horizon: FeedHorizon; now: Date }): string {
  const { timezone, horizon, now } = input;
  // ical-generator writes a date with a time zone from the date's own wall clock: a TZDate in the
  // school's zone, so the server's zone never matters.
  const at = (day: IsoDate, time: string) => new TZDate(instantAt(day, time, timezone).getTime(), timezone);
  const plus = (start: Date, minutes: number) => new TZDate(start.getTime() + minutes * 60_000, timezone);
  const calendar = ical({
    name: FEED_NAME,
    prodId: { company: "PeerPath", product: "Mentoring calendar", language: "EN" },
    ttl: REFRESH_SECONDS,
    // No calendar-wide zone (so DTSTAMP and UNTIL are in UTC); each event names the school's.
    timezone: {
      name: null,
      generator: (tz) => vtimezone(tz, Number(horizon.from.slice(0, 4)), Number(horizon.to.slice(0, 4))),
    },
  });
  for (const s of input.series) {
    const start = at(s.firstOn, s.startTime);
    calendar.createEvent({
      id: s.uid,
      stamp: now,
      start,
      end: plus(start, s.minutes),
      timezone,
      summary: FEED_SUMMARY,
      location: s.place || null,
      repeating: {
        freq: ICalEventRepeatingFreq.WEEKLY,
        ...(s.intervalWeeks > 1 ? { interval: s.intervalWeeks } : {}),
        until: new Date(at(s.lastOn, s.startTime).getTime()),
        ...(s.exdates.length > 0 ? { exclude: s.exdates.map((day) => at(day, s.startTime)) } : {}),
      },
    });
    for (const o of s.overrides) {
      const moved = at(o.on, o.startTime);
      calendar.createEvent({
        id: s.uid,
        stamp: now,
        recurrenceId: at(o.plannedOn, s.startTime),
        start: moved,
        end: plus(moved, s.minutes),
        timezone,
        summary: FEED_SUMMARY,
        location: o.place || null,
      });
    }
  }
  return calendar.toString();
}
