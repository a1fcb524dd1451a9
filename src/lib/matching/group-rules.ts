import { pairScore } from "./candidates";
import type { Compiled } from "./compile";
import { pairBlock } from "./hard-rules";

// What makes a group valid, and what it is worth. A group has one or two mentors and 1..groupSize
// mentees. Every mentor–mentee pair must pass the 1:1 hard rules; every mentor needs room for all
// the group's mentees (as in pairing-rules.ts, load + mentees ≤ capacity); no two members may be
// kept apart, whatever their roles; and all members share at least one free slot.
// Value: the pair scores of every mentor with every mentee, plus groupYearMix points for each
// mentee year group beyond the first, so mixed-age groups are preferred.

export type Group = { mentors: number[]; mentees: number[] };

export class GroupRules {
  readonly allowed: Uint8Array;
  readonly score: Int32Array;
  /** Keep-apart pairs as a × pupils + b, with mentee i as i and mentor j as menteeCount + j. */
  private readonly apart = new Set<number>();

  constructor(readonly c: Compiled) {
    const { menteeCount: m, mentorCount: n, programme } = c;
    this.allowed = new Uint8Array(m * n);
    this.score = new Int32Array(m * n);
    for (let i = 0; i < m; i += 1) {
      for (let j = 0; j < n; j += 1) {
        if (pairBlock(c, i, j) !== null) continue;
        this.allowed[i * n + j] = 1;
        this.score[i * n + j] = pairScore(c, i, j);
      }
    }
    const pupils = m + n;
    const nodes = new Map<string, number[]>();
    programme.mentees.forEach((p, i) => nodes.set(p.id, [...(nodes.get(p.id) ?? []), i]));
    programme.mentors.forEach((p, j) => nodes.set(p.id, [...(nodes.get(p.id) ?? []), m + j]));
    for (const [a, b] of programme.keepApart) {
      for (const x of nodes.get(a) ?? []) for (const y of nodes.get(b) ?? []) this.apart.add(x * pupils + y).add(y * pupils + x);
    }
  }

  get groupSize(): number {
    return this.c.programme.rules.groupSize;
  }

  menteesApart(a: number, b: number): boolean {
    return this.apart.has(a * (this.c.menteeCount + this.c.mentorCount) + b);
  }

  private mentorsClash(mentors: number[]): boolean {
    if (mentors.length < 2) return false;
    const m = this.c.menteeCount;
    return mentors[0] === mentors[1] || this.apart.has((m + mentors[0]!) * (m + this.c.mentorCount) + m + mentors[1]!);
  }

  canPair(i: number, j: number): boolean {
    return this.allowed[i * this.c.mentorCount + j] === 1;
  }

  isValid(group: Group): boolean {
    const { mentors, mentees } = group;
    if (mentors.length < 1 || mentors.length > 2 || mentees.length < 1 || mentees.length > this.groupSize) return false;
    if (this.mentorsClash(mentors)) return false;
    for (const j of mentors) {
      if (this.c.mentorRoom[j]! < mentees.length) return false;
      for (const i of mentees) if (!this.canPair(i, j)) return false;
    }
    for (let a = 0; a < mentees.length; a += 1) {
      for (let b = a + 1; b < mentees.length; b += 1)
        if (mentees[a] === mentees[b] || this.menteesApart(mentees[a]!, mentees[b]!)) return false;
    }
    return this.commonSlots(group).some((word) => word !== 0);
  }

  /** The slot mask every member is free in (one entry per mask word). */
  commonSlots(group: Group): number[] {
    const { menteeSlots, mentorSlots } = this.c;
    const words = menteeSlots.words;
    const common: number[] = Array(words).fill(-1);
    for (const i of group.mentees) for (let w = 0; w < words; w += 1) common[w]! &= menteeSlots.bits[i * words + w]!;
    for (const j of group.mentors) for (let w = 0; w < words; w += 1) common[w]! &= mentorSlots.bits[j * words + w]!;
    return common;
  }

