// Planned sessions on a fixed school year (Europe/London): an INSET start, an October half-term across
// the clock change, a skipped mocks week for one year group, a May bank holiday and half-term, Week A/B.
import { describe, expect, it } from "vitest";
import {
  isSatisfiedBy,
  isSchoolDay,
  nextOccurrence,
  occurrencesBetween,
  periodOf,
  weekLetter,
  type SchoolCalendar,
  type Slot,
} from "./occurrences";

const calendar: SchoolCalendar = {
  timezone: "Europe/London",
  terms: [
    { startsOn: "2026-09-02", endsOn: "2026-12-18" },
    { startsOn: "2027-01-05", endsOn: "2027-03-26" },
    { startsOn: "2027-04-12", endsOn: "2027-07-21" },
  ],
  closures: [
    { startsOn: "2026-09-02", endsOn: "2026-09-03" }, // INSET days
    { startsOn: "2026-10-26", endsOn: "2026-10-30" }, // half-term, after the clocks go back on 25 Oct
    { startsOn: "2027-05-03", endsOn: "2027-05-03" }, // early May bank holiday
    { startsOn: "2027-05-31", endsOn: "2027-06-04" }, // half-term
  ],
  weekAStarts: ["2026-09-07"],
};

const wednesdayLunch: Slot = {
  weekday: 3,
  startTime: "12:30",
  minutes: 20,
  place: "Library",
  cadence: "WEEKLY",
  startsOn: "2026-09-01",
};
const days = (list: { on: string }[]) => list.map((o) => o.on);

describe("the school's days", () => {
  it("are weekdays inside a term and outside every closure", () => {
    expect(isSchoolDay("2026-09-02", calendar)).toBe(false); // INSET
    expect(isSchoolDay("2026-09-04", calendar)).toBe(true);
    expect(isSchoolDay("2026-09-05", calendar)).toBe(false); // Saturday
    expect(isSchoolDay("2026-10-28", calendar)).toBe(false); // half-term
    expect(isSchoolDay("2026-12-21", calendar)).toBe(false); // after the term
    expect(isSchoolDay("2027-05-03", calendar)).toBe(false); // bank holiday
  });

  it("alternate Week A and B from the latest anchor", () => {
    expect(["2026-09-07", "2026-09-14", "2026-09-21", "2026-11-09"].map((m) => weekLetter(m, calendar))).toEqual(["A", "B", "A", "B"]);
    const restarted = { ...calendar, weekAStarts: ["2026-09-07", "2026-11-09"] };
    expect(["2026-11-02", "2026-11-09", "2026-11-16"].map((m) => weekLetter(m, restarted))).toEqual(["A", "A", "B"]);
    expect(weekLetter("2026-11-09", { ...calendar, weekAStarts: [] })).toBeNull();
  });
});

