import { compileProgramme, type Compiled } from "./compile";
import { GroupRules, type Group } from "./group-rules";
import { improve, type State } from "./group-search";
import { assignOptimally } from "./optimal";
import { pairReasons } from "./reasons";
import { OBJECTIVE_SCALE, type Programme, type Reason, type Suggestion, type Unmatched } from "./types";
import { explainUnmatched, message as unmatchedMessage } from "./unmatched";

// Group mode (README.md, "Group mode"): at most ceil(mentees / groupSize) groups, each with one or
// two mentors. Objective, as in 1:1: most mentees placed, then the highest total value
// (group-rules.ts). Grouping is NP-hard in general (common slots and keep-apart couple every
// member), so this is a heuristic, measured against brute force in groups.test.ts:
// 1. seed: the exact 1:1 engine assigns mentees to mentors with capacity capped at the group size;
//    the mentors with the most mentees lead the groups, and the engine runs again on them alone;
// 2. repair: each group keeps its mentees, best pair first, while the group stays valid;
// 3. improve: local search until no move helps — place a waiting mentee (directly, by opening a
//    group, or by moving a member on to make room), swap a waiting mentee in, move or swap mentees
//    between groups, swap a mentor for an unused one, add a second mentor.

export type SuggestedGroup = {
  mentorIds: string[];
  menteeIds: string[];
  /** A slot every member is free in, as its label. */
  slot: string;
  score: number;
  /** The mixed-age points, then every mentor–mentee pair with its reasons. */
  reasons: Reason[];
  pairs: Suggestion[];
};
export type GroupsResult = { groups: SuggestedGroup[]; unplaced: Unmatched[]; placedCount: number; totalScore: number; objective: number };

export function suggestGroups(programme: Programme): GroupsResult {
  const c = compileProgramme(programme);
  const rules = new GroupRules(c);
  // Two different starts, each improved; the better result is kept.
  const results = [seed(c, rules), greedySeed(c, rules)].map((state) => {
    improve(rules, state);
    return describe(c, rules, state);
  });
  return results.reduce((best, next) => (next.objective > best.objective ? next : best));
}

function seed(c: Compiled, rules: GroupRules): State {
  const capped = Int32Array.from(c.mentorRoom, (room) => Math.min(room, rules.groupSize));
  const first = assignOptimally({ ...c, mentorRoom: capped });
  const count = new Int32Array(c.mentorCount);
  first.forEach((j) => j >= 0 && (count[j]! += 1));
  const leaders = [...Array(c.mentorCount).keys()]
    .filter((j) => count[j]! > 0)
    .sort((a, b) => count[b]! - count[a]! || a - b)
    .slice(0, rules.maxGroups());
  const onlyLeaders = new Int32Array(c.mentorCount);
  for (const j of leaders) onlyLeaders[j] = capped[j]!;
  const mentorOf = assignOptimally({ ...c, mentorRoom: onlyLeaders });

  const groups: Group[] = [];
  const waiting: number[] = [];
  for (const j of leaders) {
    const group: Group = { mentors: [j], mentees: [] };
    const mine = [...mentorOf.keys()]
      .filter((i) => mentorOf[i] === j)
      .sort((a, b) => rules.score[b * c.mentorCount + j]! - rules.score[a * c.mentorCount + j]! || a - b);
    for (const i of mine) {
      if (rules.isValid({ mentors: group.mentors, mentees: [...group.mentees, i] })) group.mentees.push(i);
      else waiting.push(i);
    }
    if (group.mentees.length > 0) groups.push(group);
  }
  for (let i = 0; i < c.menteeCount; i += 1) if (mentorOf[i] === -1) waiting.push(i);
  const used = new Set(groups.flatMap((g) => g.mentors));
  return { groups, waiting: waiting.sort((a, b) => a - b), unused: [...Array(c.mentorCount).keys()].filter((j) => !used.has(j)) };
}

