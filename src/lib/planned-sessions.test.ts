import { describe, expect, it } from "vitest";
import { isHolidayWeek, nextSessionDate, plannedSessionsInWeek, type Period } from "./planned-sessions";

// Monday 2 November 2026 … Sunday 8 November 2026.
const MONDAY = "2026-11-02";
const octoberHalfTerm: Period = { startsOn: "2026-10-26", endsOn: "2026-10-30" };
const live = (startsOn: string, status = "ACTIVE") => ({ status, startsOn });

describe("isHolidayWeek", () => {
  it("is true only when every weekday is in a holiday", () => {
    expect(isHolidayWeek("2026-10-26", [octoberHalfTerm])).toBe(true);
    expect(isHolidayWeek(MONDAY, [octoberHalfTerm])).toBe(false);
    expect(isHolidayWeek("2026-10-26", [{ startsOn: "2026-10-26", endsOn: "2026-10-29" }])).toBe(false);
  });

  it("counts a week covered by two holidays", () => {
    expect(
      isHolidayWeek("2026-12-28", [
        { startsOn: "2026-12-21", endsOn: "2026-12-30" },
        { startsOn: "2026-12-31", endsOn: "2027-01-04" },
      ]),
    ).toBe(true);
  });
});

describe("plannedSessionsInWeek", () => {
  it("plans one session a week per trial or active pairing", () => {
    const pairings = [live("2026-09-07"), live("2026-10-05", "TRIAL"), live("2026-09-07", "PAUSED"), live("2026-09-07", "ENDED")];
    expect(plannedSessionsInWeek(MONDAY, pairings, "WEEKLY", [])).toBe(2);
  });

  it("counts a pairing that starts during the week, not one that starts after it", () => {
    expect(plannedSessionsInWeek(MONDAY, [live("2026-11-08")], "WEEKLY", [])).toBe(1);
    expect(plannedSessionsInWeek(MONDAY, [live("2026-11-09")], "WEEKLY", [])).toBe(0);
  });

  it("plans nothing in a holiday week", () => {
    expect(plannedSessionsInWeek("2026-10-26", [live("2026-09-07"), live("2026-09-14")], "WEEKLY", [octoberHalfTerm])).toBe(0);
  });

  it("plans fortnightly pairings every other week from their start", () => {
    const pairing = [live("2026-10-19")];
    expect(plannedSessionsInWeek("2026-10-19", pairing, "FORTNIGHTLY", [])).toBe(1);
    expect(plannedSessionsInWeek("2026-10-26", pairing, "FORTNIGHTLY", [])).toBe(0);
    expect(plannedSessionsInWeek(MONDAY, pairing, "FORTNIGHTLY", [])).toBe(1);
    expect(plannedSessionsInWeek("2026-11-09", pairing, "FORTNIGHTLY", [])).toBe(0);
  });

  it("plans a fortnightly pairing that starts midweek in its first week, like nextSessionDate expects", () => {
    // Starts Wednesday 4 November: its first meeting is due that week (nextSessionDate says 4 Nov).
    const pairing = [live("2026-11-04")];
    expect(nextSessionDate("2026-11-02", null, "2026-11-04", "FORTNIGHTLY", [])).toBe("2026-11-04");
    expect(plannedSessionsInWeek(MONDAY, pairing, "FORTNIGHTLY", [])).toBe(1);
    expect(plannedSessionsInWeek("2026-11-09", pairing, "FORTNIGHTLY", [])).toBe(0);
    expect(plannedSessionsInWeek("2026-11-16", pairing, "FORTNIGHTLY", [])).toBe(1);
  });
});

describe("nextSessionDate", () => {
  it("is the start date when nothing has been held and the start is ahead", () => {
    expect(nextSessionDate("2026-11-02", null, "2026-11-04", "WEEKLY", [])).toBe("2026-11-04");
  });

  it("is a week after the last session", () => {
    expect(nextSessionDate("2026-11-02", "2026-10-30", "2026-09-07", "WEEKLY", [])).toBe("2026-11-06");
  });

  it("is a fortnight after the last session for a fortnightly programme", () => {
    expect(nextSessionDate("2026-11-02", "2026-10-30", "2026-09-07", "FORTNIGHTLY", [])).toBe("2026-11-13");
  });

  it("is never before today", () => {
    expect(nextSessionDate("2026-11-04", "2026-10-01", "2026-09-07", "WEEKLY", [])).toBe("2026-11-04");
  });

  it("skips a weekend", () => {
    // Today is Saturday 7 November: the next school day is Monday.
    expect(nextSessionDate("2026-11-07", "2026-10-01", "2026-09-07", "WEEKLY", [])).toBe("2026-11-09");
    // A pairing that starts on a Sunday.
    expect(nextSessionDate("2026-11-02", null, "2026-11-08", "WEEKLY", [])).toBe("2026-11-09");
  });

  it("skips a holiday and the weekend after it", () => {
    // A week after Tuesday 20 October falls in half-term (26–30 Oct); the next school day is Monday 2 November.
    expect(nextSessionDate("2026-10-21", "2026-10-20", "2026-09-07", "WEEKLY", [octoberHalfTerm])).toBe("2026-11-02");
  });
});
