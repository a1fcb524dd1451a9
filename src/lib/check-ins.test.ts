// Check-ins on fixed dates: a pairing that starts on Monday 7 September 2026, every four weeks (the
// default), across the October clock change; and what a pairing's answers raise for the to-do.
import { describe, expect, it } from "vitest";
import { checkInPeriodOn, checkInSignals, dueCheckIn, nextCheckInOpens, type CheckInAnswer } from "./check-ins";

const START = "2026-09-07";
const due = (today: string, extra: { status?: "TRIAL" | "ACTIVE" | "PAUSED" | "ENDED"; answered?: string[]; everyWeeks?: number } = {}) =>
  dueCheckIn({
    today,
    pairing: { startsOn: START, status: extra.status ?? "ACTIVE" },
    everyWeeks: extra.everyWeeks ?? 4,
    answered: extra.answered ?? [],
  });

describe("checkInPeriodOn", () => {
  it("has no check-in in the first four weeks: there is nothing to say yet", () => {
    expect(checkInPeriodOn(START, 4, START)).toBeNull();
    expect(checkInPeriodOn(START, 4, "2026-10-04")).toBeNull();
    expect(checkInPeriodOn(START, 4, "2026-09-01")).toBeNull(); // before the pairing starts
  });

  it("starts a period every four weeks from the pairing's first day, the period's first day being periodStart", () => {
    expect(checkInPeriodOn(START, 4, "2026-10-05")).toEqual({ number: 1, periodStart: "2026-10-05", nextPeriodStart: "2026-11-02" });
    // Across the clock change (25 October): calendar days, not hours.
    expect(checkInPeriodOn(START, 4, "2026-11-01")).toEqual({ number: 1, periodStart: "2026-10-05", nextPeriodStart: "2026-11-02" });
    expect(checkInPeriodOn(START, 4, "2026-11-02")).toEqual({ number: 2, periodStart: "2026-11-02", nextPeriodStart: "2026-11-30" });
    expect(checkInPeriodOn(START, 4, "2027-01-01")?.periodStart).toBe("2026-12-28");
  });

  it("follows the programme's setting, and a setting below one week means no check-ins", () => {
    expect(checkInPeriodOn(START, 2, "2026-09-21")).toEqual({ number: 1, periodStart: "2026-09-21", nextPeriodStart: "2026-10-05" });
    expect(checkInPeriodOn(START, 1, "2026-09-16")?.periodStart).toBe("2026-09-14");
    expect(checkInPeriodOn(START, 0, "2026-12-01")).toBeNull();
    expect(checkInPeriodOn(START, -4, "2026-12-01")).toBeNull();
    expect(checkInPeriodOn(START, 2.5, "2026-12-01")).toBeNull();
  });
});

describe("dueCheckIn", () => {
  it("is due from the period's first day until the next period begins", () => {
    expect(due("2026-10-04")).toBeNull();
    expect(due("2026-10-05")?.periodStart).toBe("2026-10-05");
    expect(due("2026-11-01")?.periodStart).toBe("2026-10-05");
    expect(due("2026-11-02")?.periodStart).toBe("2026-11-02");
  });

  it("is not due once answered, and the next period brings the next one", () => {
    expect(due("2026-10-20", { answered: ["2026-10-05"] })).toBeNull();
    expect(due("2026-11-02", { answered: ["2026-10-05"] })?.periodStart).toBe("2026-11-02");
  });

  it("does not carry a missed period over: the new period has its own check-in", () => {
    expect(due("2026-11-10", { answered: [] })).toMatchObject({ number: 2, periodStart: "2026-11-02" });
  });

  it("is due only while the pairing is live (trial or active)", () => {
    expect(due("2026-10-05", { status: "TRIAL" })?.periodStart).toBe("2026-10-05");
    expect(due("2026-10-05", { status: "PAUSED" })).toBeNull();
    expect(due("2026-10-05", { status: "ENDED" })).toBeNull();
  });
});

describe("nextCheckInOpens", () => {
  it("names the day the next check-in opens", () => {
    expect(nextCheckInOpens(START, 4, START)).toBe("2026-10-05");
    expect(nextCheckInOpens(START, 4, "2026-10-20")).toBe("2026-11-02");
    expect(nextCheckInOpens(START, 0, "2026-10-20")).toBeNull();
  });
});

