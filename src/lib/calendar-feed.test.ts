// The feed equals the engine (ADR 017): on a fixed school year (Europe/London) with an October
// half-term just after the clocks go back, a May bank holiday, a Week A/B timetable that restarts
// after Christmas, a skipped week, a cancellation and moves, every slot's feed, read back by an
// independent parser (ical.js) and expanded, gives exactly the engine's occurrences: same instants,
// same lengths, same places.
import { afterEach, describe, expect, it } from "vitest";
import { feedHorizon, seriesFor, writeCalendar, FEED_SUMMARY } from "./calendar-feed";
import { occurrencesBetween, type Exception, type SchoolCalendar, type Slot } from "./occurrences";
import type { Schedule } from "./pairing-schedule";
import type { Period } from "./planned-sessions";
import { expandFeed } from "@/test-support/ical";

const calendar: SchoolCalendar = {
  timezone: "Europe/London",
  terms: [
    { startsOn: "2026-09-02", endsOn: "2026-12-18" },
    { startsOn: "2027-01-05", endsOn: "2027-03-26" },
    { startsOn: "2027-04-12", endsOn: "2027-07-21" },
    { startsOn: "2027-09-02", endsOn: "2027-12-17" },
  ],
  closures: [
    { startsOn: "2026-09-02", endsOn: "2026-09-03" }, // INSET days
    { startsOn: "2026-10-26", endsOn: "2026-10-30" }, // half-term, the day after the clocks go back (25 Oct)
    { startsOn: "2027-02-15", endsOn: "2027-02-19" }, // half-term
    { startsOn: "2027-05-03", endsOn: "2027-05-03" }, // early May bank holiday (a Monday)
    { startsOn: "2027-05-31", endsOn: "2027-06-04" }, // half-term
  ],
  // Week A from 7 September, and again from 4 January: the pattern restarts after Christmas.
  weekAStarts: ["2026-09-07", "2027-01-04"],
};

const today = "2026-11-02";
const horizon = feedHorizon(today, "2026-09-01");

const weekly: Slot = { weekday: 3, startTime: "12:30", minutes: 20, place: "Library", cadence: "WEEKLY", startsOn: "2026-09-01" };
const mondayWeekB: Slot = {
  weekday: 1,
  startTime: "10:40",
  minutes: 20,
  place: "Room 12",
  cadence: "FORTNIGHTLY",
  week: "B",
  startsOn: "2026-09-01",
};
const fridayFortnight: Slot = {
  weekday: 5,
  startTime: "15:20",
  minutes: 30,
  place: "",
  cadence: "FORTNIGHTLY",
  startsOn: "2026-09-16",
  endsOn: "2027-05-14",
};

const mocks: Period[] = [{ startsOn: "2027-01-11", endsOn: "2027-01-15" }];
const changes: Exception[] = [
  { kind: "CANCELLED", originalOn: "2026-11-11", reason: "Trip" },
  // In the week before half-term (BST) to the Friday, at break, in another room.
  { kind: "MOVED", originalOn: "2026-10-21", on: "2026-10-23", startTime: "10:40", place: "Room 4", reason: "Assembly" },
  // Same day, another place only.
  { kind: "MOVED", originalOn: "2026-12-02", on: "2026-12-02", place: "Hall", reason: "Library closed" },
];

function schedule(slot: Slot, options: { skips?: Period[]; exceptions?: Exception[] } = {}): Schedule {
  return { slot, slotName: "Lunch", skips: options.skips ?? [], exceptions: options.exceptions ?? [] };
}

/** What the engine plans over the horizon, as instants. */
function engine(s: Schedule) {
  return occurrencesBetween(s.slot!, calendar, horizon.from, horizon.to, { skips: s.skips, exceptions: s.exceptions }).map((o) => ({
    start: o.startsAt.toISOString(),
    end: o.endsAt.toISOString(),
    location: o.place || null,
  }));
}

function feed(s: Schedule) {
  const text = writeCalendar({
    timezone: calendar.timezone,
    series: seriesFor("pairing-1", s, calendar, horizon),
    horizon,
    now: new Date("2026-11-02T09:00:00Z"),
  });
  return { text, events: expandFeed(text) };
}

