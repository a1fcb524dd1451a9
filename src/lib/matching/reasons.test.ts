import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildCandidates, pairScore } from "./candidates";
import { compileProgramme } from "./compile";
import { pairReasons } from "./reasons";
import { isAllowedPair, placesOf, programmeArbitrary } from "./test-support";
import type { MatchMentee, MatchMentor, MatchWeights, Programme } from "./types";

const weights: MatchWeights = { focusFit: 4, menteeRanking: [12, 8, 4], sharedInterests: 3, yearGapCloseness: 4, livedExperience: 6 };
const rules = { minYearGap: 1, maxYearGap: 4, isTrainingRequired: true, groupSize: 3, idealYearGap: 2 };
const slotLabels = { "wed-lunch": "Wed lunch", "fri-lunch": "Fri lunch", "mon-after": "Mon after school" };

const mentor = (id: string, name: string, extra: Partial<MatchMentor>): MatchMentor => ({
  id,
  name,
  yearGroup: 10,
  isTrained: true,
  capacity: 2,
  strengths: {},
  interests: [],
  slots: ["wed-lunch"],
  livedExperience: null,
  ...extra,
});
const mentee = (id: string, name: string, extra: Partial<MatchMentee>): MatchMentee => ({
  id,
  name,
  yearGroup: 8,
  focusAreas: [],
  interests: [],
  slots: ["wed-lunch"],
  livedExperience: null,
  ranking: [],
  ...extra,
});

const sam = mentor("sam", "Sam", {
  strengths: { attendance: 3, reading: 1 },
  interests: ["football", "drawing", "chess"],
  slots: ["wed-lunch", "fri-lunch"],
  livedExperience: ["autism", "dyslexia"],
});
const ali = mentor("ali", "Ali", {
  yearGroup: 9,
  strengths: { reading: 2 },
  interests: ["music"],
  slots: ["wed-lunch", "fri-lunch"],
  livedExperience: null,
});
const jo = mentor("jo", "Jo", {
  yearGroup: 12,
  strengths: { confidence: 3 },
  interests: [],
  slots: ["mon-after", "wed-lunch"],
  livedExperience: ["autism"],
});
const maya = mentee("maya", "Maya", {
  focusAreas: ["attendance", "reading"],
  interests: ["football", "drawing", "music"],
  slots: ["wed-lunch", "fri-lunch"],
  livedExperience: ["autism"],
  ranking: ["sam", "ali", "jo"],
});
const leo = mentee("leo", "Leo", {
  yearGroup: 9,
  focusAreas: ["attendance"],
  interests: ["chess"],
  slots: ["wed-lunch"],
  livedExperience: null,
});

const programme: Programme = { mentors: [sam, ali, jo], mentees: [maya, leo], keepApart: [], rules, weights, slotLabels };
const c = compileProgramme(programme);
const reasonsOf = (i: number, j: number) => pairReasons(c, i, j).map((r) => [r.text, r.points]);

