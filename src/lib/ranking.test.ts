import { describe, expect, it } from "vitest";
import { pupilDisplayName, pupilFirstName, rankLeaderboard, type LeaderboardInput } from "./ranking";

const entry = (studentId: string, total: number, displayName = studentId): LeaderboardInput => ({ studentId, displayName, total });
const staff = { isPupil: false };

describe("rankLeaderboard", () => {
  it("uses standard competition ranking: 1, 1, 3", () => {
    const rows = rankLeaderboard([entry("c", 5), entry("a", 10), entry("b", 10), entry("d", 1)], staff);
    expect(rows.map((r) => [r.studentId, r.rank])).toEqual([
      ["a", 1],
      ["b", 1],
      ["c", 3],
      ["d", 4],
    ]);
  });

  it("gives every pupil tied first a rosette, and nobody else", () => {
    const rows = rankLeaderboard([entry("a", 7), entry("b", 7), entry("c", 7), entry("d", 6)], staff);
    expect(rows.filter((r) => r.hasRosette).map((r) => r.studentId)).toEqual(["a", "b", "c"]);
    expect(rows.find((r) => r.studentId === "d")!.rank).toBe(4);
  });

  it("gives no rosette when nobody has any points", () => {
    const rows = rankLeaderboard([entry("a", 0), entry("b", 0)], staff);
    expect(rows.every((r) => r.rank === 1 && !r.hasRosette)).toBe(true);
  });

  it("shows staff the real totals, negatives ranked last", () => {
    const rows = rankLeaderboard([entry("a", -4), entry("b", 0), entry("c", 3)], staff);
    expect(rows.map((r) => [r.studentId, r.total, r.rank, r.isTotalHidden])).toEqual([
      ["c", 3, 1, false],
      ["b", 0, 2, false],
      ["a", -4, 3, false],
    ]);
  });

  it("never shows a pupil another pupil's negative total, and ranks it as 0", () => {
    const rows = rankLeaderboard([entry("a", -4, "Amy A."), entry("b", 0, "Ben B."), entry("c", 3, "Cal C.")], {
      isPupil: true,
      studentId: "c",
    });
    const amy = rows.find((r) => r.studentId === "a")!;
    expect(amy.total).toBe(0);
    expect(amy.isTotalHidden).toBe(true);
    expect(amy.rank).toBe(rows.find((r) => r.studentId === "b")!.rank);
    expect(rows.some((r) => r.total < 0)).toBe(false);
  });

  it("shows a pupil their own negative total", () => {
    const rows = rankLeaderboard([entry("a", -4), entry("b", 2)], { isPupil: true, studentId: "a" });
    const me = rows.find((r) => r.studentId === "a")!;
    expect(me.total).toBe(-4);
    expect(me.isTotalHidden).toBe(false);
  });

  it("does not reveal who is negative through the order: hidden negatives sort by name among zeros", () => {
    const rows = rankLeaderboard([entry("z", 0, "Zed Z."), entry("a", -9, "Abe A."), entry("m", 0, "Mo M.")], {
      isPupil: true,
      studentId: null,
    });
    expect(rows.map((r) => r.displayName)).toEqual(["Abe A.", "Mo M.", "Zed Z."]);
    expect(rows.every((r) => r.rank === 1 && r.total === 0)).toBe(true);
  });

  it("handles an empty board", () => {
    expect(rankLeaderboard([], staff)).toEqual([]);
  });
});

describe("pupilDisplayName", () => {
  it("is the first name and last initial", () => {
    expect(pupilDisplayName({ preferredName: null, legalFirstName: "Maya", legalLastName: "patel" })).toBe("Maya P.");
  });

  it("prefers the preferred name", () => {
    expect(pupilDisplayName({ preferredName: "Mo", legalFirstName: "Mohammed", legalLastName: "Khan" })).toBe("Mo K.");
  });

  it("ignores a blank preferred name", () => {
    expect(pupilDisplayName({ preferredName: "  ", legalFirstName: "Maya", legalLastName: "Patel" })).toBe("Maya P.");
  });

  it("is the first name alone when there is no last name", () => {
    expect(pupilDisplayName({ preferredName: null, legalFirstName: "Maya", legalLastName: " " })).toBe("Maya");
  });

  it("pupilFirstName never includes the last name", () => {
    expect(pupilFirstName({ preferredName: null, legalFirstName: "Maya" })).toBe("Maya");
    expect(pupilFirstName({ preferredName: "May", legalFirstName: "Maya" })).toBe("May");
  });
});