describe("occurrences of a weekly slot", () => {
  it("fall on the slot's day each school week, none in half-term, at school time across the clock change", () => {
    const list = occurrencesBetween(wednesdayLunch, calendar, "2026-10-01", "2026-11-30");
    expect(days(list)).toEqual(["2026-10-07", "2026-10-14", "2026-10-21", "2026-11-04", "2026-11-11", "2026-11-18", "2026-11-25"]);
    const at = (day: string) => list.find((o) => o.on === day)!.startsAt.toISOString();
    expect(at("2026-10-21")).toBe("2026-10-21T11:30:00.000Z"); // 12:30 BST
    expect(at("2026-11-04")).toBe("2026-11-04T12:30:00.000Z"); // 12:30 GMT
    expect(list[0]).toMatchObject({ startTime: "12:30", minutes: 20, place: "Library", isMoved: false });
    expect(list[0]!.endsAt.getTime() - list[0]!.startsAt.getTime()).toBe(20 * 60_000);
  });

  it("skip INSET days, a bank holiday, half-term and the days before the pairing began", () => {
    expect(days(occurrencesBetween(wednesdayLunch, calendar, "2026-09-01", "2026-09-20"))).toEqual(["2026-09-09", "2026-09-16"]);
    const monday: Slot = { ...wednesdayLunch, weekday: 1, startsOn: "2027-04-20" };
    expect(days(occurrencesBetween(monday, calendar, "2027-04-12", "2027-06-14"))).toEqual([
      "2027-04-26",
      "2027-05-10",
      "2027-05-17",
      "2027-05-24",
      "2027-06-07",
      "2027-06-14",
    ]);
  });

  it("skip a week set aside for one year group when the caller passes it (Year 11 mocks)", () => {
    const mocks = [{ startsOn: "2026-11-30", endsOn: "2026-12-04" }];
    expect(days(occurrencesBetween(wednesdayLunch, calendar, "2026-11-23", "2026-12-11"))).toEqual([
      "2026-11-25",
      "2026-12-02",
      "2026-12-09",
    ]);
    expect(days(occurrencesBetween(wednesdayLunch, calendar, "2026-11-23", "2026-12-11", { skips: mocks }))).toEqual([
      "2026-11-25",
      "2026-12-09",
    ]);
  });

  it("apply a move (another day, time and place, same week) and a cancellation", () => {
    const list = occurrencesBetween(wednesdayLunch, calendar, "2026-11-16", "2026-11-29", {
      exceptions: [
        { kind: "MOVED", originalOn: "2026-11-18", on: "2026-11-19", startTime: "13:00", place: "Hall", reason: "Library closed" },
        { kind: "CANCELLED", originalOn: "2026-11-25", reason: "School trip" },
      ],
    });
    expect(list).toEqual([
      expect.objectContaining({
        plannedOn: "2026-11-18",
        on: "2026-11-19",
        startTime: "13:00",
        place: "Hall",
        isMoved: true,
        periodStart: "2026-11-16",
      }),
    ]);
    expect(list[0]!.startsAt.toISOString()).toBe("2026-11-19T13:00:00.000Z");
  });

  it("keep a move inside its own week on a school day: a move anywhere else is not applied", () => {
    const moves = (on: string) =>
      occurrencesBetween(wednesdayLunch, calendar, "2026-11-16", "2026-11-29", {
        exceptions: [{ kind: "MOVED", originalOn: "2026-11-18", on, reason: "Test" }],
      }).map((o) => [o.on, o.isMoved]);
    expect(moves("2026-11-23")).toEqual([
      ["2026-11-18", false],
      ["2026-11-25", false],
    ]); // into next week
    expect(moves("2026-11-21")).toEqual([
      ["2026-11-18", false],
      ["2026-11-25", false],
    ]); // a Saturday
    expect(moves("2026-11-16")).toEqual([
      ["2026-11-16", true],
      ["2026-11-25", false],
    ]);
  });

  it("plan on every weekday but closures for a school that has entered no terms yet", () => {
    const noTerms = { ...calendar, terms: [] };
    expect(days(occurrencesBetween(wednesdayLunch, noTerms, "2026-12-14", "2027-01-08"))).toEqual([
      "2026-12-16",
      "2026-12-23",
      "2026-12-30",
      "2027-01-06",
    ]);
  });
});

