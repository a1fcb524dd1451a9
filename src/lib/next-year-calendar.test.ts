import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDaysIso, weekdayOf } from "./dates";
import { draftNextYearCalendar, earlyMayBankHoliday, easterSunday, springBankHoliday, type DraftPeriod } from "./next-year-calendar";

describe("easterSunday", () => {
  it("gives the known dates", () => {
    expect([2024, 2025, 2026, 2027, 2028, 2029, 2030].map(easterSunday)).toEqual([
      "2024-03-31",
      "2025-04-20",
      "2026-04-05",
      "2027-03-28",
      "2028-04-16",
      "2029-04-01",
      "2030-04-21",
    ]);
    // The earliest and latest possible Easters.
    expect(easterSunday(2285)).toBe("2285-03-22");
    expect(easterSunday(2038)).toBe("2038-04-25");
  });

  it("is always a Sunday from 22 March to 25 April", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2300 }), (year) => {
        const day = easterSunday(year);
        expect(weekdayOf(day)).toBe(7);
        expect(day >= `${year}-03-22` && day <= `${year}-04-25`).toBe(true);
      }),
    );
  });
});

describe("May bank holidays", () => {
  it("are the first and last Mondays of May", () => {
    // 1 May 2027 is a Saturday; 2028 a Monday; 2029 a Tuesday.
    expect([2027, 2028, 2029].map(earlyMayBankHoliday)).toEqual(["2027-05-03", "2028-05-01", "2029-05-07"]);
    // 31 May 2027 is a Monday; 2028 a Wednesday; 2029 a Thursday.
    expect([2026, 2027, 2028, 2029].map(springBankHoliday)).toEqual(["2026-05-25", "2027-05-31", "2028-05-29", "2029-05-28"]);
  });
});

// A real-looking 2026/27 (Easter 28 March 2027: Good Friday 26 March, Easter Monday 29 March).
const year2026 = { name: "2026–27", startYear: 2026, startsOn: "2026-09-01", endsOn: "2027-08-31" };
const p = (kind: DraftPeriod["kind"], name: string, startsOn: string, endsOn = startsOn): DraftPeriod => ({ kind, name, startsOn, endsOn });
const periods2026: DraftPeriod[] = [
  p("INSET", "INSET day", "2026-09-02"),
  p("TERM", "Autumn term", "2026-09-03", "2026-12-18"),
  p("HALF_TERM", "Autumn 1", "2026-09-03", "2026-10-23"),
  p("HOLIDAY", "October half-term", "2026-10-26", "2026-10-30"),
  p("HALF_TERM", "Autumn 2", "2026-11-02", "2026-12-18"),
  p("HOLIDAY", "Christmas holiday", "2026-12-21", "2027-01-01"),
  p("INSET", "INSET day", "2027-01-04"),
  p("TERM", "Spring term", "2027-01-05", "2027-03-25"),
  p("HALF_TERM", "Spring 1", "2027-01-05", "2027-02-12"),
  p("HOLIDAY", "February half-term", "2027-02-15", "2027-02-19"),
  p("HALF_TERM", "Spring 2", "2027-02-22", "2027-03-25"),
  p("HOLIDAY", "Easter holiday", "2027-03-26", "2027-04-09"),
  p("TERM", "Summer term", "2027-04-12", "2027-07-21"),
  p("HALF_TERM", "Summer 1", "2027-04-12", "2027-05-28"),
  p("HOLIDAY", "Early May bank holiday", "2027-05-03"),
  p("HOLIDAY", "May half-term", "2027-05-31", "2027-06-04"),
  p("HALF_TERM", "Summer 2", "2027-06-07", "2027-07-21"),
  p("HOLIDAY", "Summer holiday", "2027-07-22", "2027-08-31"),
];
const row = (kind: DraftPeriod["kind"], name: string, startsOn: string, endsOn: string, how: string, check: boolean) => ({
  kind,
  name,
  startsOn,
  endsOn,
  how,
  check,
});
const strip = (periods: { kind: DraftPeriod["kind"]; name: string; startsOn: string; endsOn: string }[]): DraftPeriod[] =>
  periods.map(({ kind, name, startsOn, endsOn }) => ({ kind, name, startsOn, endsOn }));