  yearMix(group: Group): number {
    const years = new Set(group.mentees.map((i) => this.c.menteeYear[i]));
    return (this.c.weights.groupYearMix ?? 0) * Math.max(0, years.size - 1);
  }

  value(group: Group): number {
    let total = this.yearMix(group);
    for (const i of group.mentees) for (const j of group.mentors) total += this.score[i * this.c.mentorCount + j]!;
    return total;
  }

  /**
   * The best mentees from `pool` for these mentors: for each slot the mentors share, those free
   * then and allowed with every mentor, most first and then highest value; every subset when few
   * (so small programmes get the true best), a greedy pick by marginal value otherwise.
   */
  bestFill(mentors: number[], pool: readonly number[]): number[] {
    let best: number[] = [];
    let bestValue = -1;
    this.eachFill(mentors, pool, (set) => {
      const value = this.value({ mentors, mentees: set });
      if (set.length > best.length || (set.length === best.length && value > bestValue)) {
        best = [...set];
        bestValue = value;
      }
    });
    return best;
  }

  /** Calls `visit` with valid fills: every one when each slot has at most `exhaustiveUpTo` eligible mentees, else a greedy one per slot. */
  eachFill(mentors: number[], pool: readonly number[], visit: (set: number[]) => void, exhaustiveUpTo = 10) {
    if (mentors.length < 1 || mentors.length > 2 || this.mentorsClash(mentors)) return;
    const cap = Math.min(this.groupSize, ...mentors.map((j) => this.c.mentorRoom[j]!));
    const slots = this.commonSlots({ mentors, mentees: [] });
    const words = this.c.menteeSlots.words;
    for (let w = 0; w < words; w += 1) {
      for (let bit = 0; bit < 32; bit += 1) {
        if ((slots[w]! & (1 << bit)) === 0) continue;
        const eligible = pool.filter(
          (i) => (this.c.menteeSlots.bits[i * words + w]! & (1 << bit)) !== 0 && mentors.every((j) => this.canPair(i, j)),
        );
        if (eligible.length <= exhaustiveUpTo) this.everySubset(eligible, cap, [], 0, visit);
        else visit(this.greedyFill(mentors, eligible, cap));
      }
    }
  }

  private everySubset(eligible: number[], cap: number, chosen: number[], from: number, offer: (set: number[]) => void) {
    if (chosen.length > 0) offer(chosen);
    if (chosen.length === cap) return;
    for (let k = from; k < eligible.length; k += 1) {
      const i = eligible[k]!;
      if (chosen.some((other) => this.menteesApart(i, other))) continue;
      chosen.push(i);
      this.everySubset(eligible, cap, chosen, k + 1, offer);
      chosen.pop();
    }
  }

  /** Adds, each time, the mentee who adds most value (pair points, plus a new year group). */
  private greedyFill(mentors: number[], eligible: number[], cap: number): number[] {
    const n = this.c.mentorCount;
    const mix = this.c.weights.groupYearMix ?? 0;
    const points = eligible.map((i) => mentors.reduce((sum, j) => sum + this.score[i * n + j]!, 0));
    const chosen: number[] = [];
    const years = new Set<number>();
    const isTaken = new Uint8Array(eligible.length);
    while (chosen.length < cap) {
      let pick = -1;
      let pickGain = -1;
      eligible.forEach((i, k) => {
        if (isTaken[k] || chosen.some((other) => this.menteesApart(i, other))) return;
        const gain = points[k]! + (years.size > 0 && !years.has(this.c.menteeYear[i]!) ? mix : 0);
        if (gain > pickGain) [pick, pickGain] = [k, gain];
      });
      if (pick === -1) break;
      isTaken[pick] = 1;
      chosen.push(eligible[pick]!);
      years.add(this.c.menteeYear[eligible[pick]!]!);
    }
    return chosen;
  }

  /** At most this many groups: enough for every mentee at the configured size, no more. */
  maxGroups(): number {
    return Math.ceil(this.c.menteeCount / this.groupSize);
  }
}
