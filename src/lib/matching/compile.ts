import type { MatchWeights, Programme } from "./types";

// Strings become small integers and sets become bit masks once per run, so testing and scoring
// a pair (done for every mentor × mentee) is a handful of integer operations.

export type Masks = { words: number; bits: Uint32Array };

export type Compiled = {
  programme: Programme;
  mentorCount: number;
  menteeCount: number;
  mentorYear: Int32Array;
  mentorTrained: Uint8Array;
  /** Places left: capacity minus current load, never below 0. */
  mentorRoom: Int32Array;
  mentorSlots: Masks;
  mentorInterests: Masks;
  mentorLived: Masks;
  /** The focus areas a mentor "can help with" (1), "is good at" (2), "is strong on" (3). */
  mentorLevels: [Masks, Masks, Masks];
  menteeYear: Int32Array;
  menteeSlots: Masks;
  menteeInterests: Masks;
  menteeLived: Masks;
  menteeFocus: Masks;
  /** The mentor index ranked 1st, 2nd, 3rd by mentee i at i * 3 + r, or -1. */
  menteeRank: Int32Array;
  /** Mentor indices mentee i must never meet: keep-apart or the same pupil. */
  blockedStart: Int32Array;
  blocked: Int32Array;
  /** Points for year gap g at g (0 outside the allowed range). */
  yearGapPoints: Int32Array;
  minYearGap: number;
  maxYearGap: number;
  idealYearGap: number;
  isTrainingRequired: boolean;
  weights: MatchWeights;
};

class Dictionary {
  readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  index(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id;
  }
}

/** Both sides share one dictionary, so mentor and mentee masks line up word for word. */
function toMasks(sides: readonly (readonly (readonly string[] | null)[])[]): Masks[] {
  const dictionary = new Dictionary();
  const ids = sides.map((lists) => lists.map((list) => (list ?? []).map((name) => dictionary.index(name))));
  const words = Math.max(1, Math.ceil(dictionary.names.length / 32));
  return ids.map((lists) => {
    const bits = new Uint32Array(lists.length * words);
    lists.forEach((list, row) => {
      for (const id of list) bits[row * words + (id >>> 5)]! |= 1 << (id & 31);
    });
    return { words, bits };
  });
}

/** Not a real slot: the one every pupil who has not said when they are free shares with the others like them. */
const UNKNOWN_SLOT = "\u0000not-known";

/**
 * Free-time masks. A pupil who has not said when they are free is free in every slot (and in
 * UNKNOWN_SLOT), so the masks say what `sharesFreeTime` in pairing-rules.ts says (ADR 009).
 */
function toSlotMasks(mentorSlots: readonly (readonly string[])[], menteeSlots: readonly (readonly string[])[]): [Masks, Masks] {
  const lists = [...mentorSlots, ...menteeSlots];
  if (lists.every((list) => list.length > 0)) return toMasks([mentorSlots, menteeSlots]) as [Masks, Masks];
  const every = [...new Set(lists.flat()), UNKNOWN_SLOT];
  const fill = (side: readonly (readonly string[])[]) => side.map((list) => (list.length > 0 ? list : every));
  return toMasks([fill(mentorSlots), fill(menteeSlots)]) as [Masks, Masks];
}

function assertRules(rules: Programme["rules"]) {
  const { minYearGap, maxYearGap, groupSize } = rules;
  if (![minYearGap, maxYearGap, groupSize].every(Number.isInteger) || minYearGap < 0 || maxYearGap < minYearGap || groupSize < 1) {
    throw new RangeError("Year gaps must be whole numbers with 0 ≤ minimum ≤ maximum, and a group needs at least one mentee.");
  }
}

function assertWeights(weights: MatchWeights) {
  const values = [
    weights.focusFit,
    ...weights.menteeRanking,
    weights.sharedInterests,
    weights.yearGapCloseness,
    weights.livedExperience,
    weights.groupYearMix ?? 0,
  ];
  if (values.some((value) => !Number.isInteger(value) || value < 0)) throw new RangeError("Weights must be whole numbers of 0 or more.");
}

export function idealGapFor(rules: Programme["rules"]): number {
  const ideal = rules.idealYearGap ?? rules.minYearGap + 1;
  return Math.min(Math.max(ideal, rules.minYearGap), rules.maxYearGap);
}