describe("the score table, worked by hand (focus 4 × level, ranking 12/8/4, interests 3 each, ideal gap 2 → 4, one year off → 2, lived experience 6)", () => {
  it("Maya with Sam: every reason, 44 points", () => {
    expect(reasonsOf(0, 0)).toEqual([
      ["both free Wed lunch and Fri lunch", 0],
      ["Maya ranked Sam first", 12],
      ["Sam is strong on attendance, Maya's focus", 12],
      ["Sam can help with reading, Maya's focus", 4],
      ["shared interests: football, drawing", 6],
      ["Year 10 with Year 8: a two-year gap, the ideal", 4],
      ["lived experience in common", 6],
    ]);
    expect(pairScore(c, 0, 0)).toBe(44);
  });

  it("Maya with Ali: second choice, one year from the ideal gap, no lived experience points when Ali has not opted in", () => {
    expect(reasonsOf(0, 1)).toEqual([
      ["both free Wed lunch and Fri lunch", 0],
      ["Maya ranked Ali second", 8],
      ["Ali is good at reading, Maya's focus", 8],
      ["shared interest: music", 3],
      ["Year 9 with Year 8: a one-year gap, close to the ideal", 2],
    ]);
    expect(pairScore(c, 0, 1)).toBe(21);
  });

  it("Maya with Jo: third choice, a four-year gap earns nothing, lived experience shared", () => {
    expect(reasonsOf(0, 2)).toEqual([
      ["both free Wed lunch", 0],
      ["Maya ranked Jo third", 4],
      ["lived experience in common", 6],
    ]);
    expect(pairScore(c, 0, 2)).toBe(10);
  });

  it("Leo with Sam: the issue's own example, and lived experience needs both to opt in", () => {
    expect(reasonsOf(1, 0)).toEqual([
      ["both free Wed lunch", 0],
      ["Sam is strong on attendance, Leo's focus", 12],
      ["shared interest: chess", 3],
      ["Year 10 with Year 9: a one-year gap, close to the ideal", 2],
    ]);
    expect(pairScore(c, 1, 0)).toBe(17);
  });

  it("a choice keeps its place when an earlier choice has left the programme", () => {
    const left = compileProgramme({ ...programme, mentees: [{ ...maya, ranking: ["gone", "sam", "sam"] }] });
    expect(pairReasons(left, 0, 0).find((r) => r.kind === "ranking")).toEqual({
      kind: "ranking",
      points: 8,
      text: "Maya ranked Sam second",
    });
    expect(pairScore(left, 0, 0)).toBe(44 - 12 + 8);
  });

  it("an odd year-gap weight rounds the one-year-off points down", () => {
    const odd = compileProgramme({ ...programme, weights: { ...weights, yearGapCloseness: 5 } });
    expect(pairReasons(odd, 1, 0).find((r) => r.kind === "year-gap")?.points).toBe(2);
    expect(pairReasons(odd, 0, 0).find((r) => r.kind === "year-gap")?.points).toBe(5);
  });

  it("a slot without a label is shown by its id; zero weights give no points but the slot still shows", () => {
    const bare = compileProgramme({
      ...programme,
      slotLabels: undefined,
      weights: { focusFit: 0, menteeRanking: [0, 0, 0], sharedInterests: 0, yearGapCloseness: 0, livedExperience: 0 },
    });
    expect(pairReasons(bare, 0, 2)).toEqual([{ kind: "slot", points: 0, text: "both free wed-lunch" }]);
    expect(pairScore(bare, 0, 0)).toBe(0);
  });

  it("refuses weights a coordinator could not have typed", () => {
    expect(() => compileProgramme({ ...programme, weights: { ...weights, focusFit: -1 } })).toThrow(RangeError);
    expect(() => compileProgramme({ ...programme, weights: { ...weights, sharedInterests: 1.5 } })).toThrow(RangeError);
    expect(() => compileProgramme({ ...programme, rules: { ...rules, maxYearGap: 0 } })).toThrow(RangeError);
  });
});

describe("candidates", () => {
  it("hold exactly the allowed pairs, scored as pairScore and explained by pairReasons, in either orientation", () => {
    fc.assert(
      fc.property(programmeArbitrary({ maxMentees: 30, maxMentors: 15 }), (p) => {
        const compiled = compileProgramme(p);
        const expected = new Map<string, number>();
        p.mentees.forEach((e, i) =>
          p.mentors.forEach((m, j) => {
            if (isAllowedPair(p, e, m) && placesOf(m) > 0) expected.set(`${i}/${j}`, pairScore(compiled, i, j));
          }),
        );
        for (const [key, score] of expected) {
          const [i, j] = key.split("/").map(Number) as [number, number];
          expect(pairReasons(compiled, i, j).reduce((sum, r) => sum + r.points, 0)).toBe(score);
        }
        for (const isMentorRows of [false, true]) {
          for (const isSorted of [false, true]) {
            const cand = buildCandidates(compiled, isMentorRows, isSorted);
            const seen = new Map<string, number>();
            for (let r = 0; r < cand.rows; r += 1) {
              for (let e = cand.rowStart[r]!; e < cand.rowStart[r + 1]!; e += 1) {
                const [i, j] = isMentorRows ? [cand.col[e]!, r] : [r, cand.col[e]!];
                seen.set(`${i}/${j}`, cand.score[e]!);
                if (isSorted && e > cand.rowStart[r]!) expect(cand.score[e]!).toBeLessThanOrEqual(cand.score[e - 1]!);
              }
            }
            expect(seen).toEqual(expected);
            expect(cand.maxScore).toBe(Math.max(0, ...expected.values()));
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("score the same when more than 32 interests need a second mask word", () => {
    const many = Array.from({ length: 40 }, (_, k) => `hobby ${k}`);
    const p: Programme = {
      ...programme,
      mentors: [mentor("m1", "Ada", { interests: many.slice(30, 36) }), mentor("m2", "Bo", { interests: many.slice(0, 20) })],
      mentees: [
        mentee("e1", "Cy", { interests: [...many.slice(20, 30), many[33]!, many[35]!] }),
        mentee("e2", "Di", { interests: many.slice(0, 3).concat(many[39]!) }),
      ],
    };
    const compiled = compileProgramme(p);
    expect(compiled.menteeInterests.words).toBe(2);
    const cand = buildCandidates(compiled);
    expect([...cand.score]).toEqual([4 + 6, 4, 4 + 9, 4]);
  });
});
