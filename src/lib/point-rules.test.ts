import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDaysIso, weekdayOf } from "./dates";
import type { SchoolCalendar, Slot } from "./occurrences";
import { autoPointKey, automaticPointChanges, awardProblem, isLoggedOnTime, type AutoFacts, type GiverFacts } from "./point-rules";
import { todoReasons, type TodoPairing } from "./todo";

const kindness = { defaultAmount: 2, isRetired: false };
const pointsLost = { defaultAmount: -1, isRetired: false };
const staff: GiverFacts = { kind: "staff" };
const mentor = (extra: Partial<Extract<GiverFacts, { kind: "mentor" }>> = {}): GiverFacts => ({
  kind: "mentor",
  givenThisWeek: 0,
  weeklyLimit: 10,
  mayAward: true,
  isOwnMentee: true,
  ...extra,
});
const award = (extra: Partial<Parameters<typeof awardProblem>[0]> = {}) =>
  awardProblem({ amount: 2, category: kindness, reason: "", giver: staff, isSelf: false, recipients: 1, ...extra });

describe("awardProblem", () => {
  it("lets staff give a category's usual amount with no reason", () => {
    expect(award()).toBeNull();
  });

  it("never lets anyone give points to themselves", () => {
    expect(award({ isSelf: true })).toEqual({ field: "studentIds", message: "You cannot give points to yourself." });
    expect(award({ isSelf: true, giver: mentor() })).toEqual({ field: "studentIds", message: "You cannot give points to yourself." });
  });

  it("refuses a retired category", () => {
    expect(award({ category: { ...kindness, isRetired: true } })).toEqual({
      field: "categoryId",
      message: "This category is no longer used. Choose another.",
    });
  });

  it("needs the amount's sign to match the category's", () => {
    expect(award({ amount: -2 })).toEqual({ field: "amount", message: "This category gives points. Enter a number above 0." });
    expect(award({ amount: 0 })).toEqual({ field: "amount", message: "This category gives points. Enter a number above 0." });
    expect(award({ category: pointsLost, amount: 1, reason: "Pushed in" })).toEqual({
      field: "amount",
      message: "This category takes points away. Enter a number below 0, such as -1.",
    });
  });

  it("needs a reason to take points away, even the usual amount", () => {
    const message = { field: "reason", message: "Say in a few words why points are being taken away." };
    expect(award({ category: pointsLost, amount: -1 })).toEqual(message);
    expect(award({ category: pointsLost, amount: -1, reason: "  no  " })).toEqual(message);
    expect(award({ category: pointsLost, amount: -1, reason: "Pushed in the lunch queue" })).toBeNull();
  });

  it("needs a reason for any amount other than the usual one", () => {
    expect(award({ amount: 5 })).toEqual({ field: "reason", message: "Say in a few words why this is not the usual 2 points." });
    expect(award({ amount: 1, category: { defaultAmount: 1, isRetired: false } })).toBeNull();
    expect(award({ amount: 3, category: { defaultAmount: 1, isRetired: false } })).toEqual({
      field: "reason",
      message: "Say in a few words why this is not the usual 1 point.",
    });
    expect(award({ amount: 5, reason: "Ran the whole quiz" })).toBeNull();
  });

  it("lets a mentor give points to their own mentees only when the school allows it", () => {
    expect(award({ giver: mentor() })).toBeNull();
    expect(award({ giver: mentor({ mayAward: false }) })).toEqual({
      field: "studentIds",
      message: "Mentors at your school cannot give points.",
    });
    expect(award({ giver: mentor({ isOwnMentee: false }) })).toEqual({
      field: "studentIds",
      message: "You can only give points to your own mentees.",
    });
  });

  it("never lets a mentor take points away", () => {
    expect(award({ giver: mentor(), category: pointsLost, amount: -1, reason: "Late again" })).toEqual({
      field: "categoryId",
      message: "Mentors can give points but not take them away. Choose another category.",
    });
    expect(award({ giver: mentor(), amount: -2, reason: "Late again" })).toEqual({
      field: "amount",
      message: "This category gives points. Enter a number above 0.",
    });
  });

  it("keeps a mentor within the weekly limit, counting every pupil in the award, and says how many are left", () => {
    expect(award({ giver: mentor({ givenThisWeek: 8 }) })).toBeNull();
    expect(award({ giver: mentor({ givenThisWeek: 8 }), amount: 3, reason: "Great effort" })).toEqual({
      field: "amount",
      message: "You have 2 points left to give this week, and this would give 3 points.",
    });
    expect(award({ giver: mentor({ givenThisWeek: 5 }), recipients: 3 })).toEqual({
      field: "amount",
      message: "You have 5 points left to give this week, and this would give 6 points.",
    });
    expect(award({ giver: mentor({ givenThisWeek: 9 }), recipients: 1 })).toEqual({
      field: "amount",
      message: "You have 1 point left to give this week, and this would give 2 points.",
    });
    expect(award({ giver: mentor({ givenThisWeek: 10 }) })).toEqual({
      field: "amount",
      message: "You have given all 10 points you can give this week. You can give more from Monday.",
    });
  });

  it("puts no weekly limit on staff", () => {
    expect(award({ amount: 50, recipients: 30, reason: "Whole-year trip" })).toBeNull();
  });
});

