import { describe, expect, it } from "vitest";
import type { PairingStatus } from "@/generated/prisma/enums";
import { canChangeStatus } from "@/features/pairings/status";
import {
  checkPairingRules,
  pairRulesBroken,
  sharesFreeTime,
  type MentorCandidate,
  type PairingProposal,
  type RuleCandidate,
} from "./pairing-rules";

const mentor = (id: string, yearGroup = 10, extra: Partial<MentorCandidate> = {}): MentorCandidate => ({
  studentId: id,
  name: `Mentor ${id}`,
  yearGroup,
  hasProfile: true,
  capacity: 1,
  currentLoad: 0,
  ...extra,
});
const mentee = (id: string, yearGroup = 8, extra: Partial<RuleCandidate> = {}): RuleCandidate => ({
  studentId: id,
  name: `Mentee ${id}`,
  yearGroup,
  hasProfile: true,
  heldPairings: 0,
  ...extra,
});
const proposal = (extra: Partial<PairingProposal> = {}): PairingProposal => ({
  kind: "ONE_TO_ONE",
  programmeFormat: "BOTH",
  mentors: [mentor("m1")],
  mentees: [mentee("e1")],
  ...extra,
});
const rules = (p: PairingProposal) => checkPairingRules(p).map((v) => v.rule);

describe("checkPairingRules", () => {
  it("accepts a good 1:1 pair", () => {
    expect(checkPairingRules(proposal())).toEqual([]);
  });

  it("accepts a good group within capacity", () => {
    expect(
      checkPairingRules(
        proposal({
          kind: "GROUP",
          mentors: [mentor("m1", 11, { capacity: 3 })],
          mentees: [mentee("e1"), mentee("e2", 7), mentee("e3", 9)],
        }),
      ),
    ).toEqual([]);
  });

  it("format: a programme of 1:1 pairs refuses a group, and a group programme refuses a pair", () => {
    const group = proposal({
      kind: "GROUP",
      programmeFormat: "ONE_TO_ONE",
      mentors: [mentor("m1", 10, { capacity: 2 })],
      mentees: [mentee("e1"), mentee("e2")],
    });
    expect(checkPairingRules(group)).toEqual([{ rule: "format", field: "kind", message: "This programme runs 1:1 pairs only." }]);
    expect(checkPairingRules(proposal({ programmeFormat: "GROUP" }))).toEqual([
      { rule: "format", field: "kind", message: "This programme runs groups only." },
    ]);
  });

  it("size: needs a mentor and a mentee", () => {
    const violations = checkPairingRules(proposal({ mentors: [], mentees: [] }));
    expect(violations).toEqual([
      { rule: "size", field: "mentorIds", message: "Choose a mentor." },
      { rule: "size", field: "menteeIds", message: "Choose a mentee." },
    ]);
  });

  it("size: a 1:1 pair has exactly one of each", () => {
    const violations = checkPairingRules(proposal({ mentors: [mentor("m1"), mentor("m2")], mentees: [mentee("e1"), mentee("e2")] }));
    expect(violations.filter((v) => v.rule === "size").map((v) => v.field)).toEqual(["mentorIds", "menteeIds"]);
  });

  it("overlap: a pupil cannot be mentor and mentee of the same pairing", () => {
    const both = mentor("x", 10, { capacity: 5 });
    const violations = checkPairingRules(proposal({ kind: "GROUP", mentors: [both], mentees: [{ ...mentee("x", 10) }, mentee("e1")] }));
    expect(violations.map((v) => v.rule)).toEqual(["overlap"]);
    expect(violations[0]!.field).toBe("menteeIds");
  });

  it("profile: both sides must be in the programme", () => {
    const violations = checkPairingRules(
      proposal({ mentors: [mentor("m1", 10, { hasProfile: false })], mentees: [mentee("e1", 8, { hasProfile: false })] }),
    );
    expect(violations.map((v) => [v.rule, v.field])).toEqual([
      ["profile", "mentorIds"],
      ["profile", "menteeIds"],
    ]);
  });

  it("already-paired: a mentee in a live pairing cannot get a second mentor", () => {
    expect(rules(proposal({ mentees: [mentee("e1", 8, { heldPairings: 1 })] }))).toEqual(["already-paired"]);
  });

  it("older: the mentor must be at least one year older by default", () => {
    expect(rules(proposal({ mentors: [mentor("m1", 8)], mentees: [mentee("e1", 8)] }))).toEqual(["older"]);
    expect(rules(proposal({ mentors: [mentor("m1", 9)], mentees: [mentee("e1", 8)] }))).toEqual([]);
  });

  it("older: respects a larger minimum gap and says it in the message", () => {
    const violations = checkPairingRules(proposal({ mentors: [mentor("m1", 9)], mentees: [mentee("e1", 8)], minimumYearGap: 2 }));
    expect(violations).toHaveLength(1);
    expect(violations[0]!.message).toContain("at least 2 years older");
  });

  it("capacity: counts the mentor's current load plus the new mentees", () => {
    expect(rules(proposal({ mentors: [mentor("m1", 10, { capacity: 1, currentLoad: 1 })] }))).toEqual(["capacity"]);
    expect(rules(proposal({ mentors: [mentor("m1", 10, { capacity: 2, currentLoad: 1 })] }))).toEqual([]);
    const group = proposal({
      kind: "GROUP",
      mentors: [mentor("m1", 10, { capacity: 2 })],
      mentees: [mentee("e1"), mentee("e2"), mentee("e3")],
    });
    expect(rules(group)).toEqual(["capacity"]);
  });
});

