// The school's day slots (issue 8): break, lunch, form time, after school… each with its times, and
// other times for a year group where lunches are split. Pure: loaded by src/server/day-slots.ts.
// A pupil's free time is a weekday and a slot key: "WED_LUNCH" is the slot LUNCH on Wednesday.

export const WEEKDAYS = [
  { weekday: 1, code: "MON", short: "Mon", long: "Monday" },
  { weekday: 2, code: "TUE", short: "Tue", long: "Tuesday" },
  { weekday: 3, code: "WED", short: "Wed", long: "Wednesday" },
  { weekday: 4, code: "THU", short: "Thu", long: "Thursday" },
  { weekday: 5, code: "FRI", short: "Fri", long: "Friday" },
] as const;
export type Weekday = (typeof WEEKDAYS)[number]["weekday"];

export type SlotTimes = { startTime: string; endTime: string };
export type DaySlot = SlotTimes & {
  id: string;
  key: string;
  name: string;
  isArchived: boolean;
  /** Other times for one year group (Year 7's lunch when lunches are split). */
  yearTimes: (SlotTimes & { yearGroup: number })[];
};

/** The slot's times for a pupil in `yearGroup`: their year group's own, or the slot's. */
export function timesFor(slot: Pick<DaySlot, "startTime" | "endTime" | "yearTimes">, yearGroup: number | null): SlotTimes {
  const own = yearGroup === null ? undefined : slot.yearTimes.find((t) => t.yearGroup === yearGroup);
  return own ? { startTime: own.startTime, endTime: own.endTime } : { startTime: slot.startTime, endTime: slot.endTime };
}

export function weekdayName(weekday: number): string {
  return WEEKDAYS.find((d) => d.weekday === weekday)?.long ?? "";
}

/** A free time's id: the weekday's code and the slot's key, "WED_LUNCH". */
export function availabilityId(weekday: Weekday, key: string): string {
  return `${WEEKDAYS[weekday - 1]!.code}_${key}`;
}

/** The weekday and slot key of a free time's id, or null for anything else. */
export function parseAvailabilityId(id: string): { weekday: Weekday; key: string } | null {
  const match = /^(MON|TUE|WED|THU|FRI)_([A-Z0-9_]{1,30})$/.exec(id);
  if (!match) return null;
  const day = WEEKDAYS.find((d) => d.code === match[1])!;
  return { weekday: day.weekday, key: match[2]! };
}
