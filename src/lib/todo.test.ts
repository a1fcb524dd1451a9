// The coordinator's to-do rules on a fixed calendar (issue 8): autumn 2026 with October half-term, a
// bank holiday, a skipped exam week for one year group, a Week A/B fortnightly slot, a Sunday log, a
// Thursday log of a Wednesday slot and the clock change (25 October).
import { describe, expect, it } from "vitest";
import type { SchoolCalendar, Slot } from "./occurrences";
import type { Schedule } from "./pairing-schedule";
import { causeOf, todoReasons, type TodoPairing, type TodoThresholds } from "./todo";

const calendar: SchoolCalendar = {
  timezone: "Europe/London",
  terms: [{ startsOn: "2026-09-03", endsOn: "2026-12-18" }],
  // October half-term and a bank holiday (Monday 2 November, for the test).
  closures: [
    { startsOn: "2026-10-26", endsOn: "2026-10-30" },
    { startsOn: "2026-11-02", endsOn: "2026-11-02" },
  ],
  weekAStarts: ["2026-09-07"],
};
const thresholds: TodoThresholds = { logGraceDays: 2, firstSessionDays: 5, firstWeeks: 4, firstWeeksSessions: 2, absentRun: 2 };
const wednesdayLunch: Slot = { weekday: 3, startTime: "12:30", minutes: 20, place: "Library", cadence: "WEEKLY", startsOn: "2026-09-07" };
const schedule = (slot: Slot | null, extra: Partial<Schedule> = {}): Schedule => ({
  slot,
  slotName: "Lunch",
  skips: [],
  exceptions: [],
  ...extra,
});
const maya = { studentId: "maya", name: "Maya Patel" };
/** Every Wednesday the slot planned this autumn, up to and including `until`. */
const wednesdays = (until: string) =>
  [
    "2026-09-09",
    "2026-09-16",
    "2026-09-23",
    "2026-09-30",
    "2026-10-07",
    "2026-10-14",
    "2026-10-21",
    "2026-11-04",
    "2026-11-11",
    "2026-11-18",
    "2026-11-25",
  ].filter((d) => d <= until);
const held = (...days: string[]) =>
  days.map((heldOn) => ({ heldOn, attendances: [{ studentId: "maya", attendance: "PRESENT" as const }] }));

function pairing(extra: Partial<TodoPairing> = {}): TodoPairing {
  const sessions =
    extra.sessions ??
    held(
      "2026-09-09",
      "2026-09-16",
      "2026-09-23",
      "2026-09-30",
      "2026-10-07",
      "2026-10-14",
      "2026-10-21",
      "2026-11-04",
      "2026-11-11",
      "2026-11-18",
    );
  return {
    id: "p1",
    status: "ACTIVE",
    startsOn: "2026-09-07",
    trialEndsOn: "2026-09-21",
    mentees: [maya],
    schedule: schedule(wednesdayLunch),
    sessions,
    sessionCount: sessions.length,
    firstFitCheck: { sessionId: "s1", answer: "YES" },
    checkInSignals: [],
    ...extra,
  };
}
const kinds = (p: TodoPairing, today: string) => todoReasons(p, calendar, thresholds, today).map((r) => r.kind);

describe("a planned meeting not logged", () => {
  it("is raised two school days after it was due, not before", () => {
    expect(kinds(pairing(), "2026-11-26")).toEqual([]);
    const reasons = todoReasons(pairing(), calendar, thresholds, "2026-11-27");
    expect(reasons).toEqual([
      { kind: "NOT_LOGGED", cause: "NOT_LOGGED:2026-11-25", text: "The meeting planned for 25 Nov 2026 was not logged." },
    ]);
  });

  it("is satisfied by a Thursday log of a Wednesday slot, and by a Sunday log of that week", () => {
    expect(kinds(pairing({ sessions: held(...wednesdays("2026-11-18"), "2026-11-26") }), "2026-12-01")).toEqual([]);
    expect(kinds(pairing({ sessions: held(...wednesdays("2026-11-18"), "2026-11-29") }), "2026-12-01")).toEqual([]);
  });

  it("is never raised by half-term, a bank holiday, a skipped week for the pupils' year or a cancelled meeting", () => {
    // Half-term (26–30 Oct) plans nothing; the week after is fine too.
    expect(kinds(pairing({ sessions: held(...wednesdays("2026-11-04")) }), "2026-11-06")).toEqual([]);
    // A Monday slot: Monday 2 November is a bank holiday.
    const monday = { ...wednesdayLunch, weekday: 1 as const };
    expect(kinds(pairing({ schedule: schedule(monday), sessions: held(...wednesdays("2026-11-11")) }), "2026-11-11")).toEqual([]);
    const skipped = schedule(wednesdayLunch, { skips: [{ startsOn: "2026-11-23", endsOn: "2026-11-27" }] });
    expect(kinds(pairing({ schedule: skipped }), "2026-11-30")).toEqual([]);
    const cancelled = schedule(wednesdayLunch, { exceptions: [{ kind: "CANCELLED", originalOn: "2026-11-25", reason: "Trip" }] });
    expect(kinds(pairing({ schedule: cancelled }), "2026-11-30")).toEqual([]);
  });

  it("follows a Week A fortnightly slot: its Week B weeks plan nothing", () => {
    // 7 Sep 2026 is Week A; so are 16 and 30 Nov (whole weeks from it), and 23 Nov is Week B.
    const fortnightly = schedule({ ...wednesdayLunch, cadence: "FORTNIGHTLY", week: "A" });
    expect(kinds(pairing({ schedule: fortnightly, sessions: held("2026-10-21", "2026-11-04", "2026-11-18") }), "2026-11-27")).toEqual([]);
    expect(kinds(pairing({ schedule: fortnightly, sessions: held("2026-10-21", "2026-11-04") }), "2026-11-20")).toEqual(["NOT_LOGGED"]);
  });

  it("counts school days across the clock change", () => {
    // The meeting of Wednesday 21 October: school days after it are the 22nd and 23rd, before half-term.
    expect(kinds(pairing({ sessions: held(...wednesdays("2026-10-14")) }), "2026-10-23")).toEqual(["NOT_LOGGED"]);
    expect(kinds(pairing({ sessions: held(...wednesdays("2026-10-14")) }), "2026-10-22")).toEqual([]);
  });
});