describe("draftNextYearCalendar", () => {
  it("drafts 2027/28 from 2026/27 (hand-checked)", () => {
    const draft = draftNextYearCalendar(year2026, periods2026);
    expect(draft.year).toEqual({ name: "2027–28", startYear: 2027, startsOn: "2027-09-01", endsOn: "2028-08-31" });
    // 52 weeks (364 days) back one day to the same weekday: Thu 3 Sep 2026 → Thu 2 Sep 2027; after
    // 29 Feb 2028 two days: Mon 4 Jan 2027 → Mon 3 Jan 2028. Easter moves 28 Mar 2027 → 16 Apr 2028,
    // 385 days (55 weeks): Good Friday 26 Mar 2027 → Good Friday 14 Apr 2028, Fri 9 Apr → Fri 28 Apr;
    // Thu 25 Mar (the day before the holiday) → Thu 13 Apr; Mon 12 Apr (3 days after) → Mon 1 May 2028,
    // which is the early May bank holiday, so the summer term and Summer 1 are flagged. The spring
    // bank holiday moves 31 May 2027 → 29 May 2028 (364 days), so the May half-term and its neighbours'
    // edges move 52 weeks too. The summer holiday still runs to 31 August.
    expect(draft.periods).toEqual([
      row("INSET", "INSET day", "2027-09-01", "2027-09-01", "WEEKDAY", true),
      row("TERM", "Autumn term", "2027-09-02", "2027-12-17", "WEEKDAY", false),
      row("HALF_TERM", "Autumn 1", "2027-09-02", "2027-10-22", "WEEKDAY", false),
      row("HOLIDAY", "October half-term", "2027-10-25", "2027-10-29", "WEEKDAY", false),
      row("HALF_TERM", "Autumn 2", "2027-11-01", "2027-12-17", "WEEKDAY", false),
      row("HOLIDAY", "Christmas holiday", "2027-12-20", "2027-12-31", "WEEKDAY", false),
      row("INSET", "INSET day", "2028-01-03", "2028-01-03", "WEEKDAY", true),
      row("TERM", "Spring term", "2028-01-04", "2028-04-13", "EASTER", false),
      row("HALF_TERM", "Spring 1", "2028-01-04", "2028-02-11", "WEEKDAY", false),
      row("HOLIDAY", "February half-term", "2028-02-14", "2028-02-18", "WEEKDAY", false),
      row("HALF_TERM", "Spring 2", "2028-02-21", "2028-04-13", "EASTER", false),
      row("HOLIDAY", "Easter holiday", "2028-04-14", "2028-04-28", "EASTER", false),
      row("TERM", "Summer term", "2028-05-01", "2028-07-19", "EASTER", true),
      row("HALF_TERM", "Summer 1", "2028-05-01", "2028-05-26", "EASTER", true),
      row("HOLIDAY", "Early May bank holiday", "2028-05-01", "2028-05-01", "BANK_HOLIDAY", false),
      row("HOLIDAY", "May half-term", "2028-05-29", "2028-06-02", "BANK_HOLIDAY", false),
      row("HALF_TERM", "Summer 2", "2028-06-05", "2028-07-19", "BANK_HOLIDAY", false),
      row("HOLIDAY", "Summer holiday", "2028-07-20", "2028-08-31", "WEEKDAY", false),
    ]);
  });

  it("drafts 2028/29 from that draft (hand-checked)", () => {
    const first = draftNextYearCalendar(year2026, periods2026);
    const draft = draftNextYearCalendar(first.year, strip(first.periods));
    expect(draft.year).toEqual({ name: "2028–29", startYear: 2028, startsOn: "2028-09-01", endsOn: "2029-08-31" });
    // 52 weeks after Thu 2 Sep 2027 is Thu 31 Aug 2028, before the new year starts: 53 weeks instead,
    // Thu 7 Sep 2028, five days off the date, so flagged (the INSET day likewise, Wed 1 → Wed 6 Sep).
    // Mon 3 Jan 2028 → Mon 1 Jan 2029 (New Year's Day: INSET days are always flagged). Easter moves
    // 16 Apr 2028 → 1 Apr 2029, 350 days (50 weeks): Thu 13 Apr → Thu 29 Mar, Good Friday 14 Apr →
    // Good Friday 30 Mar, Fri 28 Apr → Fri 13 Apr, Mon 1 May → Mon 16 Apr. Early May: 1 May 2028 →
    // 7 May 2029. Spring bank holiday: 29 May 2028 → 28 May 2029 (364 days).
    expect(draft.periods).toEqual([
      row("INSET", "INSET day", "2028-09-06", "2028-09-06", "WEEKDAY", true),
      row("TERM", "Autumn term", "2028-09-07", "2028-12-15", "WEEKDAY", true),
      row("HALF_TERM", "Autumn 1", "2028-09-07", "2028-10-20", "WEEKDAY", true),
      row("HOLIDAY", "October half-term", "2028-10-23", "2028-10-27", "WEEKDAY", false),
      row("HALF_TERM", "Autumn 2", "2028-10-30", "2028-12-15", "WEEKDAY", false),
      row("HOLIDAY", "Christmas holiday", "2028-12-18", "2028-12-29", "WEEKDAY", false),
      row("INSET", "INSET day", "2029-01-01", "2029-01-01", "WEEKDAY", true),
      row("TERM", "Spring term", "2029-01-02", "2029-03-29", "EASTER", false),
      row("HALF_TERM", "Spring 1", "2029-01-02", "2029-02-09", "WEEKDAY", false),
      row("HOLIDAY", "February half-term", "2029-02-12", "2029-02-16", "WEEKDAY", false),
      row("HALF_TERM", "Spring 2", "2029-02-19", "2029-03-29", "EASTER", false),
      row("HOLIDAY", "Easter holiday", "2029-03-30", "2029-04-13", "EASTER", false),
      row("TERM", "Summer term", "2029-04-16", "2029-07-18", "EASTER", false),
      row("HALF_TERM", "Summer 1", "2029-04-16", "2029-05-25", "EASTER", false),
      row("HOLIDAY", "Early May bank holiday", "2029-05-07", "2029-05-07", "BANK_HOLIDAY", false),
      row("HOLIDAY", "May half-term", "2029-05-28", "2029-06-01", "BANK_HOLIDAY", false),
      row("HALF_TERM", "Summer 2", "2029-06-04", "2029-07-18", "BANK_HOLIDAY", false),
      row("HOLIDAY", "Summer holiday", "2029-07-19", "2029-08-31", "WEEKDAY", false),
    ]);
  });

  it("moves a May half-term with the spring bank holiday when it jumps a week", () => {
    // 25 May 2026 → 31 May 2027 is 371 days: 52 weeks would leave the half-term a week early.
    const year = { name: "2025–26", startYear: 2025, startsOn: "2025-09-01", endsOn: "2026-08-31" };
    const draft = draftNextYearCalendar(year, [
      p("HALF_TERM", "Summer 1", "2026-04-13", "2026-05-22"),
      p("HOLIDAY", "May half-term", "2026-05-25", "2026-05-29"),
      p("HOLIDAY", "Spring bank holiday", "2026-05-25"),
    ]);
    expect(draft.periods.map((x) => [x.startsOn, x.endsOn, x.how])).toEqual([
      ["2027-04-12", "2027-05-28", "BANK_HOLIDAY"],
      ["2027-05-31", "2027-06-04", "BANK_HOLIDAY"],
      ["2027-05-31", "2027-05-31", "BANK_HOLIDAY"],
    ]);
  });

  it("keeps every weekday and flags every INSET day", () => {
    const draft = draftNextYearCalendar(year2026, periods2026);
    draft.periods.forEach((moved, i) => {
      const from = periods2026[i]!;
      if (moved.how === "WEEKDAY" && moved.endsOn !== draft.year.endsOn) expect(weekdayOf(moved.endsOn)).toBe(weekdayOf(from.endsOn));
      if (moved.how !== "BANK_HOLIDAY") expect(weekdayOf(moved.startsOn)).toBe(weekdayOf(from.startsOn));
      if (from.kind === "INSET") expect(moved.check).toBe(true);
    });
  });

  it("keeps an ordinary period within 3 days of its date next year and inside next year", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2020, max: 2060 }),
        fc.integer({ min: 2, max: 360 }),
        fc.integer({ min: 0, max: 4 }),
        (startYear, offset, length) => {
          const year = { name: "", startYear, startsOn: `${startYear}-09-01`, endsOn: `${startYear + 1}-08-31` };
          const startsOn = addDaysIso(year.startsOn, offset);
          const [moved] = draftNextYearCalendar(year, [p("INSET", "INSET day", startsOn, addDaysIso(startsOn, length))]).periods;
          expect(moved!.startsOn >= `${startYear + 1}-09-01` && moved!.endsOn <= `${startYear + 2}-08-31`).toBe(true);
          expect(weekdayOf(moved!.startsOn)).toBe(weekdayOf(startsOn));
        },
      ),
    );
  });
});
