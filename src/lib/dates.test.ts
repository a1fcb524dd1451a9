import { addDays, differenceInCalendarDays, format, parseISO } from "date-fns";
import { describe, expect, it } from "vitest";
import {
  addDaysIso,
  daysBetween,
  academicYearAround,
  formatPupilDate,
  formatStaffDate,
  fromDbDate,
  isIsoDate,
  startOfDayInstant,
  toDbDate,
  todayIn,
  weekOf,
  weekdayOf,
} from "./dates";

describe("todayIn", () => {
  it("gives the school's own calendar day across a timezone boundary", () => {
    const lateEvening = new Date("2026-01-15T23:30:00Z");
    expect(todayIn("Europe/London", lateEvening)).toBe("2026-01-15");
    expect(todayIn("Asia/Tokyo", lateEvening)).toBe("2026-01-16");
    expect(todayIn("America/New_York", new Date("2026-01-16T03:00:00Z"))).toBe("2026-01-15");
  });

  it("follows British Summer Time", () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London.
    expect(todayIn("Europe/London", new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
    expect(todayIn("Europe/London", new Date("2026-06-30T22:59:59Z"))).toBe("2026-06-30");
  });
});

describe("weekOf", () => {
  it("runs Monday to Sunday", () => {
    expect(weekOf("2026-11-02")).toEqual({ start: "2026-11-02", end: "2026-11-08" });
    expect(weekOf("2026-11-05")).toEqual({ start: "2026-11-02", end: "2026-11-08" });
    expect(weekOf("2026-11-08")).toEqual({ start: "2026-11-02", end: "2026-11-08" });
  });

  it("crosses a month, a year and a clock change", () => {
    expect(weekOf("2027-01-01")).toEqual({ start: "2026-12-28", end: "2027-01-03" });
    expect(weekOf("2026-03-29")).toEqual({ start: "2026-03-23", end: "2026-03-29" });
    expect(weekOf("2026-10-25")).toEqual({ start: "2026-10-19", end: "2026-10-25" });
  });
});

describe("startOfDayInstant", () => {
  it("is UTC midnight in London in winter", () => {
    expect(startOfDayInstant("2026-01-15", "Europe/London").toISOString()).toBe("2026-01-15T00:00:00.000Z");
  });

  it("is 23:00 UTC the day before in London in summer", () => {
    expect(startOfDayInstant("2026-07-01", "Europe/London").toISOString()).toBe("2026-06-30T23:00:00.000Z");
  });

  it("handles the days the clocks change", () => {
    expect(startOfDayInstant("2026-03-29", "Europe/London").toISOString()).toBe("2026-03-29T00:00:00.000Z");
    expect(startOfDayInstant("2026-10-25", "Europe/London").toISOString()).toBe("2026-10-24T23:00:00.000Z");
  });

  it("works in another timezone", () => {
    expect(startOfDayInstant("2026-01-15", "Asia/Tokyo").toISOString()).toBe("2026-01-14T15:00:00.000Z");
  });
});

describe("calendar-day helpers", () => {
  it("round-trips database dates", () => {
    expect(toDbDate("2026-11-02").toISOString()).toBe("2026-11-02T00:00:00.000Z");
    expect(fromDbDate(toDbDate("2026-11-02"))).toBe("2026-11-02");
    expect(fromDbDate(new Date("2026-11-02T23:30:00Z"))).toBe("2026-11-02");
    expect(() => fromDbDate(new Date(Number.NaN))).toThrow(RangeError);
  });

  it("adds days and counts them across a clock change", () => {
    expect(addDaysIso("2026-03-28", 2)).toBe("2026-03-30");
    expect(addDaysIso("2026-11-02", -7)).toBe("2026-10-26");
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-11-09", "2026-11-02")).toBe(-7);
  });

  it("gives what date-fns gives, day by day from 1995 to 2045 and at the century leap rules, and refuses what it refuses", () => {
    const viaDateFns = (day: string, n: number) => format(addDays(parseISO(day), n), "yyyy-MM-dd");
    const outcome = (run: () => unknown) => {
      try {
        return run();
      } catch (error) {
        return `throws ${(error as Error).message}`;
      }
    };
    // date-fns counts in the process's timezone; where a day never existed there (Samoa skipped 30
    // December 2011) it cannot be the reference, so such days are left out.
    const existsHere = (day: string) => format(parseISO(day), "yyyy-MM-dd") === day;
    const mismatches: string[] = [];
    const days = ["1900-02-28", "1900-03-01", "2100-02-28", "2100-03-01", "1969-12-31", "1970-01-01"];
    for (let t = Date.UTC(1995, 0, 1); t < Date.UTC(2046, 0, 1); t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
    for (const day of days) {
      if (!existsHere(day)) continue;
      for (const n of [-400, -7, -1, 0, 1, 13, 366]) {
        const sum = addDaysIso(day, n);
        if (existsHere(sum) && sum !== viaDateFns(day, n)) mismatches.push(`${day} + ${n}`);
      }
      if (weekdayOf(day) !== ((parseISO(day).getDay() + 6) % 7) + 1) mismatches.push(`weekday of ${day}`);
      if (daysBetween("2020-03-28", day) !== differenceInCalendarDays(parseISO(day), parseISO("2020-03-28")))
        mismatches.push(`days to ${day}`);
    }
    expect(mismatches).toEqual([]);
    for (const odd of ["2026-02-30", "2026-13-01", "2026-1-01", "2026-11-25T10:00", "0099-01-01", "not a day"]) {
      expect(outcome(() => addDaysIso(odd, 1))).toEqual(outcome(() => viaDateFns(odd, 1)));
      expect(outcome(() => daysBetween(odd, "2026-01-01"))).toEqual(
        outcome(() => differenceInCalendarDays(parseISO("2026-01-01"), parseISO(odd))),
      );
    }
    expect(outcome(() => addDaysIso("2026-02-30", 1))).toMatch(/^throws/);
  });

  it("recognises real ISO dates only", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2025-02-29")).toBe(false);
    expect(isIsoDate("2026-1-01")).toBe(false);
  });
});

describe("one date style for staff and one for pupils (ADR 004)", () => {
  it("gives staff the day, short month and year", () => {
    expect(formatStaffDate("2026-12-13")).toBe("13 Dec 2026");
    expect(formatStaffDate(toDbDate("2027-01-04"))).toBe("4 Jan 2027");
  });

  it("gives pupils the weekday and month in full, without the year inside this academic year", () => {
    expect(formatPupilDate("2026-12-13", "2026-11-29")).toBe("Sunday 13 December");
    expect(formatPupilDate(toDbDate("2027-07-20"), "2026-11-29")).toBe("Tuesday 20 July");
    expect(formatPupilDate("2026-09-01", "2027-08-31")).toBe("Tuesday 1 September");
  });

  it("adds the year for pupils when the day is outside this academic year", () => {
    expect(formatPupilDate("2026-08-31", "2026-11-29")).toBe("Monday 31 August 2026");
    expect(formatPupilDate("2027-09-01", "2026-11-29")).toBe("Wednesday 1 September 2027");
  });

  it("knows the academic year around a day", () => {
    expect(academicYearAround("2026-11-29")).toEqual({ startsOn: "2026-09-01", endsOn: "2027-08-31" });
    expect(academicYearAround("2026-08-31")).toEqual({ startsOn: "2025-09-01", endsOn: "2026-08-31" });
  });
});