describe("the other reasons", () => {
  it("a new match with no session within 5 school days", () => {
    const fresh = pairing({ startsOn: "2026-11-16", status: "TRIAL", trialEndsOn: "2026-11-30", sessions: [], schedule: schedule(null) });
    expect(kinds(fresh, "2026-11-20")).toEqual(["NO_SLOT"]);
    expect(kinds(fresh, "2026-11-23")).toEqual(["NO_SLOT", "NO_FIRST_SESSION"]);
  });

  it("fewer than 2 sessions in the first 4 weeks, then a calendar month with none", () => {
    const early = pairing({
      startsOn: "2026-10-05",
      sessions: held("2026-10-07"),
      schedule: schedule({ ...wednesdayLunch, startsOn: "2026-10-05" }),
    });
    expect(kinds(early, "2026-11-03")).toContain("FEW_EARLY");
    const quiet = pairing({ sessions: held(...wednesdays("2026-10-21")), schedule: schedule(null) });
    const reasons = todoReasons(quiet, calendar, thresholds, "2026-12-03");
    expect(reasons.find((r) => r.kind === "QUIET_MONTH")).toEqual({
      kind: "QUIET_MONTH",
      cause: "QUIET_MONTH:2026-11-01",
      text: "No session in November 2026.",
    });
    expect(kinds(pairing({ sessions: held(...wednesdays("2026-11-04")), schedule: schedule(null) }), "2026-12-03")).toEqual(["NO_SLOT"]);
  });

  it("a mentee absent twice running, a fit check of no, a trial past its review date, and check-in signals", () => {
    const absent = [
      { heldOn: "2026-11-11", attendances: [{ studentId: "maya", attendance: "ABSENT" as const }] },
      { heldOn: "2026-11-18", attendances: [{ studentId: "maya", attendance: "ABSENT" as const }] },
    ];
    expect(kinds(pairing({ sessions: [...held(...wednesdays("2026-11-04")), ...absent] }), "2026-11-19")).toEqual(["ABSENT"]);
    expect(kinds(pairing({ firstFitCheck: { sessionId: "s1", answer: "NO" } }), "2026-11-19")).toEqual(["FIT_CHECK"]);
    expect(kinds(pairing({ status: "TRIAL", trialEndsOn: "2026-11-13" }), "2026-11-19")).toEqual(["TRIAL_REVIEW"]);
    const signal = { cause: "LOW:maya:2026-11-02", text: "Maya Patel answered 1 out of 5." };
    expect(todoReasons(pairing({ checkInSignals: [signal] }), calendar, thresholds, "2026-11-19")).toEqual([
      { kind: "CHECK_IN", cause: "CHECK_IN:LOW:maya:2026-11-02", text: signal.text },
    ]);
  });

  it("ties a dismissal to the causes: the same reason for a newer meeting is a new cause", () => {
    const week1 = causeOf(todoReasons(pairing({ sessions: held(...wednesdays("2026-11-11")) }), calendar, thresholds, "2026-11-20"));
    const week2 = causeOf(todoReasons(pairing({ sessions: held(...wednesdays("2026-11-11")) }), calendar, thresholds, "2026-11-27"));
    expect(week1).toBe("NOT_LOGGED:2026-11-18");
    expect(week2).toBe("NOT_LOGGED:2026-11-25");
  });
});