// Autumn 2026: October half-term (26–30 October) and a bank holiday on Monday 2 November.
const calendar: SchoolCalendar = {
  timezone: "Europe/London",
  terms: [{ startsOn: "2026-09-03", endsOn: "2026-12-18" }],
  closures: [
    { startsOn: "2026-10-26", endsOn: "2026-10-30" },
    { startsOn: "2026-11-02", endsOn: "2026-11-02" },
  ],
  weekAStarts: [],
};

describe("isLoggedOnTime", () => {
  it("is on time the same day and up to the school day before the grace days run out", () => {
    // Wednesday 18 November, two school days' grace: Thursday and Friday are on time, Monday is not.
    expect(isLoggedOnTime("2026-11-18", "2026-11-18", 2, calendar)).toBe(true);
    expect(isLoggedOnTime("2026-11-18", "2026-11-19", 2, calendar)).toBe(true);
    expect(isLoggedOnTime("2026-11-18", "2026-11-20", 2, calendar)).toBe(false);
  });

  it("counts school days only: weekends, holidays and bank holidays do not use up the grace", () => {
    // Friday 23 October, then half-term and the bank holiday: Tuesday 3 November is the first school day after.
    expect(isLoggedOnTime("2026-10-23", "2026-11-02", 2, calendar)).toBe(true);
    expect(isLoggedOnTime("2026-10-23", "2026-11-03", 2, calendar)).toBe(true);
    expect(isLoggedOnTime("2026-10-23", "2026-11-04", 2, calendar)).toBe(false);
  });

  it("with no grace days, is on time only on the day itself", () => {
    expect(isLoggedOnTime("2026-11-18", "2026-11-18", 0, calendar)).toBe(true);
    expect(isLoggedOnTime("2026-11-18", "2026-11-19", 0, calendar)).toBe(false);
  });

  it("is exactly when the coordinator's to-do never listed the meeting as not logged", () => {
    // One planned meeting (a slot that starts and ends on its day), never held: on the day it is logged,
    // the to-do lists it as not logged exactly when the log is late.
    const days = Array.from({ length: 100 }, (_, i) => addDaysIso("2026-09-07", i)).filter((d) => weekdayOf(d) <= 5);
    fc.assert(
      fc.property(fc.constantFrom(...days), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 6 }), (heldOn, late, graceDays) => {
        const slot: Slot = {
          weekday: weekdayOf(heldOn) as Slot["weekday"],
          startTime: "12:30",
          minutes: 20,
          place: "Library",
          cadence: "WEEKLY",
          startsOn: heldOn,
          endsOn: heldOn,
        };
        const pairing: TodoPairing = {
          id: "p",
          status: "ACTIVE",
          startsOn: heldOn,
          trialEndsOn: null,
          mentees: [{ studentId: "m", name: "Maya Patel" }],
          schedule: { slot, slotName: "Lunch", skips: [], exceptions: [] },
          sessions: [],
          sessionCount: 1,
          firstFitCheck: null,
          checkInSignals: [],
        };
        const loggedOn = addDaysIso(heldOn, late);
        const thresholds = { logGraceDays: graceDays, firstSessionDays: 99, firstWeeks: 4, firstWeeksSessions: 0, absentRun: 99 };
        const notLogged = todoReasons(pairing, calendar, thresholds, loggedOn).some((r) => r.cause === `NOT_LOGGED:${heldOn}`);
        const isPlanned = !calendar.closures.some((c) => c.startsOn <= heldOn && heldOn <= c.endsOn);
        if (isPlanned) expect(isLoggedOnTime(heldOn, loggedOn, graceDays, calendar)).toBe(!notLogged);
      }),
      { numRuns: 500 },
    );
  });
});

