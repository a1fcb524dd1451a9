import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPairingRules } from "../pairing-rules";
import { compileProgramme } from "./compile";
import { pairBlock, pairRuleBroken } from "./hard-rules";
import { isAllowedPair, placesOf, programmeArbitrary } from "./test-support";
import type { MatchMentee, MatchMentor, Programme } from "./types";

const mentor = (id: string, extra: Partial<MatchMentor> = {}): MatchMentor => ({
  id,
  name: id,
  yearGroup: 11,
  isTrained: true,
  capacity: 1,
  strengths: {},
  interests: [],
  slots: ["wed"],
  livedExperience: null,
  ...extra,
});
const mentee = (id: string, extra: Partial<MatchMentee> = {}): MatchMentee => ({
  id,
  name: id,
  yearGroup: 8,
  focusAreas: [],
  interests: [],
  slots: ["wed"],
  livedExperience: null,
  ranking: [],
  ...extra,
});
const weights = { focusFit: 1, menteeRanking: [1, 1, 1] as const, sharedInterests: 1, yearGapCloseness: 1, livedExperience: 1 };

describe("pairRuleBroken", () => {
  const p: Programme = {
    mentors: [
      mentor("ok"),
      mentor("young", { yearGroup: 8 }),
      mentor("old", { yearGroup: 13 }),
      mentor("busy", { slots: ["fri"] }),
      mentor("new", { isTrained: false }),
      mentor("apart"),
      mentor("full", { capacity: 2, currentLoad: 2 }),
      mentor("me"),
    ],
    mentees: [mentee("me")],
    keepApart: [["apart", "me"]],
    rules: { minYearGap: 1, maxYearGap: 4, isTrainingRequired: true, groupSize: 3 },
    weights,
  };
  const c = compileProgramme(p);

  it("names the first rule each pair breaks", () => {
    expect(p.mentors.map((_, j) => pairBlock(c, 0, j))).toEqual([
      null,
      "too-young",
      "too-old",
      "no-shared-slot",
      "untrained",
      "keep-apart",
      "no-room",
      "same-pupil",
    ]);
  });

  it("lets an untrained mentor through when the programme does not require training", () => {
    const relaxed = compileProgramme({ ...p, rules: { ...p.rules, isTrainingRequired: false } });
    expect(pairRuleBroken(relaxed, 0, 4)).toBeNull();
  });
});

describe("the engine's hard rules and pairing-rules.ts", () => {
  const manualRule: Record<string, string> = {
    "same-pupil": "overlap",
    "too-young": "older",
    "too-old": "too-old",
    "no-shared-slot": "no-shared-slot",
    untrained: "training",
    "keep-apart": "keep-apart",
    "no-room": "capacity",
  };

  it("agree on every pair: the same pairs allowed, and the engine's first rule among manual pairing's", () => {
    fc.assert(
      fc.property(programmeArbitrary({ maxMentees: 12, maxMentors: 12 }), (p) => {
        const c = compileProgramme(p);
        p.mentees.forEach((e, i) =>
          p.mentors.forEach((m, j) => {
            const broken = pairBlock(c, i, j);
            expect(broken === null).toBe(isAllowedPair(p, e, m) && placesOf(m) > 0);
            const manual = checkPairingRules({
              kind: "ONE_TO_ONE",
              programmeFormat: "BOTH",
              minimumYearGap: p.rules.minYearGap,
              maximumYearGap: p.rules.maxYearGap,
              isTrainingRequired: p.rules.isTrainingRequired,
              keepApart: p.keepApart,
              mentors: [
                {
                  studentId: m.id,
                  name: m.name,
                  yearGroup: m.yearGroup,
                  hasProfile: true,
                  capacity: m.capacity,
                  currentLoad: m.currentLoad ?? 0,
                  isTrained: m.isTrained,
                  slots: m.slots,
                },
              ],
              mentees: [{ studentId: e.id, name: e.name, yearGroup: e.yearGroup, hasProfile: true, heldPairings: 0, slots: e.slots }],
            }).map((v) => v.rule);
            expect(manual.length === 0).toBe(broken === null);
            if (broken !== null) expect(manual).toContain(manualRule[broken]);
          }),
        );
      }),
      { numRuns: 200 },
    );
  });
});
