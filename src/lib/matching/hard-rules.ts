import type { Compiled, Masks } from "./compile";

// The hard rules for one mentor–mentee pair. They agree with src/lib/pairing-rules.ts on what both
// check ("older": mentor year − mentee year ≥ minimum gap; "capacity": current load + 1 ≤ capacity;
// "overlap": a pupil is never their own mentor) and add the engine's own: a maximum gap, training,
// keep-apart and a shared free slot. hard-rules.test.ts checks the agreement.

export type PairBlock = "same-pupil" | "too-young" | "too-old" | "untrained" | "no-shared-slot" | "keep-apart" | "no-room";

export function sharesAny(a: Masks, rowA: number, b: Masks, rowB: number): boolean {
  const words = a.words;
  for (let w = 0; w < words; w += 1) if ((a.bits[rowA * words + w]! & b.bits[rowB * words + w]!) !== 0) return true;
  return false;
}

export function isBlockedPair(c: Compiled, i: number, j: number): boolean {
  for (let k = c.blockedStart[i]!; k < c.blockedStart[i + 1]!; k += 1) if (c.blocked[k] === j) return true;
  return false;
}

/** The first hard rule the pair breaks, ignoring places left; null when the pair may be matched. */
export function pairRuleBroken(c: Compiled, i: number, j: number): Exclude<PairBlock, "no-room"> | null {
  const mentor = c.programme.mentors[j]!;
  const mentee = c.programme.mentees[i]!;
  if (mentor.id === mentee.id) return "same-pupil";
  const gap = c.mentorYear[j]! - c.menteeYear[i]!;
  if (gap < c.minYearGap) return "too-young";
  if (gap > c.maxYearGap) return "too-old";
  if (!sharesAny(c.mentorSlots, j, c.menteeSlots, i)) return "no-shared-slot";
  if (c.isTrainingRequired && !c.mentorTrained[j]) return "untrained";
  if (isBlockedPair(c, i, j)) return "keep-apart";
  return null;
}

/** As pairRuleBroken, and the mentor must have a place left. */
export function pairBlock(c: Compiled, i: number, j: number): PairBlock | null {
  return pairRuleBroken(c, i, j) ?? (c.mentorRoom[j]! > 0 ? null : "no-room");
}
