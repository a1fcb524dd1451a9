import { describe, expect, it } from "vitest";
import { aboveZeroMoments, mostImproved, rankGroups, type GroupMember, type ImprovedInput } from "./boards";

const member = (studentId: string, figure: number, isShown = true): GroupMember => ({ studentId, figure, isShown });

describe("rankGroups", () => {
  it("ranks groups of different sizes by points per pupil, not by total", () => {
    const rows = rankGroups(
      [
        { groupId: "big", label: "Big group", members: [member("a", 4), member("b", 4), member("c", 4), member("d", 4)] },
        { groupId: "small", label: "Small group", members: [member("e", 6), member("f", 5)] },
      ],
      "staff",
    );
    expect(rows).toEqual([
      { groupId: "small", label: "Small group", pupils: 2, perPupil: 5.5, rank: 1, hasRosette: true },
      { groupId: "big", label: "Big group", pupils: 4, perPupil: 4, rank: 2, hasRosette: false },
    ]);
  });

  it("rounds points per pupil to whole tenths, so groups that look equal share a rank", () => {
    // 10 / 3 = 3.333… and 20 / 6 = 3.333…; 23 / 7 = 3.285… shows as 3.3 too.
    const rows = rankGroups(
      [
        { groupId: "g1", label: "Ash", members: [member("a", 3), member("b", 3), member("c", 4)] },
        { groupId: "g2", label: "Birch", members: [1, 2, 3, 4, 5, 5].map((n, i) => member(`b${i}`, n)) },
        { groupId: "g3", label: "Cedar", members: [3, 3, 3, 3, 3, 4, 4].map((n, i) => member(`c${i}`, n)) },
        { groupId: "g4", label: "Damson", members: [member("d", 1), member("e", 2)] },
      ],
      "staff",
    );
    expect(rows.map((r) => [r.label, r.perPupil, r.rank, r.hasRosette])).toEqual([
      ["Ash", 3.3, 1, true],
      ["Birch", 3.3, 1, true],
      ["Cedar", 3.3, 1, true],
      ["Damson", 1.5, 4, false],
    ]);
  });

  it("on pupil boards, counts shown members only: hidden or opted-out pupils' points and heads are left out", () => {
    const group = { groupId: "g", label: "Oak", members: [member("a", 6), member("b", 2), member("c", 40, false)] };
    expect(rankGroups([group], "pupil")[0]).toMatchObject({ pupils: 2, perPupil: 4 });
    expect(rankGroups([group], "staff")[0]).toMatchObject({ pupils: 3, perPupil: 16 });
    // Whatever the hidden pupil has, the pupil board is the same.
    const other = { ...group, members: [member("a", 6), member("b", 2), member("c", 0, false), member("z", 99, false)] };
    expect(rankGroups([other], "pupil")).toEqual(rankGroups([group], "pupil"));
  });

  it("shows 0 per pupil for a group with no members, or none shown", () => {
    const rows = rankGroups(
      [
        { groupId: "e", label: "Empty", members: [] },
        { groupId: "h", label: "All hidden", members: [member("a", 5, false)] },
      ],
      "pupil",
    );
    expect(rows.map((r) => [r.label, r.pupils, r.perPupil, r.rank, r.hasRosette])).toEqual([
      ["All hidden", 0, 0, 1, false],
      ["Empty", 0, 0, 1, false],
    ]);
  });

  it("shows staff groups below zero as they are, and never -0", () => {
    const rows = rankGroups(
      [
        { groupId: "a", label: "A", members: [member("a", -3), member("b", 0)] },
        // -1 point over 25 pupils is -0.04, which rounds to 0.
        { groupId: "b", label: "B", members: [member("c", -1), ...Array.from({ length: 24 }, (_, i) => member(`z${i}`, 0))] },
      ],
      "staff",
    );
    expect(rows.map((r) => [r.label, r.perPupil, r.rank])).toEqual([
      ["B", 0, 1],
      ["A", -1.5, 2],
    ]);
    expect(Object.is(rows[0]!.perPupil, -0)).toBe(false);
  });
});

const improved = (
  studentId: string,
  first: string,
  now: { total: number; earned: number },
  before: { total: number; earned: number },
  extra: Partial<ImprovedInput> = {},
): ImprovedInput => ({
  studentId,
  names: { preferredName: null, legalFirstName: first, legalLastName: "Smith", approvedNickname: null },
  total: now.total,
  earned: now.earned,
  previousTotal: before.total,
  previousEarned: before.earned,
  isOptedOut: false,
  isHidden: false,
  ...extra,
});
const pupils = (rules: { measure: "EARNED" | "NET"; nameStyle: "FIRST_NAME_INITIAL" | "NICKNAME" | "INITIALS" }) =>
  ({ kind: "pupil", rules }) as const;

