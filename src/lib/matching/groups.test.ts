import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileProgramme } from "./compile";
import { GroupRules, type Group } from "./group-rules";
import { suggestGroups, type GroupsResult } from "./groups";
import { groupProgrammeArbitrary, isAllowedPair, placesOf, programmeArbitrary } from "./test-support";
import type { MatchMentee, MatchMentor, Programme } from "./types";

const weights = {
  focusFit: 4,
  menteeRanking: [12, 8, 4] as const,
  sharedInterests: 3,
  yearGapCloseness: 4,
  livedExperience: 6,
  groupYearMix: 5,
};
const rules = { minYearGap: 1, maxYearGap: 5, isTrainingRequired: true, groupSize: 3 };
const mentor = (id: string, extra: Partial<MatchMentor> = {}): MatchMentor => ({
  id,
  name: id,
  yearGroup: 11,
  isTrained: true,
  capacity: 4,
  strengths: {},
  interests: [],
  slots: ["wed"],
  livedExperience: null,
  ...extra,
});
const mentee = (id: string, extra: Partial<MatchMentee> = {}): MatchMentee => ({
  id,
  name: id,
  yearGroup: 9,
  focusAreas: [],
  interests: [],
  slots: ["wed"],
  livedExperience: null,
  ranking: [],
  ...extra,
});

