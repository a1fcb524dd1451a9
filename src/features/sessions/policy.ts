import { addDaysIso, weekOf, type IsoDate } from "@/lib/dates";
import { isSchoolDay, type SchoolCalendar } from "@/lib/occurrences";

// How long a session log stays open to its author (issue 8): after that it is locked, and every earlier
// version of an edited log is kept for the DSL and the coordinator.
export const EDIT_WINDOW_DAYS = 7;

export function isEditable(loggedAt: Date, now: Date): boolean {
  return now.getTime() - loggedAt.getTime() < EDIT_WINDOW_DAYS * 24 * 60 * 60 * 1000;
}

/**
 * A week with no school day (a holiday) neither counts nor breaks a run. The run counts back from the
 * latest week with a session, as long as it is this week or last week.
 */
export function weeksInARow(heldOn: IsoDate[], today: IsoDate, calendar: SchoolCalendar): number {
  const weeks = new Set(heldOn.map((d) => weekOf(d).start));
  const hasSchoolDay = (monday: IsoDate) => [0, 1, 2, 3, 4].some((i) => isSchoolDay(addDaysIso(monday, i), calendar));
  let monday = weekOf(today).start;
  if (!weeks.has(monday)) monday = addDaysIso(monday, -7);
  let run = 0;
  for (let guard = 0; guard < 104; guard += 1, monday = addDaysIso(monday, -7)) {
    if (weeks.has(monday)) run += 1;
    else if (hasSchoolDay(monday)) break;
  }
  return run;
}
