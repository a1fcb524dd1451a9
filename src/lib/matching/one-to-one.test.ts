import fc from "fast-check";
import loadHighs from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { pairScore } from "./candidates";
import { compileProgramme } from "./compile";
import { suggestOneToOne } from "./one-to-one";
import { bruteForceObjective, isAllowedPair, linearProgrammeObjective, placesOf, programmeArbitrary } from "./test-support";
import type { MatchMentee, MatchMentor, OneToOneResult, Programme } from "./types";

const weights = { focusFit: 4, menteeRanking: [12, 8, 4] as const, sharedInterests: 3, yearGapCloseness: 4, livedExperience: 6 };
const rules = { minYearGap: 1, maxYearGap: 4, isTrainingRequired: true, groupSize: 3 };
const mentor = (id: string, extra: Partial<MatchMentor> = {}): MatchMentor => ({
  id,
  name: id,
  yearGroup: 10,
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
const programme = (mentors: MatchMentor[], mentees: MatchMentee[], extra: Partial<Programme> = {}): Programme => ({
  mentors,
  mentees,
  keepApart: [],
  rules,
  weights,
  ...extra,
});
const pairsOf = (result: OneToOneResult) => result.suggestions.map((s) => `${s.menteeId}–${s.mentorId}`).sort();
const codesOf = (result: OneToOneResult) => Object.fromEntries(result.unmatched.map((u) => [u.menteeId, u.code]));

describe("suggestOneToOne on hand-made programmes", () => {
  it("matches more mentees before it chases a higher score (a greedy pass would not)", () => {
    // Maya ranked Sam first, but Sam is the only mentor free when Leo is.
    const result = suggestOneToOne(
      programme(
        [mentor("Sam", { slots: ["wed", "fri"] }), mentor("Ali", { slots: ["wed"] })],
        [mentee("Maya", { ranking: ["Sam"] }), mentee("Leo", { slots: ["fri"] })],
      ),
    );
    expect(pairsOf(result)).toEqual(["Leo–Sam", "Maya–Ali"]);
    expect(result.objective).toBe(2_000_000 + 4 + 4);
  });

  it("then takes the highest total score, not the best first pick", () => {
    const result = suggestOneToOne(
      programme(
        [mentor("A", { interests: ["x", "y"] }), mentor("B", { interests: ["x"] })],
        [mentee("P", { interests: ["x", "y"] }), mentee("Q", { interests: ["x", "y"], ranking: ["A"] })],
      ),
    );
    // P–A 4+6, Q–B 4+3 = 17 against P–B 4+3, Q–A 4+6+12 = 29.
    expect(pairsOf(result)).toEqual(["P–B", "Q–A"]);
    expect(result.totalScore).toBe(29);
  });

  it("respects capacity less the mentees a mentor already has", () => {
    const result = suggestOneToOne(programme([mentor("Sam", { capacity: 3, currentLoad: 2 })], [mentee("a"), mentee("b")]));
    expect(result.matchedCount).toBe(1);
    expect(result.unmatched.map((u) => u.message)).toEqual([
      expect.stringContaining("The one mentor who fits (Sam) is already at capacity") as unknown,
    ]);
  });

  it("never pairs a keep-apart pair, whichever way round it was entered", () => {
    const result = suggestOneToOne(programme([mentor("Sam")], [mentee("Leo")], { keepApart: [["Sam", "Leo"]] }));
    expect(result.suggestions).toEqual([]);
    expect(result.unmatched).toEqual([
      { menteeId: "Leo", code: "only-keep-apart", message: "The only mentors who fit are on Leo's keep-apart list." },
    ]);
  });

  it("says why each mentee could not be matched", () => {
    const result = suggestOneToOne(
      programme(
        [mentor("Sam", { yearGroup: 10, slots: ["wed"] }), mentor("Ali", { yearGroup: 11, isTrained: false, slots: ["mon"] })],
        [
          mentee("young", { yearGroup: 11 }),
          mentee("far", { yearGroup: 5 }),
          mentee("busy", { yearGroup: 8, slots: ["tue"] }),
          mentee("monday", { yearGroup: 9, slots: ["mon"] }),
          mentee("first", { yearGroup: 8, ranking: ["Sam"] }),
          mentee("second", { yearGroup: 8 }),
        ],
        { rules: { ...rules, maxYearGap: 4 }, weights: { ...weights, sharedInterests: 0 } },
      ),
    );
    expect(result.matchedCount).toBe(1);
    expect(codesOf(result)).toEqual({
      young: "no-mentor-old-enough",
      far: "every-mentor-too-old",
      busy: "no-shared-slot",
      monday: "no-trained-mentor-in-shared-slot",
      second: "every-candidate-at-capacity",
    });
    expect(result.unmatched.find((u) => u.menteeId === "young")?.message).toBe("No mentor is at least 1 year older than young (Year 11).");
    expect(codesOf(suggestOneToOne(programme([], [mentee("x")])))).toEqual({ x: "no-mentors" });
  });

  it("never makes a pupil their own mentor", () => {
    const result = suggestOneToOne(
      programme([mentor("Kim", { yearGroup: 11 })], [mentee("Kim", { yearGroup: 8 })], { rules: { ...rules, minYearGap: 0 } }),
    );
    expect(result.suggestions).toEqual([]);
  });

  it("carries slot labels into the reasons and solves independent groups of pupils separately", () => {
    const result = suggestOneToOne(
      programme(
        [mentor("Sam", { slots: ["wed"] }), mentor("Ali", { slots: ["fri"], capacity: 2 })],
        [mentee("Maya", { slots: ["wed"] }), mentee("Leo", { slots: ["fri"] }), mentee("Zara", { slots: ["fri"] })],
        { slotLabels: { wed: "Wed lunch", fri: "Fri after school" } },
      ),
    );
    expect(pairsOf(result)).toEqual(["Leo–Ali", "Maya–Sam", "Zara–Ali"]);
    expect(result.suggestions.find((s) => s.menteeId === "Maya")?.reasons[0]?.text).toBe("both free Wed lunch");
  });

  it("handles an empty programme", () => {
    expect(suggestOneToOne(programme([], []))).toEqual({ suggestions: [], unmatched: [], matchedCount: 0, totalScore: 0, objective: 0 });
  });
});

function scorer(p: Programme) {
  const compiled = compileProgramme(p);
  return (i: number, j: number) => pairScore(compiled, i, j);
}

/** Every hard rule, checked on the raw pupils; and every mentee is either suggested or explained. */
function expectRulesKept(p: Programme, result: OneToOneResult) {
  const mentorById = new Map(p.mentors.map((m) => [m.id, m]));
  const menteeById = new Map(p.mentees.map((m) => [m.id, m]));
  const load = new Map<string, number>();
  for (const s of result.suggestions) {
    const pupil = menteeById.get(s.menteeId)!;
    const leader = mentorById.get(s.mentorId)!;
    expect(isAllowedPair(p, pupil, leader)).toBe(true);
    load.set(leader.id, (load.get(leader.id) ?? 0) + 1);
    expect(s.score).toBe(s.reasons.reduce((sum, r) => sum + r.points, 0));
  }
  for (const [id, count] of load) expect(count).toBeLessThanOrEqual(placesOf(mentorById.get(id)!));
  const listed = [...result.suggestions.map((s) => s.menteeId), ...result.unmatched.map((u) => u.menteeId)];
  expect(listed.sort()).toEqual(p.mentees.map((m) => m.id).sort());
  for (const u of result.unmatched) {
    const pupil = menteeById.get(u.menteeId)!;
    const fitting = p.mentors.filter((m) => isAllowedPair(p, pupil, m));
    // Nobody is left out while a mentor who fits has a place.
    for (const m of fitting) expect(load.get(m.id) ?? 0).toBe(placesOf(m));
    expect(u.code === "every-candidate-at-capacity").toBe(fitting.length > 0);
  }
}

describe("suggestOneToOne, property-tested", () => {
  let highs: Awaited<ReturnType<typeof loadHighs>>;
  beforeAll(async () => {
    highs = await loadHighs();
  });

  it("never breaks a hard rule, on programmes of up to 60 pupils", () => {
    fc.assert(
      fc.property(programmeArbitrary({ maxMentees: 40, maxMentors: 20 }), (p) => expectRulesKept(p, suggestOneToOne(p))),
      { numRuns: 300 },
    );
  });

  it("finds the brute-force optimum when there are at most 7 mentees", () => {
    fc.assert(
      fc.property(programmeArbitrary({ maxMentees: 7, maxMentors: 6 }), (p) => {
        expect(suggestOneToOne(p).objective).toBe(bruteForceObjective(p, scorer(p)));
      }),
      { numRuns: 400 },
    );
  });

  it("stays optimal with weights so large that scores are sorted another way", () => {
    fc.assert(
      fc.property(programmeArbitrary({ maxMentees: 7, maxMentors: 6 }), fc.integer({ min: 1000, max: 5000 }), (p, factor) => {
        const w = p.weights;
        const big = {
          ...p,
          weights: {
            ...w,
            focusFit: w.focusFit * factor,
            menteeRanking: w.menteeRanking.map((x) => x * factor) as unknown as typeof w.menteeRanking,
            sharedInterests: w.sharedInterests * factor,
          },
        };
        const result = suggestOneToOne(big);
        expect(result.matchedCount * 1e12 + result.totalScore).toBe(bruteForceObjective(big, scorer(big), 1e12));
      }),
      { numRuns: 200 },
    );
  });

  it("finds the same optimum as a linear programme solved by HiGHS, on programmes of up to 60 pupils", () => {
    fc.assert(
      fc.property(programmeArbitrary({ minMentees: 8, maxMentees: 40, maxMentors: 20 }), (p) => {
        const lp = linearProgrammeObjective(highs, p, scorer(p));
        expect(Math.abs(lp - Math.round(lp))).toBeLessThan(1e-6);
        expect(suggestOneToOne(p).objective).toBe(Math.round(lp));
      }),
      { numRuns: 300 },
    );
  });
});
