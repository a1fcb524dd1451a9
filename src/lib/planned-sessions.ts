import { LIVE_STATUSES } from "@/features/pairings/status";
import { addDaysIso, daysBetween, weekOf, type IsoDate } from "./dates";

export type Period = { startsOn: IsoDate; endsOn: IsoDate };

/** True when every school day (Mon–Fri) of the week starting `monday` falls in a holiday. */
export function isHolidayWeek(monday: IsoDate, holidays: Period[]): boolean {
  for (let offset = 0; offset < 5; offset += 1) {
    const day = addDaysIso(monday, offset);
    if (!holidays.some((h) => h.startsOn <= day && day <= h.endsOn)) return false;
  }
  return true;
}

/**
 * Sessions planned in the week starting `monday`: one per TRIAL or ACTIVE pairing per cadence
 * (weekly, or every other week counted from the pairing's start), none in a holiday week.
 */
export function plannedSessionsInWeek(
  monday: IsoDate,
  pairings: { status: string; startsOn: IsoDate }[],
  cadence: "WEEKLY" | "FORTNIGHTLY",
  holidays: Period[],
): number {
  if (isHolidayWeek(monday, holidays)) return 0;
  const sunday = addDaysIso(monday, 6);
  return pairings.filter((p) => {
    if (!(LIVE_STATUSES as readonly string[]).includes(p.status)) return false;
    if (p.startsOn > sunday) return false;
    if (cadence === "WEEKLY") return true;
    // Counted from the Monday of the pairing's first week, so a midweek start is week 0.
    const weeksSinceStart = Math.round(daysBetween(weekOf(p.startsOn).start, monday) / 7);
    return weeksSinceStart % 2 === 0;
  }).length;
}

/** The next expected meeting: a cadence after the last one, never before today, skipping holidays. */
export function nextSessionDate(
  today: IsoDate,
  lastHeld: IsoDate | null,
  startsOn: IsoDate,
  cadence: "WEEKLY" | "FORTNIGHTLY",
  holidays: Period[],
): IsoDate {
  const step = cadence === "WEEKLY" ? 7 : 14;
  let next = lastHeld ? addDaysIso(lastHeld, step) : startsOn;
  if (next < today) next = today;
  for (let guard = 0; guard < 60; guard += 1) {
    const weekday = new Date(`${next}T00:00:00Z`).getUTCDay();
    const inHoliday = holidays.some((h) => h.startsOn <= next && next <= h.endsOn);
    if (weekday !== 0 && weekday !== 6 && !inHoliday) return next;
    next = addDaysIso(next, 1);
  }
  return next;
}