describe("mostImproved", () => {
  const entries = [
    improved("a", "Amy", { total: 6, earned: 6 }, { total: 2, earned: 2 }), // +4
    improved("b", "Ben", { total: 1, earned: 1 }, { total: 5, earned: 5 }), // fell: not listed
    improved("c", "Cal", { total: 3, earned: 3 }, { total: 3, earned: 3 }), // same: not listed
    improved("d", "Dee", { total: 9, earned: 9 }, { total: 5, earned: 5 }), // +4
    improved("e", "Eve", { total: 2, earned: 2 }, { total: 0, earned: 0 }), // +2
  ];

  it("lists rises only, ranked fairly, with a rosette for everyone tied first", () => {
    const rows = mostImproved(entries, pupils({ measure: "EARNED", nameStyle: "FIRST_NAME_INITIAL" }));
    expect(rows).toEqual([
      { studentId: "a", displayName: "Amy S.", points: 4, change: 4, rank: 1, hasRosette: true },
      { studentId: "d", displayName: "Dee S.", points: 4, change: 4, rank: 1, hasRosette: true },
      { studentId: "e", displayName: "Eve S.", points: 2, change: 2, rank: 3, hasRosette: false },
    ]);
  });

  it("keeps every tie at the cut", () => {
    const rule = pupils({ measure: "EARNED", nameStyle: "FIRST_NAME_INITIAL" });
    expect(mostImproved(entries, rule, 1).map((r) => r.studentId)).toEqual(["a", "d"]);
    expect(mostImproved(entries, rule, 2).map((r) => r.studentId)).toEqual(["a", "d"]);
    expect(mostImproved(entries, rule, 3).map((r) => r.studentId)).toEqual(["a", "d", "e"]);
    expect(mostImproved(entries, rule, 0)).toEqual([]);
  });

  it("shows ten ranks by default", () => {
    const many = Array.from({ length: 14 }, (_, i) => improved(`p${i}`, `P${i}`, { total: i + 1, earned: i + 1 }, { total: 0, earned: 0 }));
    expect(mostImproved(many, { kind: "staff" }).map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("on pupil boards, leaves off opted-out and hidden pupils and names pupils in the school's style", () => {
    const rows = mostImproved(
      [
        improved("a", "Amy", { total: 6, earned: 6 }, { total: 0, earned: 0 }, { isOptedOut: true }),
        improved("b", "Ben", { total: 6, earned: 6 }, { total: 0, earned: 0 }, { isHidden: true }),
        improved("c", "Cal", { total: 1, earned: 1 }, { total: 0, earned: 0 }),
      ],
      pupils({ measure: "EARNED", nameStyle: "INITIALS" }),
    );
    expect(rows.map((r) => [r.studentId, r.displayName, r.rank])).toEqual([["c", "C. S.", 1]]);
  });

  it("on net pupil boards, counts a climb from below zero only from 0", () => {
    // Abe went from -5 to 3 (+8 in truth); pupils see 0 → 3. Bea went from -5 to -1: no visible change.
    const rows = mostImproved(
      [
        improved("a", "Abe", { total: 3, earned: 9 }, { total: -5, earned: 2 }),
        improved("b", "Bea", { total: -1, earned: 4 }, { total: -5, earned: 0 }),
      ],
      pupils({ measure: "NET", nameStyle: "FIRST_NAME_INITIAL" }),
    );
    expect(rows.map((r) => [r.studentId, r.change])).toEqual([["a", 3]]);
  });

  it("on earned pupil boards, compares points earned", () => {
    const rows = mostImproved(
      [improved("a", "Abe", { total: -2, earned: 5 }, { total: 4, earned: 4 })],
      pupils({ measure: "EARNED", nameStyle: "FIRST_NAME_INITIAL" }),
    );
    expect(rows.map((r) => [r.studentId, r.change])).toEqual([["a", 1]]);
  });

  it("shows staff real totals and everyone, opted out or hidden, by first name and initial", () => {
    const rows = mostImproved(
      [
        improved("a", "Abe", { total: 3, earned: 9 }, { total: -5, earned: 2 }, { isOptedOut: true }),
        improved("b", "Bea", { total: -1, earned: 4 }, { total: -5, earned: 0 }, { isHidden: true }),
      ],
      { kind: "staff" },
    );
    expect(rows.map((r) => [r.displayName, r.change, r.rank])).toEqual([
      ["Abe S.", 8, 1],
      ["Bea S.", 4, 2],
    ]);
  });
});

describe("aboveZeroMoments", () => {
  const ledger = (...amounts: number[]) => amounts.map((amount, i) => ({ id: `e${i + 1}`, amount }));

  it("finds the entry that takes a total from below zero to above it", () => {
    expect(aboveZeroMoments(ledger(-3, 2, 2))).toEqual(["e3"]);
  });

  it("does not count reaching exactly 0, only going above it", () => {
    expect(aboveZeroMoments(ledger(-1, 1, 1))).toEqual(["e3"]);
  });

  it("finds a climb straight from below zero to above it", () => {
    expect(aboveZeroMoments(ledger(1, -2, 3))).toEqual(["e3"]);
  });

  it("finds each climb when a pupil dips below zero again", () => {
    expect(aboveZeroMoments(ledger(-2, 3, -4, 0, 2, 1, 5))).toEqual(["e2", "e7"]);
  });

  it("finds nothing for a pupil who was never below zero, or is still there", () => {
    expect(aboveZeroMoments(ledger(2, 1, -3, 4))).toEqual([]);
    expect(aboveZeroMoments(ledger(-3, 2))).toEqual([]);
    expect(aboveZeroMoments([])).toEqual([]);
  });
});