export function compileProgramme(programme: Programme): Compiled {
  const { mentors, mentees, rules, weights } = programme;
  assertWeights(weights);
  assertRules(rules);
  const mentorIndex = new Map<string, number>();
  mentors.forEach((mentor, j) => {
    if (!mentorIndex.has(mentor.id)) mentorIndex.set(mentor.id, j);
  });

  // A mentor's strengths as one set of focus areas per level; areas no mentee has are dropped.
  const wanted = new Set(mentees.flatMap((m) => m.focusAreas));
  const atLevel = (level: number) =>
    mentors.map((m) =>
      Object.keys(m.strengths).filter((area) => wanted.has(area) && Math.min(3, Math.floor(m.strengths[area] ?? 0)) === level),
    );
  const [menteeFocus, ...mentorLevels] = toMasks([mentees.map((m) => m.focusAreas), atLevel(1), atLevel(2), atLevel(3)]) as [
    Masks,
    Masks,
    Masks,
    Masks,
  ];

  // A choice keeps its place even if an earlier one has left the programme: second stays second.
  const menteeRank = new Int32Array(mentees.length * 3).fill(-1);
  mentees.forEach((mentee, i) => {
    mentee.ranking.slice(0, 3).forEach((id, r) => {
      const j = mentorIndex.get(id);
      if (j !== undefined && mentee.ranking.indexOf(id) === r) menteeRank[i * 3 + r] = j;
    });
  });

  const blockedLists: number[][] = mentees.map(() => []);
  const menteeIndex = new Map<string, number[]>();
  mentees.forEach((mentee, i) => menteeIndex.set(mentee.id, [...(menteeIndex.get(mentee.id) ?? []), i]));
  const mentorsById = new Map<string, number[]>();
  mentors.forEach((mentor, j) => mentorsById.set(mentor.id, [...(mentorsById.get(mentor.id) ?? []), j]));
  const block = (menteeId: string, mentorId: string) => {
    for (const i of menteeIndex.get(menteeId) ?? []) for (const j of mentorsById.get(mentorId) ?? []) blockedLists[i]!.push(j);
  };
  for (const mentee of mentees) block(mentee.id, mentee.id);
  for (const [a, b] of programme.keepApart) {
    block(a, b);
    block(b, a);
  }
  const blockedStart = new Int32Array(mentees.length + 1);
  blockedLists.forEach((list, i) => (blockedStart[i + 1] = blockedStart[i]! + list.length));

  const idealYearGap = idealGapFor(rules);
  const yearGapPoints = new Int32Array(Math.max(0, rules.maxYearGap) + 2);
  for (let gap = Math.max(0, rules.minYearGap); gap <= rules.maxYearGap; gap += 1) {
    const off = Math.abs(gap - idealYearGap);
    yearGapPoints[gap] = off === 0 ? weights.yearGapCloseness : off === 1 ? Math.floor(weights.yearGapCloseness / 2) : 0;
  }

  const [mentorSlots, menteeSlots] = toSlotMasks(
    mentors.map((m) => m.slots),
    mentees.map((m) => m.slots),
  );
  const [mentorInterests, menteeInterests] = toMasks([mentors.map((m) => m.interests), mentees.map((m) => m.interests)]) as [Masks, Masks];
  const [mentorLived, menteeLived] = toMasks([mentors.map((m) => m.livedExperience), mentees.map((m) => m.livedExperience)]) as [
    Masks,
    Masks,
  ];

  return {
    programme,
    mentorCount: mentors.length,
    menteeCount: mentees.length,
    mentorYear: Int32Array.from(mentors, (m) => m.yearGroup),
    mentorTrained: Uint8Array.from(mentors, (m) => (m.isTrained ? 1 : 0)),
    mentorRoom: Int32Array.from(mentors, (m) => Math.max(0, m.capacity - (m.currentLoad ?? 0))),
    mentorSlots,
    menteeSlots,
    mentorInterests,
    menteeInterests,
    mentorLived,
    menteeLived,
    mentorLevels: mentorLevels as [Masks, Masks, Masks],
    menteeYear: Int32Array.from(mentees, (m) => m.yearGroup),
    menteeFocus,
    menteeRank,
    blockedStart,
    blocked: Int32Array.from(blockedLists.flat()),
    yearGapPoints,
    minYearGap: rules.minYearGap,
    maxYearGap: rules.maxYearGap,
    idealYearGap,
    isTrainingRequired: rules.isTrainingRequired,
    weights,
  };
}
