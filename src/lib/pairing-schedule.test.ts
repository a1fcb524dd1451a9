import { describe, expect, it } from "vitest";
import { initialSlot } from "./pairing-schedule";

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