describe("autoPointKey", () => {
  it("names the rule, the session, the pupil and the round", () => {
    expect(autoPointKey("ATTENDANCE", "s1", "p1", 1)).toBe("ATTENDANCE:s1:p1:1");
    expect(autoPointKey("ON_TIME", "s1", "p1", 3)).toBe("ON_TIME:s1:p1:3");
  });
});

type Entry = AutoFacts["entries"][number];
const fact = (isEligible: boolean, entries: Entry[] = [], rule: AutoFacts["rule"] = "ATTENDANCE"): AutoFacts => ({
  rule,
  sessionId: "s1",
  studentId: "p1",
  isEligible,
  entries,
});
const round = (id: string, n: number, reversedBy: Entry["reversedBy"] = null): Entry => ({
  id,
  autoKey: `ATTENDANCE:s1:p1:${n}`,
  reversesId: null,
  reversedBy,
});
const undoOf = (id: string, of: Entry): Entry => ({ id, autoKey: `${of.autoKey}:undo`, reversesId: of.id, reversedBy: null });

describe("automaticPointChanges", () => {
  it("awards the first round to a pupil who came", () => {
    expect(automaticPointChanges([fact(true)])).toEqual({
      awards: [{ rule: "ATTENDANCE", sessionId: "s1", studentId: "p1", autoKey: "ATTENDANCE:s1:p1:1" }],
      undos: [],
    });
  });

  it("does nothing for a pupil who did not come and has no points for it", () => {
    expect(automaticPointChanges([fact(false)])).toEqual({ awards: [], undos: [] });
  });

  it("awards nothing more while a round stands", () => {
    expect(automaticPointChanges([fact(true, [round("e1", 1)])])).toEqual({ awards: [], undos: [] });
  });

  it("reverses the standing round when the session is edited to 'did not come'", () => {
    expect(automaticPointChanges([fact(false, [round("e1", 1)])])).toEqual({
      awards: [],
      undos: [{ reversesId: "e1", autoKey: "ATTENDANCE:s1:p1:1:undo", rule: "ATTENDANCE", sessionId: "s1", studentId: "p1" }],
    });
  });

  it("awards the next round when the pupil is marked as having come again", () => {
    const first = round("e1", 1, { autoKey: "ATTENDANCE:s1:p1:1:undo" });
    expect(automaticPointChanges([fact(true, [first, undoOf("e2", first)])]).awards).toEqual([
      { rule: "ATTENDANCE", sessionId: "s1", studentId: "p1", autoKey: "ATTENDANCE:s1:p1:2" },
    ]);
    const second = round("e3", 2, { autoKey: "ATTENDANCE:s1:p1:2:undo" });
    expect(automaticPointChanges([fact(true, [first, undoOf("e2", first), second, undoOf("e4", second)])]).awards[0]!.autoKey).toBe(
      "ATTENDANCE:s1:p1:3",
    );
  });

  it("treats a round a person corrected as final", () => {
    const corrected = round("e1", 1, { autoKey: null });
    const correction: Entry = { id: "e2", autoKey: null, reversesId: "e1", reversedBy: null };
    expect(automaticPointChanges([fact(true, [corrected, correction]), fact(false, [corrected, correction])])).toEqual({
      awards: [],
      undos: [],
    });
  });

  it("reads only this rule's, session's and pupil's rounds", () => {
    const other: Entry = { id: "x", autoKey: "ON_TIME:s1:p1:1", reversesId: null, reversedBy: null };
    const manual: Entry = { id: "m", autoKey: null, reversesId: null, reversedBy: null };
    expect(automaticPointChanges([fact(true, [other, manual])]).awards.map((a) => a.autoKey)).toEqual(["ATTENDANCE:s1:p1:1"]);
  });

  it("answers each fact on its own", () => {
    const changes = automaticPointChanges([
      { ...fact(true), studentId: "a" },
      { ...fact(false, [{ ...round("e1", 1), autoKey: "ON_TIME:s1:b:1" }], "ON_TIME"), studentId: "b" },
    ]);
    expect(changes.awards.map((a) => a.autoKey)).toEqual(["ATTENDANCE:s1:a:1"]);
    expect(changes.undos.map((u) => u.autoKey)).toEqual(["ON_TIME:s1:b:1:undo"]);
  });
});
