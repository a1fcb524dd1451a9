import type { IsoDate } from "./dates";

// England's school year starts on 1 September. A pupil's year group is derived from the year they
// entered Year 7 (their cohort), so it never goes stale in September (ADR 004).
export function academicStartYear(day: IsoDate): number {
  const [year, month] = day.split("-").map(Number) as [number, number];
  return month >= 9 ? year : year - 1;
}

export function yearGroupOn(cohortYear: number, day: IsoDate): number {
  return academicStartYear(day) - cohortYear + 7;
}

/** The cohort (Year 7 entry year) of a pupil who is in `yearGroup` on `day`. */
export function cohortForYearGroup(yearGroup: number, day: IsoDate): number {
  return academicStartYear(day) - yearGroup + 7;
}
