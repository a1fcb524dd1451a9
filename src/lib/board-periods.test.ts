// Board windows on England's usual 2026–27 calendar (as src/server/factories.ts builds it): Autumn 1
// ends Friday 23 October, October half-term, Autumn 2 from Monday 2 November; Christmas; Spring 1.
import { describe, expect, it } from "vitest";
import {
  BOARD_PERIOD_LABELS,
  boardWindow,
  previousBoardWindow,
  sameLengthWindow,
  windowInstants,
  type BoardCalendar,
} from "./board-periods";

const year = { startsOn: "2026-09-01", endsOn: "2027-08-31" };
const lastYear = { startsOn: "2025-09-01", endsOn: "2026-08-31" };
const terms = [
  { startsOn: "2026-09-03", endsOn: "2026-12-18" },
  { startsOn: "2027-01-04", endsOn: "2027-03-26" },
  { startsOn: "2027-04-12", endsOn: "2027-07-21" },
];
const halfTerms = [
  { startsOn: "2026-09-03", endsOn: "2026-10-23" },
  { startsOn: "2026-11-02", endsOn: "2026-12-18" },
  { startsOn: "2027-01-04", endsOn: "2027-02-12" },
  { startsOn: "2027-02-22", endsOn: "2027-03-26" },
  { startsOn: "2027-04-12", endsOn: "2027-05-21" },
  { startsOn: "2027-06-01", endsOn: "2027-07-21" },
];
const calendar = (today: string, extra: Partial<BoardCalendar> = {}): BoardCalendar => ({
  today,
  halfTerms,
  terms,
  academicYears: [lastYear, year],
  ...extra,
});
const noCalendar = (today: string): BoardCalendar => ({ today, halfTerms: [], terms: [], academicYears: [] });
const span = (w: { from: string | null; to: string; label: string } | null) => w && [w.from, w.to, w.label];

describe("a week's board", () => {
  it("runs from Monday to today", () => {
    // Wednesday 25 November 2026.
    expect(boardWindow("WEEK", calendar("2026-11-25"))).toEqual({
      period: "WEEK",
      from: "2026-11-23",
      to: "2026-11-25",
      label: "This week",
    });
  });

  it("on a Monday, is that Monday alone", () => {
    expect(span(boardWindow("WEEK", calendar("2026-11-23")))).toEqual(["2026-11-23", "2026-11-23", "This week"]);
  });

  it("on a Sunday, is the whole week that began on the Monday before", () => {
    expect(span(boardWindow("WEEK", calendar("2026-11-29")))).toEqual(["2026-11-23", "2026-11-29", "This week"]);
  });

  it("is the same in a holiday and with no calendar at all", () => {
    expect(span(boardWindow("WEEK", calendar("2026-10-28")))).toEqual(["2026-10-26", "2026-10-28", "This week"]);
    expect(span(boardWindow("WEEK", noCalendar("2026-10-28")))).toEqual(["2026-10-26", "2026-10-28", "This week"]);
  });

  it("compares with the whole week before, Monday to Sunday", () => {
    const c = calendar("2026-11-25");
    const previous = previousBoardWindow(boardWindow("WEEK", c), c);
    expect(previous).toEqual({ period: "WEEK", from: "2026-11-16", to: "2026-11-22", label: "Last week" });
    expect(span(previousBoardWindow(previous!, c))).toEqual(["2026-11-09", "2026-11-15", "The week before"]);
  });

  it("on a Monday, compares with the week that ended the day before", () => {
    const c = calendar("2026-11-02");
    expect(span(previousBoardWindow(boardWindow("WEEK", c), c))).toEqual(["2026-10-26", "2026-11-01", "Last week"]);
  });
});

