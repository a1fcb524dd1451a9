// The school's day slots (issue 8): break, lunch, form time, after school… each with its times, and
// other times for a year group where lunches are split. Pure: loaded by src/server/day-slots.ts.
// A pupil's free time is a weekday and a slot key: "WED_LUNCH" is the slot LUNCH on Wednesday.
import type { IsoDate } from "./dates";
import { yearGroupOn } from "./year-group";

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

// ---- Times of day

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** "9:05" or "09:05" is a real time of day; "24:00", "9.05" and "12:60" are not. */
export function isTimeOfDay(value: string): boolean {
  return TIME.test(value);
}

/** A real time as "HH:MM" ("9:05" → "09:05"), so times compare as strings. */
export function normaliseTime(value: string): string {
  const match = TIME.exec(value);
  return match ? `${match[1]!.padStart(2, "0")}:${match[2]}` : value;
}

/** "12:00–12:40". */
export function formatTimes(times: SlotTimes): string {
  return `${times.startTime}–${times.endTime}`;
}

// ---- Slot keys

/** The longest key a free time's id may name (parseAvailabilityId). */
export const SLOT_KEY_MAX = 30;

/**
 * The key a new slot gets from its name: "After school" → "AFTER_SCHOOL", made unique among `taken`
 * ("AFTER_SCHOOL_2"). Keys never change afterwards, because pupils' free times store them.
 */
export function slotKeyFor(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, SLOT_KEY_MAX)
      .replace(/_+$/, "") || "SLOT";
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = `_${n}`;
    const key = `${base.slice(0, SLOT_KEY_MAX - suffix.length).replace(/_+$/, "")}${suffix}`;
    if (!taken.has(key)) return key;
  }
}

/** Two names are the same slot's name whatever their case and spacing ("Lunch" and " lunch "). */
export function sameSlotName(a: string, b: string): boolean {
  const plain = (s: string) => s.trim().replace(/\s+/g, " ").toLocaleLowerCase("en-GB");
  return plain(a) === plain(b);
}

// ---- Free times

/** A pupil's free time resolved against the school's slots, at their year group's times. */
export type FreeTime = SlotTimes & {
  /** As stored on the pupil: "WED_LUNCH". */
  id: string;
  weekday: Weekday;
  slotId: string;
  key: string;
  isRetired: boolean;
  /** "Wed lunch (12:00–12:40)", with ", retired" inside the brackets for a retired slot. */
  label: string;
  /** The label's two parts, for a form that sets the times on a line of their own: "Wed lunch", "(12:00–12:40)". */
  dayAndSlot: string;
  when: string;
  /**
   * What matching compares: the weekday, the slot and the times themselves ("WED_LUNCH@12:00-12:40"),
   * so Year 7's lunch at 12:00 and Year 10's at 13:00 are different times, never a shared one.
   */
  token: string;
};

/** "Lunch" reads "lunch" inside a sentence; "ICT club" keeps its capitals. */
function inSentence(name: string): string {
  return /^[A-Z][^A-Z]/.test(name) || name.length === 1 ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/** "Wed lunch" and "(12:00–12:40)"; a retired slot "Wed form time" and "(08:40–09:00, retired)". */
function labelParts(weekday: Weekday, slot: Pick<DaySlot, "name" | "isArchived">, times: SlotTimes) {
  return {
    dayAndSlot: `${WEEKDAYS[weekday - 1]!.short} ${inSentence(slot.name)}`,
    when: `(${formatTimes(times)}${slot.isArchived ? ", retired" : ""})`,
  };
}

function resolve(weekday: Weekday, slot: DaySlot, yearGroup: number | null): FreeTime {
  const times = timesFor(slot, yearGroup);
  const id = availabilityId(weekday, slot.key);
  const parts = labelParts(weekday, slot, times);
  return {
    id,
    weekday,
    slotId: slot.id,
    key: slot.key,
    isRetired: slot.isArchived,
    ...times,
    label: `${parts.dayAndSlot} ${parts.when}`,
    ...parts,
    token: `${id}@${times.startTime}-${times.endTime}`,
  };
}

/**
 * A pupil's free times (their stored ids) as the school's slots say today, at their year group's
 * times, in the order of the week and the day. A retired slot's free time still counts (and says it is
 * retired); an id naming no slot of the school is left out.
 */
export function freeTimesOf(availability: readonly string[], yearGroup: number | null, slots: readonly DaySlot[]): FreeTime[] {
  const byKey = new Map(slots.map((s) => [s.key, s]));
  const order = new Map(slots.map((s, i) => [s.key, i]));
  const out: FreeTime[] = [];
  for (const id of new Set(availability)) {
    const parsed = parseAvailabilityId(id);
    const slot = parsed && byKey.get(parsed.key);
    if (parsed && slot) out.push(resolve(parsed.weekday, slot, yearGroup));
  }
  return out.sort((a, b) => a.weekday - b.weekday || order.get(a.key)! - order.get(b.key)!);
}

/** What a free-time form shows a pupil: each choice's id, its label at their year group's times, and its weekday. */
export type FreeTimeChoice = Pick<FreeTime, "id" | "label" | "dayAndSlot" | "when" | "weekday" | "isRetired">;

/**
 * What a free-time form offers a pupil in `yearGroup`: every active slot on every weekday, at their
 * year group's times, plus any retired slot they already have (kept until they untick it).
 */
export function freeTimeChoices(chosen: readonly string[], yearGroup: number | null, slots: readonly DaySlot[]): FreeTime[] {
  const kept = new Set(freeTimesOf(chosen, yearGroup, slots).map((t) => t.id));
  const out: FreeTime[] = [];
  for (const day of WEEKDAYS) {
    for (const slot of slots) {
      if (slot.isArchived && !kept.has(availabilityId(day.weekday, slot.key))) continue;
      out.push(resolve(day.weekday, slot, yearGroup));
    }
  }
  return out;
}

/**
 * Free times as matching compares them: each pupil's as tokens (`tokensFor`), and every token's label
 * (`labels`, filled in as pupils are read), for the engine's `slots` and `slotLabels`.
 */
export function freeTimeTokens(slots: readonly DaySlot[]) {
  const labels: Record<string, string> = {};
  return {
    labels,
    tokensFor(availability: readonly string[], yearGroup: number | null): string[] {
      return freeTimesOf(availability, yearGroup, slots).map((t) => {
        labels[t.token] = t.label;
        return t.token;
      });
    },
  };
}

export type SharedFreeTime = { weekday: Weekday; slotId: string; label: string; isRetired: boolean };

/**
 * The weekly times two pupils are both free: the same weekday and slot, at the same times for both
 * year groups (Year 7's lunch 12:00–12:40 and Year 10's 13:00–13:40 are not shared). `today` sets
 * their year groups. Retired slots are included, marked; the label gives the first pupil's times,
 * which are the second's too. Empty when either has not said when they are free (for matching's
 * rule that is no clash: `sharesFreeTime`), or when they share no time.
 */
export function sharedFreeTimes(
  pupilA: { availability: readonly string[]; cohortYear: number },
  pupilB: { availability: readonly string[]; cohortYear: number },
  slots: readonly DaySlot[],
  today: IsoDate,
): SharedFreeTime[] {
  const theirs = new Set(freeTimesOf(pupilB.availability, yearGroupOn(pupilB.cohortYear, today), slots).map((t) => t.token));
  return freeTimesOf(pupilA.availability, yearGroupOn(pupilA.cohortYear, today), slots)
    .filter((t) => theirs.has(t.token))
    .map((t) => ({ weekday: t.weekday, slotId: t.slotId, label: t.label, isRetired: t.isRetired }));
}