const CASES: [string, Schedule][] = [
  ["a weekly slot with a skipped week, a cancellation and moves", schedule(weekly, { skips: mocks, exceptions: changes })],
  ["a Week B fortnightly slot across the timetable's restart and a bank holiday", schedule(mondayWeekB)],
  ["a fortnightly slot counted from a midweek start, ending in May", schedule(fridayFortnight)],
];

describe("the calendar feed equals the engine over its horizon", () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it("covers this academic year and the next 12 months", () => {
    expect(horizon).toEqual({ from: "2026-09-01", to: "2027-11-02" });
  });

  for (const [name, s] of CASES) {
    it(name, () => {
      const planned = engine(s);
      expect(planned.length).toBeGreaterThan(10);
      const { events } = feed(s);
      expect(events.map(({ start, end, location }) => ({ start, end, location }))).toEqual(planned);
      expect(new Set(events.map((e) => e.summary))).toEqual(new Set([FEED_SUMMARY]));
    });
  }

  it("whatever time zone the server runs in", () => {
    const s = CASES[0]![1];
    const inLondon = feed(s).text;
    process.env.TZ = "America/Los_Angeles";
    const elsewhere = feed(s);
    expect(elsewhere.text).toBe(inLondon);
    expect(elsewhere.events.map((e) => e.start)).toEqual(engine(s).map((o) => o.start));
  });
});

describe("the feed's shape", () => {
  it("keeps 12:30 at 12:30 across the October clock change, and drops half-term and the cancellation by EXDATE", () => {
    const s = schedule(weekly, { skips: mocks, exceptions: changes });
    const { text, events } = feed(s);
    const starts = events.map((e) => e.start);
    expect(starts).toContain("2026-10-14T11:30:00.000Z"); // 12:30 BST
    expect(starts).toContain("2026-11-04T12:30:00.000Z"); // 12:30 GMT
    expect(starts).not.toContain("2026-10-28T12:30:00.000Z"); // half-term
    expect(starts).not.toContain("2026-11-11T12:30:00.000Z"); // cancelled
    expect(starts).toContain("2026-10-23T09:40:00.000Z"); // moved to Friday break, BST
    const unfolded = text.replace(/\r\n /g, "");
    expect(unfolded).toContain("DTSTART;TZID=Europe/London:20260909T123000");
    expect(unfolded).toMatch(/RRULE:FREQ=WEEKLY;UNTIL=2027\d{4}T\d{6}Z\r\n/);
    expect(unfolded).toMatch(/EXDATE;TZID=Europe\/London:[^\r]*20261028T123000[^\r]*20261111T123000/);
    expect(unfolded).toContain("RECURRENCE-ID;TZID=Europe/London:20261021T123000");
    expect(unfolded).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Europe\/London\r\n/);
    expect(unfolded).toContain("BEGIN:STANDARD\r\nDTSTART:20261025T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000");
  });

  it("starts a new series where the Week A/B pattern restarts, each with INTERVAL=2", () => {
    const series = seriesFor("pairing-1", schedule(mondayWeekB), calendar, horizon);
    expect(series.length).toBeGreaterThan(1);
    expect(new Set(series.map((s) => s.intervalWeeks))).toEqual(new Set([2]));
    // Week B on 7 December, then (21 December being a holiday) the restart makes 4 January Week A
    // again, so the next Week B Monday is three weeks on: a series of its own.
    expect(series.map((s) => s.firstOn)).toEqual(["2026-09-14", "2027-01-11"]);
    expect(series[0]!.lastOn).toBe("2026-12-07");
    expect(series[1]!.exdates).toContain("2027-05-03"); // the bank holiday falls on a Week B Monday
    const text = feed(schedule(mondayWeekB)).text.replace(/\r\n /g, "");
    expect(text).toMatch(/RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=\d{8}T\d{6}Z/);
  });

  it("has no events for a pairing without a slot, and never says more than the title and the place", () => {
    expect(seriesFor("pairing-1", { slot: null, slotName: null, skips: [], exceptions: [] }, calendar, horizon)).toEqual([]);
    const text = feed(schedule(weekly, { exceptions: changes })).text;
    const properties = new Set(text.split("\r\n").map((line) => line.split(/[:;]/)[0]));
    for (const p of ["DESCRIPTION", "ATTENDEE", "ORGANIZER", "URL", "COMMENT", "CONTACT"]) expect(properties).not.toContain(p);
    expect(text).not.toMatch(/Trip|Assembly|Library closed/); // the reasons stay in PeerPath
  });
});
