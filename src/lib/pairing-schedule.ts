// A pairing's schedule as the planned-session engine reads it (ADR 013): its regular slot resolved to
// a start time for its pupils, the skipped weeks that apply to them, and its moved or cancelled
// occurrences. Pure, so the pages (through src/server/schedules.ts) and the benches build it alike.
import { fromDbDate, todayIn } from "./dates";
import { timesFor, type DaySlot, type Weekday } from "./day-slots";
import type { Exception, Period, Slot } from "./occurrences";
import { yearGroupOn } from "./year-group";

export type ScheduleInput = {
  pairing: {
    startsOn: Date;
    endsOn: Date | null;
    slotWeekday: number | null;
    slotId: string | null;
    slotPlace: string;
    slotMinutes: number | null;
    slotCadence: "WEEKLY" | "FORTNIGHTLY" | null;
    slotWeek: "A" | "B" | null;
    slotFrom: Date | null;
    members: { role: "MENTOR" | "MENTEE"; cohortYear: number }[];
  };
  programme: { cadence: "WEEKLY" | "FORTNIGHTLY"; sessionMinutes: number; endsOn: Date | null };
  /** The school's day slots by id (archived ones included: a pairing may still name one). */
  daySlots: Map<string, DaySlot>;
  /** The programme's skipped weeks: yearGroup 0 is the whole programme. */
  skips: { startsOn: Date; endsOn: Date; yearGroup: number }[];
  exceptions: {
    originalOn: Date;
    change: "MOVED" | "CANCELLED";
    movedTo: Date | null;
    startTime: string | null;
    place: string | null;
    reason: string;
  }[];
  timezone: string;
  now?: Date;
};

export type Schedule = {
  /** Null until the coordinator gives the pairing a regular slot. */
  slot: Slot | null;
  slotName: string | null;
  skips: Period[];
  exceptions: Exception[];
};

/**
 * The slot's time is the youngest mentee's year group's (where lunches are split, the younger pupils'
 * lunch is when they can meet; matching pairs only pupils whose times agree). A skipped week applies
 * when it is the whole programme's, or any member's year group's on the skip's first day.
 */
export function scheduleFor(input: ScheduleInput): Schedule {
  const { pairing, programme } = input;
  const today = todayIn(input.timezone, input.now);
  const skips = input.skips
    .filter((s) => {
      if (s.yearGroup === 0) return true;
      const on = fromDbDate(s.startsOn);
      return pairing.members.some((m) => yearGroupOn(m.cohortYear, on) === s.yearGroup);
    })
    .map((s) => ({ startsOn: fromDbDate(s.startsOn), endsOn: fromDbDate(s.endsOn) }));
  const exceptions: Exception[] = input.exceptions.map((e) =>
    e.change === "MOVED" && e.movedTo
      ? {
          kind: "MOVED",
          originalOn: fromDbDate(e.originalOn),
          on: fromDbDate(e.movedTo),
          startTime: e.startTime,
          place: e.place,
          reason: e.reason,
        }
      : { kind: "CANCELLED", originalOn: fromDbDate(e.originalOn), reason: e.reason },
  );
  const daySlot = pairing.slotId ? input.daySlots.get(pairing.slotId) : undefined;
  if (!daySlot || !pairing.slotWeekday || pairing.slotWeekday < 1 || pairing.slotWeekday > 5) {
    return { slot: null, slotName: null, skips, exceptions };
  }
  const menteeYears = pairing.members.filter((m) => m.role === "MENTEE").map((m) => yearGroupOn(m.cohortYear, today));
  const youngest = menteeYears.length > 0 ? Math.min(...menteeYears) : null;
  const startsOn = fromDbDate(pairing.startsOn);
  const from = pairing.slotFrom ? fromDbDate(pairing.slotFrom) : startsOn;
  const ends = [pairing.endsOn, programme.endsOn].filter((d): d is Date => d !== null).map(fromDbDate);
  const slot: Slot = {
    weekday: pairing.slotWeekday as Weekday,
    startTime: timesFor(daySlot, youngest).startTime,
    minutes: pairing.slotMinutes ?? programme.sessionMinutes,
    place: pairing.slotPlace,
    cadence: pairing.slotCadence ?? programme.cadence,
    week: pairing.slotWeek,
    startsOn: from > startsOn ? from : startsOn,
    endsOn: ends.length > 0 ? ends.sort()[0]! : null,
  };
  return { slot, slotName: daySlot.name, skips, exceptions };
}

export type FreeTime = { weekday: number; slotId: string; isRetired: boolean };

/**
 * A new match's first regular slot (issue 8): the programme's default day and slot when every pupil is
 * free then, else the first free time they all share, else the programme's default; the place is the
 * programme's. Null when there is nothing to start from (the coordinator sets it; the to-do says so).
 * `sharedByEach` is each mentee's shared free times with the mentor (src/lib/day-slots.ts sharedFreeTimes).
 */
export function initialSlot(
  programme: { defaultWeekday: number | null; defaultSlotId: string | null; defaultPlace: string },
  sharedByEach: FreeTime[][],
): { weekday: number; slotId: string; place: string } | null {
  const key = (t: { weekday: number; slotId: string }) => `${t.weekday}:${t.slotId}`;
  const [first = [], ...rest] = sharedByEach;
  const common = first.filter((t) => !t.isRetired && rest.every((others) => others.some((o) => key(o) === key(t))));
  const hasDefault = programme.defaultWeekday !== null && programme.defaultSlotId !== null;
  const byDefault = hasDefault
    ? common.find((t) => t.weekday === programme.defaultWeekday && t.slotId === programme.defaultSlotId)
    : undefined;
  const chosen = byDefault ?? common[0] ?? (hasDefault ? { weekday: programme.defaultWeekday!, slotId: programme.defaultSlotId! } : null);
  return chosen ? { weekday: chosen.weekday, slotId: chosen.slotId, place: programme.defaultPlace } : null;
}
