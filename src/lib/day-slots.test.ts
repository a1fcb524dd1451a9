// The school's day slots as pupils' free times and matching read them (ADR 014): labels at a year
// group's own times, a split lunch that is not shared, retired slots that keep working, keys and times.
import { describe, expect, it } from "vitest";
import {
  freeTimeChoices,
  freeTimeTokens,
  freeTimesOf,
  isTimeOfDay,
  normaliseTime,
  sameSlotName,
  sharedFreeTimes,
  slotKeyFor,
  type DaySlot,
} from "./day-slots";
import { sharesFreeTime } from "./pairing-rules";
import { cohortForYearGroup } from "./year-group";

const TODAY = "2026-11-30";
const BREAK: DaySlot = {
  id: "s-break",
  key: "BREAK",
  name: "Break",
  startTime: "10:40",
  endTime: "11:00",
  isArchived: false,
  yearTimes: [],
};
// A split lunch: Year 7 eats first, Years 10 and 11 last; everyone else at 12:30.
const LUNCH: DaySlot = {
  id: "s-lunch",
  key: "LUNCH",
  name: "Lunch",
  startTime: "12:30",
  endTime: "13:15",
  isArchived: false,
  yearTimes: [
    { yearGroup: 7, startTime: "12:00", endTime: "12:40" },
    { yearGroup: 10, startTime: "13:00", endTime: "13:40" },
    { yearGroup: 11, startTime: "13:00", endTime: "13:40" },
  ],
};
const FORM: DaySlot = {
  id: "s-form",
  key: "FORM_TIME",
  name: "Form time",
  startTime: "08:40",
  endTime: "09:00",
  isArchived: true,
  yearTimes: [],
};
const ICT: DaySlot = {
  id: "s-ict",
  key: "ICT_CLUB",
  name: "ICT club",
  startTime: "15:20",
  endTime: "16:00",
  isArchived: false,
  yearTimes: [],
};
const SLOTS = [FORM, BREAK, LUNCH, ICT];

const pupil = (yearGroup: number, availability: string[]) => ({ cohortYear: cohortForYearGroup(yearGroup, TODAY), availability });

describe("free times at a year group's times", () => {
  it("labels each free time with the weekday, the slot and the pupil's own times, in the order of the week and day", () => {
    expect(freeTimesOf(["WED_LUNCH", "MON_LUNCH", "MON_BREAK"], 7, SLOTS).map((t) => t.label)).toEqual([
      "Mon break (10:40–11:00)",
      "Mon lunch (12:00–12:40)",
      "Wed lunch (12:00–12:40)",
    ]);
    expect(freeTimesOf(["WED_LUNCH"], 9, SLOTS).map((t) => t.label)).toEqual(["Wed lunch (12:30–13:15)"]);
    expect(freeTimesOf(["FRI_ICT_CLUB"], 9, SLOTS).map((t) => t.label)).toEqual(["Fri ICT club (15:20–16:00)"]);
  });

  it("keeps a retired slot's free time, marked retired, and leaves out ids that name no slot", () => {
    const times = freeTimesOf(["TUE_FORM_TIME", "TUE_ASSEMBLY", "SAT_LUNCH", "nonsense"], 8, SLOTS);
    expect(times).toMatchObject([
      { id: "TUE_FORM_TIME", slotId: "s-form", isRetired: true, label: "Tue form time (08:40–09:00, retired)" },
    ]);
  });

  it("offers every active slot on every weekday, and a retired one only where the pupil already has it", () => {
    const offered = freeTimeChoices(["THU_FORM_TIME"], 7, SLOTS);
    expect(offered).toHaveLength(5 * 3 + 1);
    expect(offered.filter((t) => t.weekday === 4).map((t) => t.label)).toEqual([
      "Thu form time (08:40–09:00, retired)",
      "Thu break (10:40–11:00)",
      "Thu lunch (12:00–12:40)",
      "Thu ICT club (15:20–16:00)",
    ]);
    expect(freeTimeChoices([], 7, SLOTS).some((t) => t.isRetired)).toBe(false);
  });
});

