import { firstPairRuleBroken, type PairRuleName } from "../pairing-rules";
import type { Compiled, Masks } from "./compile";

// The hard rules for one mentor–mentee pair are src/lib/pairing-rules.ts's `pairRulesBroken`, fed
// with facts read off the compiled masks (a pupil who has not said when they are free is free in
// every slot there, as `sharesFreeTime` says). The scoring loop in candidates.ts applies the same
// rules inline for speed; hard-rules.test.ts checks that all of them agree.

export type PairBlock = PairRuleName | "no-room";

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
  const facts = {
    isSamePupil: c.programme.mentors[j]!.id === c.programme.mentees[i]!.id,
    yearGap: c.mentorYear[j]! - c.menteeYear[i]!,
    sharesFreeTime: sharesAny(c.mentorSlots, j, c.menteeSlots, i),
    isMentorTrained: c.mentorTrained[j] === 1,
    isKeptApart: isBlockedPair(c, i, j),
  };
  return firstPairRuleBroken(facts, c);
}

/** As pairRuleBroken, and the mentor must have a place left. */
export function pairBlock(c: Compiled, i: number, j: number): PairBlock | null {
  return pairRuleBroken(c, i, j) ?? (c.mentorRoom[j]! > 0 ? null : "no-room");
}
