import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { academicStartYear, cohortForYearGroup, yearGroupOn } from "./year-group";

describe("academicStartYear", () => {
  it("changes on 1 September", () => {
    expect(academicStartYear("2026-08-31")).toBe(2025);
    expect(academicStartYear("2026-09-01")).toBe(2026);
    expect(academicStartYear("2027-01-01")).toBe(2026);
  });
});

describe("yearGroupOn", () => {
  it("moves a pupil up a year on 1 September, not before", () => {
    // Entered Year 7 in September 2022.
    expect(yearGroupOn(2022, "2022-09-01")).toBe(7);
    expect(yearGroupOn(2022, "2023-08-31")).toBe(7);
    expect(yearGroupOn(2022, "2023-09-01")).toBe(8);
    expect(yearGroupOn(2022, "2026-08-31")).toBe(10);
    expect(yearGroupOn(2022, "2026-09-01")).toBe(11);
  });
});

describe("cohortForYearGroup", () => {
  it("gives the Year 7 entry year around the change of year", () => {
    expect(cohortForYearGroup(7, "2026-08-31")).toBe(2025);
    expect(cohortForYearGroup(7, "2026-09-01")).toBe(2026);
    expect(cohortForYearGroup(10, "2026-11-22")).toBe(2023);
  });

  it("round-trips with yearGroupOn on any day", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 13 }),
        fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }),
        (yearGroup, date) => {
          const day = date.toISOString().slice(0, 10);
          expect(yearGroupOn(cohortForYearGroup(yearGroup, day), day)).toBe(yearGroup);
        },
      ),
    );
  });
});
