import { describe, expect, it } from "vitest";
import {
  boardName,
  competitionRank,
  pupilDisplayName,
  pupilFigure,
  pupilFirstName,
  rankForPupils,
  rankForStaff,
  type BoardRules,
  type LeaderboardInput,
  type PupilBoardInput,
  type PupilNames,
} from "./ranking";

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

  it("orders equal totals by name, then by id, whatever order they were loaded in", () => {
    const rows = [entry("b2", 3, "Sam S."), entry("b1", 3, "Sam S."), entry("a", 3, "Ava A.")];
    expect(rankForStaff(rows).map((r) => r.studentId)).toEqual(["a", "b1", "b2"]);
    expect(rankForStaff([...rows].reverse())).toEqual(rankForStaff(rows));
  });
});

const names = (first: string, last: string, extra: Partial<PupilNames> = {}): PupilNames => ({
  preferredName: null,
  legalFirstName: first,
  legalLastName: last,
  approvedNickname: null,
  ...extra,
});
const pupil = (studentId: string, first: string, total: number, earned: number, extra: Partial<PupilBoardInput> = {}): PupilBoardInput => ({
  studentId,
  names: names(first, `${first.charAt(0)}son`),
  total,
  earned,
  isOptedOut: false,
  isHidden: false,
  ...extra,
});
const EARNED: BoardRules = { measure: "EARNED", nameStyle: "FIRST_NAME_INITIAL" };
const NET: BoardRules = { measure: "NET", nameStyle: "FIRST_NAME_INITIAL" };

describe("competitionRank", () => {
  const rank = (rows: { id: string; name: string; points: number }[]) =>
    competitionRank(
      rows,
      (r) => r.points,
      (r) => r.name,
      (r) => r.id,
    ).map((r) => [r.id, r.rank, r.hasRosette]);

  it("ranks 1, 1, 3 and gives everyone tied first a rosette", () => {
    expect(
      rank([
        { id: "c", name: "C", points: 4 },
        { id: "a", name: "A", points: 9 },
        { id: "b", name: "B", points: 9 },
      ]),
    ).toEqual([
      ["a", 1, true],
      ["b", 1, true],
      ["c", 3, false],
    ]);
  });

  it("orders equal points by name, then by id, whatever order the rows came in", () => {
    const rows = [
      { id: "2", name: "Sam", points: 1 },
      { id: "1", name: "Sam", points: 1 },
      { id: "0", name: "Ava", points: 1 },
    ];
    expect(rank(rows)).toEqual([
      ["0", 1, true],
      ["1", 1, true],
      ["2", 1, true],
    ]);
    expect(rank([...rows].reverse())).toEqual(rank(rows));
  });

  it("gives no rosette at 0 or below, even to first place", () => {
    expect(
      rank([
        { id: "a", name: "A", points: 0 },
        { id: "b", name: "B", points: -2 },
      ]),
    ).toEqual([
      ["a", 1, false],
      ["b", 2, false],
    ]);
  });

  it("keeps the rows' own fields", () => {
    const [row] = competitionRank(
      [{ id: "a", label: "Group A", n: 3 }],
      (r) => r.n,
      (r) => r.label,
      (r) => r.id,
    );
    expect(row).toEqual({ id: "a", label: "Group A", n: 3, rank: 1, hasRosette: true });
  });
});

describe("pupilFigure", () => {
  it("is the points earned when boards rank points earned", () => {
    expect(pupilFigure({ total: -4, earned: 6 }, "EARNED")).toBe(6);
  });

  it("is the net total when boards rank net totals, with anything below zero shown as 0", () => {
    expect(pupilFigure({ total: 5, earned: 8 }, "NET")).toBe(5);
    expect(pupilFigure({ total: -4, earned: 6 }, "NET")).toBe(0);
    expect(pupilFigure({ total: 0, earned: 3 }, "NET")).toBe(0);
  });
});