describe("shared free time", () => {
  it("a split lunch is not shared: Year 7 at 12:00 and Year 10 at 13:00 never meet at lunch", () => {
    const year7 = pupil(7, ["WED_LUNCH", "WED_BREAK"]);
    const year10 = pupil(10, ["WED_LUNCH", "WED_BREAK"]);
    expect(sharedFreeTimes(year7, year10, SLOTS, TODAY)).toEqual([
      { weekday: 3, slotId: "s-break", label: "Wed break (10:40–11:00)", isRetired: false },
    ]);
    const onlyLunch = [pupil(7, ["WED_LUNCH"]), pupil(10, ["WED_LUNCH"])] as const;
    expect(sharedFreeTimes(onlyLunch[0], onlyLunch[1], SLOTS, TODAY)).toEqual([]);
  });

  it("is shared where the two year groups' times agree (Years 10 and 11, or two years at the usual time)", () => {
    expect(sharedFreeTimes(pupil(11, ["MON_LUNCH"]), pupil(10, ["MON_LUNCH"]), SLOTS, TODAY)).toEqual([
      { weekday: 1, slotId: "s-lunch", label: "Mon lunch (13:00–13:40)", isRetired: false },
    ]);
    expect(sharedFreeTimes(pupil(9, ["MON_LUNCH"]), pupil(12, ["MON_LUNCH"]), SLOTS, TODAY)).toHaveLength(1);
  });

  it("a retired slot both pupils still have is still shared, and says it is retired", () => {
    expect(sharedFreeTimes(pupil(8, ["FRI_FORM_TIME"]), pupil(11, ["FRI_FORM_TIME"]), SLOTS, TODAY)).toEqual([
      { weekday: 5, slotId: "s-form", label: "Fri form time (08:40–09:00, retired)", isRetired: true },
    ]);
  });

  it("gives matching tokens that agree with sharedFreeTimes, with readable labels", () => {
    const { tokensFor, labels } = freeTimeTokens(SLOTS);
    const year7 = tokensFor(["WED_LUNCH"], 7);
    const year10 = tokensFor(["WED_LUNCH"], 10);
    const year9 = tokensFor(["WED_LUNCH"], 9);
    expect(sharesFreeTime(year7, year10)).toBe(false);
    expect(sharesFreeTime(year9, tokensFor(["WED_LUNCH"], 12))).toBe(true);
    // Not said when they are free: no clash with anyone (ADR 009), as before.
    expect(sharesFreeTime(year7, tokensFor([], 10))).toBe(true);
    expect(labels[year7[0]!]).toBe("Wed lunch (12:00–12:40)");
    expect(labels[year10[0]!]).toBe("Wed lunch (13:00–13:40)");
  });
});

describe("slot names, keys and times", () => {
  it("makes a key from the name, unique among the keys taken, never longer than a free time's id allows", () => {
    expect(slotKeyFor("After school", new Set())).toBe("AFTER_SCHOOL");
    expect(slotKeyFor("After-school club!", new Set())).toBe("AFTER_SCHOOL_CLUB");
    expect(slotKeyFor("Lunch", new Set(["LUNCH"]))).toBe("LUNCH_2");
    expect(slotKeyFor("Lunch", new Set(["LUNCH", "LUNCH_2"]))).toBe("LUNCH_3");
    expect(slotKeyFor("Café", new Set())).toBe("CAFE");
    expect(slotKeyFor("数学", new Set())).toBe("SLOT");
    const long = slotKeyFor("A very long name for a slot in the school day", new Set(["A_VERY_LONG_NAME_FOR_A_SLOT_IN"]));
    expect(long.length).toBeLessThanOrEqual(30);
    expect(long).toMatch(/^[A-Z0-9_]+_2$/);
  });

  it("compares names whatever their case and spacing", () => {
    expect(sameSlotName("After school", "  after   School ")).toBe(true);
    expect(sameSlotName("Lunch", "Lunch 2")).toBe(false);
  });

  it("accepts real times of day only, written as HH:MM", () => {
    expect(["09:05", "9:05", "00:00", "23:59"].every(isTimeOfDay)).toBe(true);
    expect(["24:00", "12:60", "9.05", "noon", "12:5", ""].some(isTimeOfDay)).toBe(false);
    expect(normaliseTime("9:05")).toBe("09:05");
  });
});