/** Every group checked on the raw pupils, straight from the rules. */
function expectGroupRulesKept(p: Programme, result: GroupsResult) {
  // A pupil listed in both roles may mentor one group and be mentored in another (as in
  // pairing-rules.ts, only the same pairing is refused), but never twice in one role.
  const seen = new Set<string>();
  for (const g of result.groups) {
    expect(g.mentorIds.length).toBeGreaterThanOrEqual(1);
    expect(g.mentorIds.length).toBeLessThanOrEqual(2);
    expect(g.menteeIds.length).toBeGreaterThanOrEqual(1);
    expect(g.menteeIds.length).toBeLessThanOrEqual(p.rules.groupSize);
    const members = [...g.mentorIds, ...g.menteeIds];
    expect(new Set(members).size).toBe(members.length);
    for (const key of [...g.mentorIds.map((id) => `mentor ${id}`), ...g.menteeIds.map((id) => `mentee ${id}`)]) {
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
    for (const a of members) for (const b of members) if (a !== b) expect(p.keepApart.some(([x, y]) => x === a && y === b)).toBe(false);
    const label = (slot: string) => p.slotLabels?.[slot] ?? slot;
    const records: (MatchMentor | MatchMentee)[] = [
      ...g.mentorIds.map((id) => p.mentors.find((m) => m.id === id)!),
      ...g.menteeIds.map((id) => p.mentees.find((m) => m.id === id)!),
    ];
    // Everyone who said when they are free is free then; with nobody having said, there is no slot yet.
    for (const pupil of records) if (pupil.slots.length > 0) expect(pupil.slots.some((slot) => label(slot) === g.slot)).toBe(true);
    if (g.slot === "") expect(records.every((pupil) => pupil.slots.length === 0)).toBe(true);
    for (const mentorId of g.mentorIds) {
      const leader = p.mentors.find((m) => m.id === mentorId)!;
      expect(g.menteeIds.length).toBeLessThanOrEqual(placesOf(leader));
      for (const menteeId of g.menteeIds)
        expect(
          isAllowedPair(
            p,
            p.mentees.find((m) => m.id === menteeId)!,
            leader,
          ),
        ).toBe(true);
    }
  }
  expect(result.groups.length).toBeLessThanOrEqual(Math.ceil(p.mentees.length / p.rules.groupSize));
  expect(result.placedCount + result.unplaced.length).toBe(p.mentees.length);
}

/** The best objective over every way to group at most 8 pupils (depth-first, pruned by validity). */
function bruteForceGroups(p: Programme): number {
  const r = new GroupRules(compileProgramme(p));
  const n = p.mentors.length;
  let best = 0;
  const teams: number[][] = [];
  const chooseMentors = (j: number) => {
    if (j === n)
      return placeMentees(
        0,
        teams.map((mentors) => ({ mentors, mentees: [] })),
      );
    chooseMentors(j + 1);
    for (const team of teams)
      if (team.length === 1) {
        team.push(j);
        chooseMentors(j + 1);
        team.pop();
      }
    teams.push([j]);
    chooseMentors(j + 1);
    teams.pop();
  };
  const placeMentees = (i: number, groups: Group[]) => {
    if (i === p.mentees.length) {
      const real = groups.filter((g) => g.mentees.length > 0);
      if (real.length > r.maxGroups()) return;
      const value = real.reduce((sum, g) => sum + 1_000_000 * g.mentees.length + r.value(g), 0);
      best = Math.max(best, value);
      return;
    }
    placeMentees(i + 1, groups);
    for (const g of groups) {
      g.mentees.push(i);
      if (r.isValid(g)) placeMentees(i + 1, groups);
      g.mentees.pop();
    }
  };
  chooseMentors(0);
  return best;
}

describe("suggestGroups", () => {
  it("forms mixed-age groups of the configured size around the mentors", () => {
    const p: Programme = {
      mentors: [mentor("Sam"), mentor("Ali")],
      mentees: [
        mentee("a", { yearGroup: 9 }),
        mentee("b", { yearGroup: 9 }),
        mentee("c", { yearGroup: 10 }),
        mentee("d", { yearGroup: 10 }),
        mentee("e", { yearGroup: 9 }),
        mentee("f", { yearGroup: 10 }),
      ],
      keepApart: [["a", "b"]],
      rules,
      weights,
      slotLabels: { wed: "Wed lunch" },
    };
    const result = suggestGroups(p);
    expectGroupRulesKept(p, result);
    expect(result.placedCount).toBe(6);
    for (const g of result.groups) {
      expect(g.menteeIds).toHaveLength(3);
      expect(new Set(g.menteeIds.map((id) => p.mentees.find((m) => m.id === id)!.yearGroup)).size).toBe(2);
      expect(g.slot).toBe("Wed lunch");
    }
  });

  it("never breaks a hard rule, on programmes of up to 60 pupils", () => {
    fc.assert(
      fc.property(programmeArbitrary({ maxMentees: 40, maxMentors: 20 }), (p) => expectGroupRulesKept(p, suggestGroups(p))),
      { numRuns: 200 },
    );
  });

  it("comes close to the brute-force best on programmes of at most 8 pupils", () => {
    const instances = fc.sample(groupProgrammeArbitrary(8), { numRuns: 300, seed: 20261122 });
    let sameCount = 0;
    let optimal = 0;
    let ratioSum = 0;
    let worst = 1;
    let worstScore = 1;
    let placedSum = 0;
    let multiGroup = 0;
    for (const p of instances) {
      const best = bruteForceGroups(p);
      const found = suggestGroups(p);
      expectGroupRulesKept(p, found);
      expect(found.objective).toBeLessThanOrEqual(best);
      const bestPlaced = Math.floor(best / 1_000_000);
      const ratio = best === 0 ? 1 : found.objective / best;
      if (found.placedCount === bestPlaced) sameCount += 1;
      placedSum += bestPlaced;
      if (found.groups.length > 1) multiGroup += 1;
      if (found.objective === best) optimal += 1;
      const scoreRatio = best % 1_000_000 === 0 ? 1 : found.totalScore / (best % 1_000_000);
      ratioSum += found.placedCount === bestPlaced ? scoreRatio : 0;
      if (found.placedCount === bestPlaced) worstScore = Math.min(worstScore, scoreRatio);
      worst = Math.min(worst, ratio);
    }
    const summary = {
      instances: instances.length,
      meanBestPlaced: placedSum / instances.length,
      withTwoGroups: multiGroup,
      samePlaced: sameCount,
      optimal,
      meanScoreRatio: ratioSum / sameCount,
      worstScoreRatio: worstScore,
      worstObjectiveRatio: worst,
    };
    console.log("group mode against brute force:", JSON.stringify(summary));
    expect(sameCount / instances.length).toBeGreaterThanOrEqual(0.98);
    expect(summary.meanScoreRatio).toBeGreaterThanOrEqual(0.98);
  });
});
