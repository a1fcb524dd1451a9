import { describe, expect, it } from "vitest";
import { initialSlot, scheduleFor } from "./pairing-schedule";

const lunch = "slot-lunch";
const brk = "slot-break";
const programme = { defaultWeekday: 3, defaultSlotId: lunch, defaultPlace: "Library" };

describe("a new match's first slot", () => {
  it("is the programme's default when the pupils are both free then", () => {
    const shared = [
      { weekday: 1, slotId: brk, isRetired: false },
      { weekday: 3, slotId: lunch, isRetired: false },
    ];
    expect(initialSlot(programme, [shared])).toEqual({ weekday: 3, slotId: lunch, place: "Library" });
  });

  it("is their first shared free time otherwise, and for a group one every mentee shares with the mentor", () => {
    expect(initialSlot(programme, [[{ weekday: 2, slotId: brk, isRetired: false }]])).toEqual({
      weekday: 2,
      slotId: brk,
      place: "Library",
    });
    const group = [
      [
        { weekday: 2, slotId: brk, isRetired: false },
        { weekday: 4, slotId: lunch, isRetired: false },
      ],
      [{ weekday: 4, slotId: lunch, isRetired: false }],
    ];
    expect(initialSlot(programme, group)).toEqual({ weekday: 4, slotId: lunch, place: "Library" });
  });

  it("falls back to the programme's default, never to a retired slot, and is empty with nothing to go on", () => {
    expect(initialSlot(programme, [[{ weekday: 2, slotId: brk, isRetired: true }]])).toEqual({
      weekday: 3,
      slotId: lunch,
      place: "Library",
    });
    expect(initialSlot({ defaultWeekday: null, defaultSlotId: null, defaultPlace: "" }, [[]])).toBeNull();
  });
});

describe("a pairing's schedule", () => {
  const daySlots = new Map([
    [
      "lunch",
      {
        id: "lunch",
        key: "LUNCH",
        name: "Lunch",
        startTime: "12:30",
        endTime: "13:15",
        isArchived: false,
        yearTimes: [{ yearGroup: 7, startTime: "12:00", endTime: "12:40" }],
      },
    ],
  ]);
  const base = {
    pairing: {
      startsOn: new Date("2026-09-07T00:00:00Z"),
      endsOn: null,
      slotWeekday: 3,
      slotId: "lunch",
      slotPlace: "Library",
      slotMinutes: null,
      slotCadence: null,
      slotWeek: null,
      slotFrom: null,
      // A Year 11 mentor (cohort 2022) and a Year 7 mentee (cohort 2026) in 2026–27.
      members: [
        { role: "MENTOR" as const, cohortYear: 2022 },
        { role: "MENTEE" as const, cohortYear: 2026 },
      ],
    },
    programme: { cadence: "WEEKLY" as const, sessionMinutes: 20, endsOn: null },
    daySlots,
    exceptions: [],
    timezone: "Europe/London",
    now: new Date("2026-11-29T12:00:00Z"),
  };

  it("skips a Year 11 mocks week for a pairing with a Year 11 pupil, and not one for Year 9", () => {
    const skips = [
      { startsOn: new Date("2026-11-30T00:00:00Z"), endsOn: new Date("2026-12-04T00:00:00Z"), yearGroup: 11 },
      { startsOn: new Date("2026-12-07T00:00:00Z"), endsOn: new Date("2026-12-11T00:00:00Z"), yearGroup: 9 },
      { startsOn: new Date("2026-12-14T00:00:00Z"), endsOn: new Date("2026-12-18T00:00:00Z"), yearGroup: 0 },
    ];
    const schedule = scheduleFor({ ...base, skips });
    expect(schedule.skips).toEqual([
      { startsOn: "2026-11-30", endsOn: "2026-12-04" },
      { startsOn: "2026-12-14", endsOn: "2026-12-18" },
    ]);
  });

  it("meets at the youngest mentee's lunch where lunches are split, with the programme's length and cadence", () => {
    const schedule = scheduleFor({ ...base, skips: [] });
    expect(schedule.slot).toMatchObject({
      weekday: 3,
      startTime: "12:00",
      minutes: 20,
      cadence: "WEEKLY",
      place: "Library",
      startsOn: "2026-09-07",
    });
    expect(schedule.slotName).toBe("Lunch");
  });
});