describe("canChangeStatus", () => {
  const all: PairingStatus[] = ["TRIAL", "ACTIVE", "PAUSED", "ENDED"];
  const allowed = new Set([
    "TRIAL>ACTIVE",
    "TRIAL>PAUSED",
    "TRIAL>ENDED",
    "ACTIVE>PAUSED",
    "ACTIVE>ENDED",
    "PAUSED>TRIAL",
    "PAUSED>ACTIVE",
    "PAUSED>ENDED",
  ]);

  for (const from of all) {
    for (const to of all) {
      const expected = allowed.has(`${from}>${to}`);
      it(`${from} → ${to} is ${expected ? "allowed" : "refused"}`, () => {
        expect(canChangeStatus(from, to)).toBe(expected);
      });
    }
  }
});

describe("pairRulesBroken: the one answer to 'may this pupil mentor that one'", () => {
  const rules = { minYearGap: 1, maxYearGap: 4, isTrainingRequired: true };
  const fine = { isSamePupil: false, yearGap: 2, sharesFreeTime: true, isMentorTrained: true, isKeptApart: false };

  it("allows a pair that keeps every rule", () => {
    expect(pairRulesBroken(fine, rules)).toEqual([]);
  });

  it("names every rule broken, in the order a coordinator would fix them", () => {
    expect(
      pairRulesBroken({ isSamePupil: true, yearGap: 0, sharesFreeTime: false, isMentorTrained: false, isKeptApart: true }, rules),
    ).toEqual(["same-pupil", "too-young", "no-shared-slot", "untrained", "keep-apart"]);
    expect(pairRulesBroken({ ...fine, yearGap: 5 }, rules)).toEqual(["too-old"]);
  });

  it("lets a recorded reason override training, and a programme that does not require it", () => {
    expect(pairRulesBroken({ ...fine, isMentorTrained: false, hasTrainingOverride: true }, rules)).toEqual([]);
    expect(pairRulesBroken({ ...fine, isMentorTrained: false }, { ...rules, isTrainingRequired: false })).toEqual([]);
  });

  it("has no override for keep-apart", () => {
    expect(pairRulesBroken({ ...fine, isKeptApart: true, hasTrainingOverride: true }, rules)).toEqual(["keep-apart"]);
  });
});

describe("sharesFreeTime", () => {
  it("is true when the pupils share a slot", () => {
    expect(sharesFreeTime(["MON_LUNCH", "WED_LUNCH"], ["WED_LUNCH"])).toBe(true);
    expect(sharesFreeTime(["MON_LUNCH"], ["FRI_LUNCH"])).toBe(false);
  });

  it("treats free times nobody has given as no clash, on either side", () => {
    expect(sharesFreeTime([], ["FRI_LUNCH"])).toBe(true);
    expect(sharesFreeTime(["MON_LUNCH"], [])).toBe(true);
    expect(sharesFreeTime([], [])).toBe(true);
  });
});
