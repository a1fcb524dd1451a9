import { describe, expect, it } from "vitest";
import {
  academicYearOf,
  currentAcademicYear,
  earliestDay,
  isInRange,
  pairingStartRange,
  pastRange,
  programmeDateRange,
  rangeMessage,
  type CalendarFacts,
} from "./school-calendar";

const year2026 = { startsOn: "2026-09-01", endsOn: "2027-08-31" };
const terms2026 = [
  { startsOn: "2026-09-03", endsOn: "2026-12-18" },
  { startsOn: "2027-01-04", endsOn: "2027-03-26" },
  { startsOn: "2027-04-12", endsOn: "2027-07-21" },
];
const facts = (today: string, extra: Partial<CalendarFacts> = {}): CalendarFacts => ({
  today,
  academicYears: [year2026],
  terms: terms2026,
  ...extra,
});

describe("the school's calendar bounds dates", () => {
  it("finds the current academic year, stored or by the usual 1 September start", () => {
    expect(currentAcademicYear(facts("2026-11-29"))).toEqual(year2026);
    expect(currentAcademicYear(facts("2027-09-10"))).toEqual({ startsOn: "2027-09-01", endsOn: "2028-08-31" });
  });

  it("dates nothing before the school's first academic year", () => {
    expect(earliestDay(facts("2026-11-29", { academicYears: [{ startsOn: "2025-09-01", endsOn: "2026-08-31" }, year2026] }))).toBe(
      "2025-09-01",
    );
    expect(earliestDay(facts("2026-11-29", { academicYears: [] }))).toBe("2026-09-01");
  });

  it("lets sessions and reviews be dated from the first academic year (or a later start) to today", () => {
    expect(pastRange(facts("2026-11-29"))).toEqual({ from: "2026-09-01", to: "2026-11-29" });
    expect(pastRange(facts("2026-11-29"), "2026-10-05")).toEqual({ from: "2026-10-05", to: "2026-11-29" });
    expect(isInRange("1900-01-01", pastRange(facts("2026-11-29")))).toBe(false);
    expect(isInRange("2026-11-30", pastRange(facts("2026-11-29")))).toBe(false);
  });

  it("lets a pairing start within the current academic year, or up to the end of the next term", () => {
    expect(pairingStartRange(facts("2026-11-29"))).toEqual({ from: "2026-09-01", to: "2027-08-31" });
    // In the summer holiday, the next term is next year's autumn term.
    const withNextYear = facts("2027-07-30", { terms: [...terms2026, { startsOn: "2027-09-02", endsOn: "2027-12-17" }] });
    expect(pairingStartRange(withNextYear)).toEqual({ from: "2026-09-01", to: "2027-12-17" });
    expect(pairingStartRange(facts("2027-07-30"))).toEqual({ from: "2026-09-01", to: "2027-12-31" });
    expect(isInRange("2099-01-01", pairingStartRange(facts("2026-11-29")))).toBe(false);
    expect(isInRange("1900-01-01", pairingStartRange(facts("2026-11-29")))).toBe(false);
  });

  it("lets a programme run from the first academic year to the end of the next one", () => {
    expect(programmeDateRange(facts("2026-11-29"))).toEqual({ from: "2026-09-01", to: "2028-08-31" });
    expect(programmeDateRange(facts("2026-11-29", { academicYears: [] }))).toEqual({ from: "2026-09-01", to: "2028-08-31" });
    // A later year already entered by the admin counts too.
    const later = { startsOn: "2028-09-01", endsOn: "2029-08-31" };
    expect(programmeDateRange(facts("2026-11-29", { academicYears: [year2026, later] })).to).toBe("2029-08-31");
  });

  it("finds the academic year holding a day, stored or by the usual 1 September start", () => {
    expect(academicYearOf(facts("2026-11-29"), "2027-03-01")).toEqual(year2026);
    expect(academicYearOf(facts("2026-11-29"), "2027-09-01")).toEqual({ startsOn: "2027-09-01", endsOn: "2028-08-31" });
  });

  it("says the allowed range in the reader's style", () => {
    expect(rangeMessage({ from: "2026-09-01", to: "2027-08-31" }, "staff", "2026-11-29")).toBe(
      "Choose a date from 1 Sep 2026 to 31 Aug 2027.",
    );
    expect(rangeMessage({ from: "2026-11-02", to: "2026-11-29" }, "pupil", "2026-11-29")).toBe(
      "Choose a day from Monday 2 November to today.",
    );
    expect(rangeMessage({ from: "2026-11-29", to: "2026-11-29" }, "pupil", "2026-11-29")).toBe("Choose today.");
  });
});