describe("a half-term's board", () => {
  it("covers the half-term holding today, up to today", () => {
    expect(boardWindow("HALF_TERM", calendar("2026-11-25"))).toEqual({
      period: "HALF_TERM",
      from: "2026-11-02",
      to: "2026-11-25",
      label: "This half-term",
    });
  });

  it("on a half-term's first and last days, is that half-term", () => {
    expect(span(boardWindow("HALF_TERM", calendar("2026-11-02")))).toEqual(["2026-11-02", "2026-11-02", "This half-term"]);
    expect(span(boardWindow("HALF_TERM", calendar("2026-10-23")))).toEqual(["2026-09-03", "2026-10-23", "This half-term"]);
  });

  it("in the October holiday, and its weekends, shows the half-term that just ended", () => {
    for (const today of ["2026-10-24", "2026-10-28", "2026-11-01"]) {
      expect(span(boardWindow("HALF_TERM", calendar(today)))).toEqual(["2026-09-03", "2026-10-23", "Last half-term"]);
    }
  });

  it("over Christmas and in the summer holiday, shows the half-term that just ended", () => {
    expect(span(boardWindow("HALF_TERM", calendar("2027-01-01")))).toEqual(["2026-11-02", "2026-12-18", "Last half-term"]);
    expect(span(boardWindow("HALF_TERM", calendar("2027-08-20")))).toEqual(["2027-06-01", "2027-07-21", "Last half-term"]);
  });

  it("compares with the half-term before, across a holiday", () => {
    const c = calendar("2026-11-25");
    const previous = previousBoardWindow(boardWindow("HALF_TERM", c), c);
    expect(previous).toEqual({ period: "HALF_TERM", from: "2026-09-03", to: "2026-10-23", label: "Last half-term" });
    expect(previousBoardWindow(previous!, c)).toBeNull();
  });

  it("in a holiday, compares the half-term that just ended with the one before it", () => {
    const c = calendar("2027-02-16");
    const w = boardWindow("HALF_TERM", c);
    expect(span(w)).toEqual(["2027-01-04", "2027-02-12", "Last half-term"]);
    expect(span(previousBoardWindow(w, c))).toEqual(["2026-11-02", "2026-12-18", "The half-term before"]);
  });

  it("compares the first half-term of the year with last summer's, when the school entered it", () => {
    const c = calendar("2026-09-10", { halfTerms: [{ startsOn: "2026-06-01", endsOn: "2026-07-21" }, ...halfTerms] });
    expect(span(previousBoardWindow(boardWindow("HALF_TERM", c), c))).toEqual(["2026-06-01", "2026-07-21", "Last half-term"]);
  });

  it("uses the term when the school has entered terms but no half-terms", () => {
    const c = calendar("2027-01-20", { halfTerms: [] });
    const w = boardWindow("HALF_TERM", c);
    expect(span(w)).toEqual(["2027-01-04", "2027-01-20", "This term"]);
    expect(span(previousBoardWindow(w, c))).toEqual(["2026-09-03", "2026-12-18", "Last term"]);
    expect(span(boardWindow("HALF_TERM", calendar("2027-04-01", { halfTerms: [] })))).toEqual(["2027-01-04", "2027-03-26", "Last term"]);
  });

  it("starts a new school year afresh: before its first half-term, last summer is not shown", () => {
    const c = calendar("2027-09-02", { academicYears: [year, { startsOn: "2027-09-01", endsOn: "2028-08-31" }] });
    expect(span(boardWindow("HALF_TERM", c))).toEqual(["2027-09-01", "2027-09-02", "This school year"]);
  });

  it("with no calendar, is the school year from 1 September, compared with the year before", () => {
    const c = noCalendar("2026-11-25");
    const w = boardWindow("HALF_TERM", c);
    expect(w).toEqual({ period: "HALF_TERM", from: "2026-09-01", to: "2026-11-25", label: "This school year" });
    expect(span(previousBoardWindow(w, c))).toEqual(["2025-09-01", "2026-08-31", "Last school year"]);
  });

  it("never reaches past today", () => {
    for (const today of ["2026-09-03", "2026-10-25", "2026-12-31", "2027-03-01", "2027-08-31"]) {
      for (const c of [calendar(today), noCalendar(today), calendar(today, { halfTerms: [] })]) {
        const w = boardWindow("HALF_TERM", c);
        expect(w.to <= today && w.from! <= w.to).toBe(true);
      }
    }
  });
});

describe("the all-time board", () => {
  it("has no first day and ends today", () => {
    const c = calendar("2026-11-25");
    expect(boardWindow("ALL_TIME", c)).toEqual({ period: "ALL_TIME", from: null, to: "2026-11-25", label: "All time" });
    expect(previousBoardWindow(boardWindow("ALL_TIME", c), c)).toBeNull();
  });

  it("names every period plainly", () => {
    expect(BOARD_PERIOD_LABELS).toEqual({ WEEK: "This week", HALF_TERM: "This half-term", ALL_TIME: "All time" });
  });
});

describe("windowInstants", () => {
  it("runs from the start of the first day to the start of the day after the last, in the school's timezone", () => {
    // British Summer Time ends on Sunday 25 October 2026.
    const w = { period: "WEEK" as const, from: "2026-10-19", to: "2026-10-25", label: "Last week" };
    expect(windowInstants(w, "Europe/London")).toEqual({ gte: new Date("2026-10-18T23:00:00Z"), lt: new Date("2026-10-26T00:00:00Z") });
  });

  it("has no start for all time (so a query never passes `gte: undefined`)", () => {
    const instants = windowInstants({ period: "ALL_TIME", from: null, to: "2026-11-25", label: "All time" }, "Europe/London");
    expect(instants).toEqual({ lt: new Date("2026-11-26T00:00:00Z") });
    expect("gte" in instants).toBe(false);
  });
});

describe("sameLengthWindow", () => {
  const w = (from: string, to: string) => ({ period: "WEEK" as const, from, to, label: "x" });
  it("cuts the window before to as many days as the current one has run", () => {
    // Wednesday 18 November so far (Monday to Wednesday) against Monday to Wednesday the week before.
    expect(sameLengthWindow(w("2026-11-09", "2026-11-15"), w("2026-11-16", "2026-11-18"))).toMatchObject({
      from: "2026-11-09",
      to: "2026-11-11",
    });
    // A whole current week compares with the whole week before; a longer current span never stretches the one before.
    expect(sameLengthWindow(w("2026-11-09", "2026-11-15"), w("2026-11-16", "2026-11-22"))).toMatchObject({ to: "2026-11-15" });
    expect(sameLengthWindow(w("2026-09-01", "2026-09-10"), w("2026-11-02", "2026-12-18"))).toMatchObject({ to: "2026-09-10" });
    expect(sameLengthWindow({ ...w("x", "y"), from: null }, w("2026-11-16", "2026-11-18"))).toMatchObject({ from: null, to: "y" });
  });
});