describe("checkInSignals", () => {
  const thresholds = { low: 2, change: 2 };
  const mentee = (periodStart: string, value: number, studentId = "maya"): CheckInAnswer => ({
    studentId,
    role: "MENTEE",
    periodStart,
    value,
  });
  const mentor = (periodStart: string, value: number, studentId = "sam"): CheckInAnswer => ({
    studentId,
    role: "MENTOR",
    periodStart,
    value,
  });

  it("raises nothing for good answers that agree", () => {
    expect(checkInSignals([mentee("2026-10-05", 4), mentor("2026-10-05", 5), mentee("2026-11-02", 4)], thresholds)).toEqual([]);
    expect(checkInSignals([], thresholds)).toEqual([]);
  });

  it("raises low for a latest answer at or below the threshold, with the facts", () => {
    expect(checkInSignals([mentee("2026-10-05", 2)], thresholds)).toEqual([
      {
        kind: "low",
        cause: "check-in-low:maya:2026-10-05",
        studentId: "maya",
        role: "MENTEE",
        periodStart: "2026-10-05",
        value: 2,
        threshold: 2,
      },
    ]);
    expect(checkInSignals([mentee("2026-10-05", 3)], thresholds)).toEqual([]);
    // Only the latest answer counts: a low answer followed by a better one raises nothing.
    expect(checkInSignals([mentee("2026-10-05", 1), mentee("2026-11-02", 3)], thresholds)).toEqual([]);
  });

  it("raises drop for a fall of the threshold or more since that pupil's previous answer", () => {
    expect(checkInSignals([mentee("2026-11-02", 3), mentee("2026-10-05", 5)], thresholds)).toEqual([
      {
        kind: "drop",
        cause: "check-in-drop:maya:2026-10-05:2026-11-02",
        studentId: "maya",
        role: "MENTEE",
        periodStart: "2026-11-02",
        value: 3,
        previousPeriodStart: "2026-10-05",
        previousValue: 5,
        fall: 2,
        threshold: 2,
      },
    ]);
    expect(checkInSignals([mentee("2026-10-05", 5), mentee("2026-11-02", 4)], thresholds)).toEqual([]);
    // A rise is never a drop, and the previous answer is that pupil's own, not the other pupil's.
    expect(checkInSignals([mentee("2026-10-05", 2), mentee("2026-11-02", 5)], thresholds)).toEqual([]);
    expect(checkInSignals([mentor("2026-10-05", 5), mentee("2026-11-02", 3)], thresholds)).toEqual([]);
  });

  it("raises low and drop together when both hold", () => {
    const kinds = checkInSignals([mentor("2026-10-05", 4), mentor("2026-11-02", 1)], thresholds).map((s) => s.kind);
    expect(kinds).toEqual(["low", "drop"]);
  });

  it("raises apart when mentor and mentee answer the same period the threshold or more apart", () => {
    expect(checkInSignals([mentee("2026-10-05", 3), mentor("2026-10-05", 5)], thresholds)).toEqual([
      {
        kind: "apart",
        cause: "check-in-apart:sam:maya:2026-10-05",
        periodStart: "2026-10-05",
        mentorStudentId: "sam",
        mentorValue: 5,
        menteeStudentId: "maya",
        menteeValue: 3,
        gap: 2,
        threshold: 2,
      },
    ]);
    expect(checkInSignals([mentee("2026-10-05", 4), mentor("2026-10-05", 5)], thresholds)).toEqual([]);
    // Different periods are never compared.
    expect(checkInSignals([mentee("2026-10-05", 3), mentor("2026-11-02", 5)], thresholds)).toEqual([]);
  });

  it("compares the latest period both answered", () => {
    const signals = checkInSignals(
      [mentee("2026-10-05", 3), mentor("2026-10-05", 5), mentee("2026-11-02", 4), mentor("2026-11-02", 4), mentee("2026-11-30", 3)],
      thresholds,
    );
    expect(signals).toEqual([]);
  });

  it("compares each mentee of a group with each mentor, and lists mentees first", () => {
    const signals = checkInSignals(
      [mentor("2026-10-05", 5), mentee("2026-10-05", 5, "ana"), mentee("2026-10-05", 1, "ben"), mentor("2026-10-05", 1, "kofi")],
      thresholds,
    );
    expect(
      signals.map((s) => (s.kind === "apart" ? `apart ${s.mentorStudentId}/${s.menteeStudentId}` : `${s.kind} ${s.studentId}`)),
    ).toEqual(["low ben", "low kofi", "apart kofi/ana", "apart sam/ben"]);
  });

  it("follows the programme's thresholds", () => {
    expect(checkInSignals([mentee("2026-10-05", 3)], { low: 3, change: 2 }).map((s) => s.kind)).toEqual(["low"]);
    expect(checkInSignals([mentee("2026-10-05", 5), mentee("2026-11-02", 4)], { low: 1, change: 1 }).map((s) => s.kind)).toEqual(["drop"]);
    expect(checkInSignals([mentee("2026-10-05", 5), mentor("2026-10-05", 2)], { low: 1, change: 3 }).map((s) => s.kind)).toEqual(["apart"]);
  });
});
