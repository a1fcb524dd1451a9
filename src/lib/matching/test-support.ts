// Test-only: random programmes for fast-check, and checks written straight from the rules
// on the raw pupils (no compiled masks, no engine code), so the proofs do not lean on what they test.
import fc from "fast-check";
import type { KeepApart, MatchMentee, MatchMentor, MatchRules, MatchWeights, Programme, StrengthLevel } from "./types";

const SLOTS = ["mon-lunch", "tue-lunch", "wed-lunch", "thu-after-school"];
const FOCUS = ["attendance", "confidence", "reading", "friendships"];
const INTERESTS = ["football", "drawing", "gaming", "music", "dance", "chess"];
/** 40 names, so in larger programmes interest masks need two words and the general scoring path runs. */
const MANY_INTERESTS = Array.from({ length: 40 }, (_, k) => `interest ${k}`);
const LIVED = ["autism", "young carer"];
const NAMES = ["Maya", "Sam", "Leo", "Aisha", "Noah", "Zara", "Omar", "Isla"];

const subset = (items: readonly string[], max = items.length) => fc.uniqueArray(fc.constantFrom(...items), { maxLength: max });
const lived = fc.option(subset(LIVED), { nil: null, freq: 2 });
const slots = fc.oneof(
  { arbitrary: fc.uniqueArray(fc.constantFrom(...SLOTS), { minLength: 1, maxLength: 4 }), weight: 6 },
  { arbitrary: fc.constant([]), weight: 1 },
);

export type ProgrammeShape = { maxMentees: number; maxMentors: number; minMentees?: number };

export function programmeArbitrary({ maxMentees, maxMentors, minMentees = 0 }: ProgrammeShape): fc.Arbitrary<Programme> {
  return fc.boolean().chain((isManyInterests) => {
    const interests = subset(isManyInterests ? MANY_INTERESTS : INTERESTS, 4);
    // Mostly pupils a school would really put forward, with enough oddities to reach every rule.
    const mentor = fc.record({
      yearGroup: fc.oneof(
        { arbitrary: fc.integer({ min: 9, max: 13 }), weight: 4 },
        { arbitrary: fc.integer({ min: 7, max: 13 }), weight: 1 },
      ),
      isTrained: fc.oneof({ arbitrary: fc.constant(true), weight: 5 }, { arbitrary: fc.constant(false), weight: 1 }),
      capacity: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 3 }), weight: 5 }, { arbitrary: fc.constant(0), weight: 1 }),
      currentLoad: fc.option(fc.integer({ min: 0, max: 1 }), { nil: undefined }),
      strengths: fc.dictionary(fc.constantFrom(...FOCUS), fc.constantFrom<StrengthLevel>(1, 2, 3), { maxKeys: 3 }),
      interests,
      slots: slots,
      livedExperience: lived,
    });
    const mentee = fc.record({
      yearGroup: fc.oneof(
        { arbitrary: fc.integer({ min: 7, max: 10 }), weight: 4 },
        { arbitrary: fc.integer({ min: 7, max: 13 }), weight: 1 },
      ),
      focusAreas: subset(FOCUS, 2),
      interests,
      slots: slots,
      livedExperience: lived,
      ranking: fc.uniqueArray(fc.nat({ max: Math.max(0, maxMentors) }), { maxLength: 3 }),
    });
    const rules: fc.Arbitrary<MatchRules> = fc
      .record({
        minYearGap: fc.integer({ min: 0, max: 2 }),
        extra: fc.constantFrom(0, 1, 2, 3, 4, 5, 5, 5),
        isTrainingRequired: fc.boolean(),
        groupSize: fc.integer({ min: 2, max: 4 }),
        ideal: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
      })
      .map(({ minYearGap, extra, isTrainingRequired, groupSize, ideal }) => ({
        minYearGap,
        maxYearGap: minYearGap + extra,
        isTrainingRequired,
        groupSize,
        idealYearGap: ideal,
      }));
    const weights: fc.Arbitrary<MatchWeights> = fc.record({
      focusFit: fc.integer({ min: 0, max: 6 }),
      menteeRanking: fc.tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 15 })),
      sharedInterests: fc.integer({ min: 0, max: 5 }),
      yearGapCloseness: fc.integer({ min: 0, max: 6 }),
      livedExperience: fc.integer({ min: 0, max: 8 }),
      groupYearMix: fc.integer({ min: 0, max: 6 }),
    });
    return fc
      .record({
        mentors: fc.array(mentor, { maxLength: maxMentors, size: "max" }),
        mentees: fc.array(mentee, { minLength: minMentees, maxLength: maxMentees, size: "max" }),
        keepApart: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { maxLength: 8 }),
        isOnePupilInBothRoles: fc.boolean(),
        rules,
        weights,
      })
      .map(({ mentors, mentees, keepApart, isOnePupilInBothRoles, rules: r, weights: w }) => {
        const fullMentors: MatchMentor[] = mentors.map((m, j) => ({ id: `r${j}`, name: NAMES[j % NAMES.length]!, ...m }));
        const fullMentees: MatchMentee[] = mentees.map((m, i) => ({
          id: isOnePupilInBothRoles && i === 0 && fullMentors.length > 0 ? fullMentors[0]!.id : `e${i}`,
          name: NAMES[(i + 3) % NAMES.length]!,
          ...m,
          ranking: m.ranking.map((k) => `r${k}`),
        }));
        // Mostly mentee–mentor pairs (the ones that bite), some between any two pupils.
        const ids = [...fullMentors.map((m) => m.id), ...fullMentees.map((m) => m.id)];
        const pairs: KeepApart[] = [];
        for (const [a, b, isCrossRole] of keepApart) {
          if (isCrossRole && fullMentees.length > 0 && fullMentors.length > 0)
            pairs.push([fullMentees[a % fullMentees.length]!.id, fullMentors[b % fullMentors.length]!.id]);
          else if (ids.length > 0) pairs.push([ids[a % ids.length]!, ids[b % ids.length]!]);
        }
        return { mentors: fullMentors, mentees: fullMentees, keepApart: pairs, rules: r, weights: w };
      });
  });
}