/**
 * Leaders one at a time: each time the mentor who can take the most (then best) of those left.
 * A mentor's best fill only changes when someone in it is taken, so only those are recomputed.
 */
function greedySeed(c: Compiled, rules: GroupRules): State {
  let waiting = [...Array(c.menteeCount).keys()];
  const fills = new Map<number, Group>();
  for (let j = 0; j < c.mentorCount; j += 1) fills.set(j, { mentors: [j], mentees: rules.bestFill([j], waiting) });
  const groups: Group[] = [];
  while (groups.length < rules.maxGroups()) {
    let best: Group | null = null;
    for (const group of fills.values()) {
      if (
        group.mentees.length > 0 &&
        (!best ||
          group.mentees.length > best.mentees.length ||
          (group.mentees.length === best.mentees.length && rules.value(group) > rules.value(best)))
      )
        best = group;
    }
    if (!best) break;
    const chosen: Group = best;
    groups.push(chosen);
    fills.delete(chosen.mentors[0]!);
    waiting = waiting.filter((i) => !chosen.mentees.includes(i));
    for (const [j, group] of fills)
      if (group.mentees.some((i) => chosen.mentees.includes(i))) fills.set(j, { mentors: [j], mentees: rules.bestFill([j], waiting) });
  }
  return { groups, waiting, unused: [...fills.keys()].sort((a, b) => a - b) };
}

function describe(c: Compiled, rules: GroupRules, state: State): GroupsResult {
  const { mentors, mentees, slotLabels } = c.programme;
  const slotNames = [...new Set([...mentees.flatMap((m) => m.slots), ...mentors.flatMap((m) => m.slots)])];
  const groups = state.groups.map((g) => {
    // A member who has not said when they are free is free at any time (pairing-rules.ts, sharesFreeTime).
    const isFreeAt = (slots: readonly string[], slot: string) => slots.length === 0 || slots.includes(slot);
    const common = new Set(
      [...g.mentees.flatMap((i) => mentees[i]!.slots), ...g.mentors.flatMap((j) => mentors[j]!.slots)].filter(
        (slot) => g.mentees.every((i) => isFreeAt(mentees[i]!.slots, slot)) && g.mentors.every((j) => isFreeAt(mentors[j]!.slots, slot)),
      ),
    );
    const slot = slotNames.find((s) => common.has(s)) ?? "";
    const pairs = g.mentees.flatMap((i) =>
      g.mentors.map((j) => {
        const reasons = pairReasons(c, i, j);
        return { menteeId: mentees[i]!.id, mentorId: mentors[j]!.id, score: reasons.reduce((sum, r) => sum + r.points, 0), reasons };
      }),
    );
    const years = [...new Set(g.mentees.map((i) => mentees[i]!.yearGroup))].sort((a, b) => a - b);
    const mix = rules.yearMix(g);
    const reasons: Reason[] =
      mix > 0 ? [{ kind: "year-gap", points: mix, text: `mixed years: ${years.map((y) => `Year ${y}`).join(", ")}` }] : [];
    return {
      mentorIds: g.mentors.map((j) => mentors[j]!.id),
      menteeIds: g.mentees.map((i) => mentees[i]!.id),
      slot: slotLabels?.[slot] ?? slot,
      score: rules.value(g),
      reasons,
      pairs,
    };
  });
  const unplaced = state.waiting.map((i): Unmatched => {
    const alone = explainUnmatched(c, i);
    if (alone.code !== "every-candidate-at-capacity") return alone;
    return { menteeId: mentees[i]!.id, code: "no-group-fits", message: unmatchedMessage(c, i, "no-group-fits", []) };
  });
  const placedCount = groups.reduce((sum, g) => sum + g.menteeIds.length, 0);
  const totalScore = groups.reduce((sum, g) => sum + g.score, 0);
  return { groups, unplaced, placedCount, totalScore, objective: placedCount * OBJECTIVE_SCALE + totalScore };
}