describe("boardName", () => {
  const maya = names("Maya", "patel", { preferredName: "May", approvedNickname: "  Rocket  " });

  it("is the first name and last initial by default", () => {
    expect(boardName(maya, "FIRST_NAME_INITIAL")).toBe("May P.");
  });

  it("is initials only when the school chooses initials", () => {
    expect(boardName(maya, "INITIALS")).toBe("M. P.");
    expect(boardName(names("élodie", "Ørsted"), "INITIALS")).toBe("É. Ø.");
    expect(boardName(names("Maya", " "), "INITIALS")).toBe("M.");
  });

  it("is the approved nickname, trimmed, when the school chooses nicknames", () => {
    expect(boardName(maya, "NICKNAME")).toBe("Rocket");
  });

  it("falls back to initials for a pupil with no approved nickname", () => {
    expect(boardName(names("Maya", "Patel"), "NICKNAME")).toBe("M. P.");
    expect(boardName(names("Maya", "Patel", { approvedNickname: "   " }), "NICKNAME")).toBe("M. P.");
  });
});

describe("rankForPupils (ADR 006)", () => {
  it("ranks the points each pupil earned, never a total below zero", () => {
    // Amy earned 6 and lost 10 (total -4); Ben earned nothing; Cal earned 3.
    const rows = rankForPupils([pupil("a", "Amy", -4, 6), pupil("b", "Ben", 0, 0), pupil("c", "Cal", 3, 3)], EARNED);
    expect(rows.map((r) => [r.displayName, r.points, r.rank])).toEqual([
      ["Amy A.", 6, 1],
      ["Cal C.", 3, 2],
      ["Ben B.", 0, 3],
    ]);
  });

  it("cannot tell a pupil below zero from one who simply has no points: same rank, same cell, order by name", () => {
    const rows = rankForPupils([pupil("z", "Zed", 0, 0), pupil("a", "Abe", -9, 0), pupil("m", "Mo", 0, 0)], EARNED);
    expect(rows).toEqual([
      { studentId: "a", displayName: "Abe A.", points: 0, rank: 1, hasRosette: false },
      { studentId: "m", displayName: "Mo M.", points: 0, rank: 1, hasRosette: false },
      { studentId: "z", displayName: "Zed Z.", points: 0, rank: 1, hasRosette: false },
    ]);
  });

  it("ranks net totals when the school chooses them, every total below zero shown and ranked as 0", () => {
    const rows = rankForPupils([pupil("a", "Abe", -9, 4), pupil("b", "Bea", 5, 7), pupil("c", "Cy", 0, 2)], NET);
    expect(rows.map((r) => [r.displayName, r.points, r.rank, r.hasRosette])).toEqual([
      ["Bea B.", 5, 1, true],
      ["Abe A.", 0, 2, false],
      ["Cy C.", 0, 2, false],
    ]);
  });

  it("gives the rosette to everyone tied first on points earned", () => {
    const rows = rankForPupils([pupil("a", "A", 2, 5), pupil("b", "B", 5, 5), pupil("c", "C", 1, 1)], EARNED);
    expect(rows.filter((r) => r.hasRosette).map((r) => r.studentId)).toEqual(["a", "b"]);
  });

  it("leaves off pupils who opted out and pupils staff hid, and the others' ranks close up", () => {
    const rows = rankForPupils(
      [
        pupil("a", "Amy", 9, 9, { isOptedOut: true }),
        pupil("b", "Ben", 7, 7, { isHidden: true }),
        pupil("c", "Cal", 3, 3),
        pupil("d", "Dee", 1, 1),
      ],
      EARNED,
    );
    expect(rows.map((r) => [r.studentId, r.rank, r.hasRosette])).toEqual([
      ["c", 1, true],
      ["d", 2, false],
    ]);
  });

  it("names pupils in the school's style", () => {
    const entries = [pupil("a", "Amy", 2, 2, { names: names("Amy", "Jones", { approvedNickname: "Ace" }) }), pupil("b", "Ben", 1, 1)];
    expect(rankForPupils(entries, { measure: "EARNED", nameStyle: "NICKNAME" }).map((r) => r.displayName)).toEqual(["Ace", "B. B."]);
    expect(rankForPupils(entries, { measure: "EARNED", nameStyle: "INITIALS" }).map((r) => r.displayName)).toEqual(["A. J.", "B. B."]);
  });

  it("returns board rows and nothing else about the pupil", () => {
    const [row] = rankForPupils([pupil("a", "Amy", -3, 2)], EARNED);
    expect(Object.keys(row!).sort()).toEqual(["displayName", "hasRosette", "points", "rank", "studentId"]);
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