/** Small programmes where groups can form: roomy, mostly trained mentors and overlapping slots. */
export function groupProgrammeArbitrary(maxPupils: number): fc.Arbitrary<Programme> {
  const someSlots = (min: number) => fc.uniqueArray(fc.constantFrom(...SLOTS.slice(0, 3)), { minLength: min, maxLength: 3 });
  const pupil = { interests: subset(INTERESTS, 3), livedExperience: lived };
  const mentor = fc.record({
    yearGroup: fc.integer({ min: 10, max: 13 }),
    slots: someSlots(2),
    isTrained: fc.constantFrom(true, true, true, false),
    capacity: fc.integer({ min: 1, max: 5 }),
    strengths: fc.dictionary(fc.constantFrom(...FOCUS), fc.constantFrom<StrengthLevel>(1, 2, 3), { maxKeys: 2 }),
    ...pupil,
  });
  const mentee = fc.record({
    yearGroup: fc.integer({ min: 7, max: 10 }),
    slots: someSlots(1),
    focusAreas: subset(FOCUS, 2),
    ranking: fc.uniqueArray(fc.nat({ max: 2 }), { maxLength: 2 }),
    ...pupil,
  });
  return fc
    .record({
      mentors: fc.array(mentor, { minLength: 1, maxLength: 3 }),
      mentees: fc.array(mentee, { minLength: 2, maxLength: maxPupils - 1, size: "max" }),
      keepApart: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 2 }),
      groupSize: fc.integer({ min: 2, max: 4 }),
      isTrainingRequired: fc.boolean(),
      weights: fc.record({
        focusFit: fc.nat(6),
        menteeRanking: fc.tuple(fc.nat(15), fc.nat(15), fc.nat(15)),
        sharedInterests: fc.nat(5),
        yearGapCloseness: fc.nat(6),
        livedExperience: fc.nat(8),
        groupYearMix: fc.nat(8),
      }),
    })
    .filter(({ mentors, mentees }) => mentors.length + mentees.length <= maxPupils)
    .map(({ mentors, mentees, keepApart, groupSize, isTrainingRequired, weights }) => {
      const fullMentors: MatchMentor[] = mentors.map((m, j) => ({ id: `r${j}`, name: NAMES[j]!, ...m }));
      const fullMentees: MatchMentee[] = mentees.map((m, i) => ({
        id: `e${i}`,
        name: NAMES[(i + 3) % NAMES.length]!,
        ...m,
        ranking: m.ranking.map((k) => `r${k}`),
      }));
      const ids = [...fullMentors, ...fullMentees].map((x) => x.id);
      const pairs: KeepApart[] = keepApart.map(([a, b]) => [ids[a % ids.length]!, ids[b % ids.length]!] as const);
      return {
        mentors: fullMentors,
        mentees: fullMentees,
        keepApart: pairs,
        rules: { minYearGap: 1, maxYearGap: 6, isTrainingRequired, groupSize },
        weights,
      };
    });
}

