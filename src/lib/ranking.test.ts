import { describe, expect, it } from "vitest";
import { pupilDisplayName, pupilFirstName, rankForPupils, rankForStaff, type LeaderboardInput } from "./ranking";

const entry = (studentId: string, total: number, displayName = studentId, earned = Math.max(total, 0)): LeaderboardInput => ({
  studentId,
  displayName,
  total,
  earned,
});

describe("rankForStaff", () => {
  it("uses standard competition ranking: 1, 1, 3", () => {
    const rows = rankForStaff([entry("c", 5), entry("a", 10), entry("b", 10), entry("d", 1)]);
    expect(rows.map((r) => [r.studentId, r.rank])).toEqual([
      ["a", 1],
      ["b", 1],
      ["c", 3],
      ["d", 4],
    ]);
  });

  it("gives every pupil tied first a rosette, and nobody else", () => {
    const rows = rankForStaff([entry("a", 7), entry("b", 7), entry("c", 7), entry("d", 6)]);
    expect(rows.filter((r) => r.hasRosette).map((r) => r.studentId)).toEqual(["a", "b", "c"]);
    expect(rows.find((r) => r.studentId === "d")!.rank).toBe(4);
  });

  it("gives no rosette when nobody has any points", () => {
    const rows = rankForStaff([entry("a", 0), entry("b", 0)]);
    expect(rows.every((r) => r.rank === 1 && !r.hasRosette)).toBe(true);
  });

  it("shows staff the real totals, negatives ranked last", () => {
    const rows = rankForStaff([entry("a", -4), entry("b", 0), entry("c", 3)]);
    expect(rows.map((r) => [r.studentId, r.points, r.rank])).toEqual([
      ["c", 3, 1],
      ["b", 0, 2],
      ["a", -4, 3],
    ]);
  });

  it("handles an empty board", () => {
    expect(rankForStaff([])).toEqual([]);
  });
});

describe("rankForPupils (ADR 006)", () => {
  it("ranks the points each pupil earned, never a total below zero", () => {
    // Amy earned 6 and lost 10 (total -4); Ben earned nothing; Cal earned 3.
    const rows = rankForPupils([entry("a", -4, "Amy A.", 6), entry("b", 0, "Ben B.", 0), entry("c", 3, "Cal C.", 3)]);
    expect(rows.map((r) => [r.displayName, r.points, r.rank])).toEqual([
      ["Amy A.", 6, 1],
      ["Cal C.", 3, 2],
      ["Ben B.", 0, 3],
    ]);
    expect(rows.every((r) => r.points >= 0)).toBe(true);
  });

  it("cannot tell a pupil below zero from one who simply has no points: same rank, same cell, order by name", () => {
    const rows = rankForPupils([entry("z", 0, "Zed Z.", 0), entry("a", -9, "Abe A.", 0), entry("m", 0, "Mo M.", 0)]);
    expect(rows).toEqual([
      { studentId: "a", displayName: "Abe A.", points: 0, rank: 1, hasRosette: false },
      { studentId: "m", displayName: "Mo M.", points: 0, rank: 1, hasRosette: false },
      { studentId: "z", displayName: "Zed Z.", points: 0, rank: 1, hasRosette: false },
    ]);
  });

  it("gives the rosette to everyone tied first on points earned", () => {
    const rows = rankForPupils([entry("a", 2, "A", 5), entry("b", 5, "B", 5), entry("c", 1, "C", 1)]);
    expect(rows.filter((r) => r.hasRosette).map((r) => r.studentId)).toEqual(["a", "b"]);
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