describe("occurrences of a fortnightly slot", () => {
  it("follow Week A/B when the slot names a week, across half-term", () => {
    const weekB: Slot = { ...wednesdayLunch, cadence: "FORTNIGHTLY", week: "B" };
    expect(days(occurrencesBetween(weekB, calendar, "2026-09-01", "2026-11-20"))).toEqual([
      "2026-09-16",
      "2026-09-30",
      "2026-10-14",
      // 28 Oct is Week B but half-term.
      "2026-11-11",
    ]);
    const restarted = { ...calendar, weekAStarts: ["2026-09-07", "2026-11-09"] };
    expect(days(occurrencesBetween(weekB, restarted, "2026-11-01", "2026-12-04"))).toEqual(["2026-11-18", "2026-12-02"]);
    // Where the pattern restarts (2 Nov is Week A, and so is 9 Nov), periods shorten instead of overlapping.
    const weekA: Slot = { ...wednesdayLunch, cadence: "FORTNIGHTLY", week: "A" };
    const [fourth, eleventh] = occurrencesBetween(weekA, restarted, "2026-11-02", "2026-11-13");
    expect([fourth?.on, eleventh?.on]).toEqual(["2026-11-04", "2026-11-11"]);
    expect([fourth!.periodStart, fourth!.periodEnd, eleventh!.periodStart, eleventh!.periodEnd]).toEqual([
      "2026-11-02",
      "2026-11-08",
      "2026-11-09",
      "2026-11-22",
    ]);
    expect(isSatisfiedBy(fourth!, "2026-11-10")).toBe(false);
    expect(isSatisfiedBy(eleventh!, "2026-11-10")).toBe(true);
    // A Week B slot across that restart: its period runs on to the next Week B.
    expect(periodOf(weekB, restarted, "2026-11-10")).toEqual({ startsOn: "2026-10-26", endsOn: "2026-11-15" });
    expect(periodOf(weekB, calendar, "2026-11-13")).toEqual({ startsOn: "2026-11-09", endsOn: "2026-11-22" });
  });

  it("count from the pairing's first week when the school has no Week A/B", () => {
    const fortnightly: Slot = { ...wednesdayLunch, cadence: "FORTNIGHTLY", startsOn: "2026-11-04" };
    expect(days(occurrencesBetween(fortnightly, { ...calendar, weekAStarts: [] }, "2026-11-01", "2026-12-18"))).toEqual([
      "2026-11-04",
      "2026-11-18",
      "2026-12-02",
      "2026-12-16",
    ]);
  });
});

describe("a logged session and the next time you meet", () => {
  const mondayLunch: Slot = { ...wednesdayLunch, weekday: 1 };

  it("after a Sunday log, the next meeting is still Monday's, not a week later", () => {
    const sundayEvening = new Date("2026-11-29T18:00:00Z");
    const withoutLog = nextOccurrence(mondayLunch, calendar, sundayEvening);
    const afterSundayLog = nextOccurrence(mondayLunch, calendar, sundayEvening, { heldOn: ["2026-11-29"] });
    expect(withoutLog?.on).toBe("2026-11-30");
    expect(afterSundayLog).toMatchObject({ on: "2026-11-30", startTime: "12:30", place: "Library" });
  });

  it("a Thursday log satisfies that week's Wednesday slot, and a Monday log hides this week's still-coming one", () => {
    const [wednesday] = occurrencesBetween(wednesdayLunch, calendar, "2026-11-25", "2026-11-25");
    expect(isSatisfiedBy(wednesday!, "2026-11-26")).toBe(true);
    expect(isSatisfiedBy(wednesday!, "2026-11-30")).toBe(false);
    const mondayMorning = new Date("2026-11-23T09:00:00Z");
    expect(nextOccurrence(wednesdayLunch, calendar, mondayMorning)?.on).toBe("2026-11-25");
    expect(nextOccurrence(wednesdayLunch, calendar, mondayMorning, { heldOn: ["2026-11-23"] })?.on).toBe("2026-12-02");
  });

  it("is the meeting under way until it ends, then the next one, and skips holidays to the next term", () => {
    expect(nextOccurrence(wednesdayLunch, calendar, new Date("2026-11-25T12:40:00Z"))?.on).toBe("2026-11-25");
    expect(nextOccurrence(wednesdayLunch, calendar, new Date("2026-11-25T12:51:00Z"))?.on).toBe("2026-12-02");
    expect(nextOccurrence(wednesdayLunch, calendar, new Date("2026-12-17T10:00:00Z"))?.on).toBe("2027-01-06");
    expect(nextOccurrence({ ...wednesdayLunch, endsOn: "2026-12-01" }, calendar, new Date("2026-11-26T10:00:00Z"))).toBeNull();
  });
});