/** The hard rules for one pair, read off the issue: older by the gap range, trained, free together, not kept apart. */
export function isAllowedPair(programme: Programme, mentee: MatchMentee, mentor: MatchMentor): boolean {
  const { rules, keepApart } = programme;
  const gap = mentor.yearGroup - mentee.yearGroup;
  if (mentor.id === mentee.id || gap < rules.minYearGap || gap > rules.maxYearGap) return false;
  if (rules.isTrainingRequired && !mentor.isTrained) return false;
  // Free together, or not known: a pupil who has not said when they are free clashes with nobody (ADR 009).
  if (mentee.slots.length > 0 && mentor.slots.length > 0 && !mentee.slots.some((slot) => mentor.slots.includes(slot))) return false;
  return !keepApart.some(([a, b]) => (a === mentee.id && b === mentor.id) || (a === mentor.id && b === mentee.id));
}

export const placesOf = (mentor: MatchMentor) => Math.max(0, mentor.capacity - (mentor.currentLoad ?? 0));

/** Every valid assignment, tried one mentee at a time; `score(i, j)` gives a pair's points. */
export function bruteForceObjective(programme: Programme, score: (i: number, j: number) => number, scale = 1_000_000): number {
  const { mentees, mentors } = programme;
  const left = mentors.map(placesOf);
  const options = mentees.map((mentee) => mentors.flatMap((mentor, j) => (isAllowedPair(programme, mentee, mentor) ? [j] : [])));
  let best = 0;
  const visit = (i: number, value: number) => {
    if (i === mentees.length) {
      best = Math.max(best, value);
      return;
    }
    visit(i + 1, value);
    for (const j of options[i]!) {
      if (left[j]! === 0) continue;
      left[j]! -= 1;
      visit(i + 1, value + scale + score(i, j));
      left[j]! += 1;
    }
  };
  visit(0, 0);
  return best;
}

type Highs = { solve: (problem: string, options?: Record<string, unknown>) => { Status: string; ObjectiveValue: number } };

/**
 * The same objective as a linear programme for HiGHS: x[i][j] ∈ [0, 1] per allowed pair,
 * each mentee at most once, each mentor at most their places. Bipartite b-matching has a totally
 * unimodular constraint matrix, so the LP optimum is the integer optimum.
 */
export function linearProgrammeObjective(highs: Highs, programme: Programme, score: (i: number, j: number) => number): number {
  const terms: string[] = [];
  const byMentee = new Map<number, string[]>();
  const byMentor = new Map<number, string[]>();
  programme.mentees.forEach((mentee, i) =>
    programme.mentors.forEach((mentor, j) => {
      if (!isAllowedPair(programme, mentee, mentor)) return;
      const name = `x_${i}_${j}`;
      terms.push(`${1_000_000 + score(i, j)} ${name}`);
      byMentee.set(i, [...(byMentee.get(i) ?? []), name]);
      byMentor.set(j, [...(byMentor.get(j) ?? []), name]);
    }),
  );
  if (terms.length === 0) return 0;
  const rows = [
    ...[...byMentee].map(([i, names]) => ` e${i}: ${names.join(" + ")} <= 1`),
    ...[...byMentor].map(([j, names]) => ` m${j}: ${names.join(" + ")} <= ${placesOf(programme.mentors[j]!)}`),
  ];
  const bounds = [...byMentee.values()].flat().map((name) => ` 0 <= ${name} <= 1`);
  const text = ["Maximize", ` obj: ${terms.join(" + ")}`, "Subject To", ...rows, "Bounds", ...bounds, "End"].join("\n");
  const result = highs.solve(text, { output_flag: false });
  if (result.Status !== "Optimal") throw new Error(`HiGHS: ${result.Status}`);
  return result.ObjectiveValue;
}
