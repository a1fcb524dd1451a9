import type { Group, GroupRules } from "./group-rules";

// The local search behind group mode (groups.ts). Every move keeps every group valid and is taken
// only if it places more mentees, or as many with a higher total value, so the search ends.
// Cheap moves sweep first; the dearer refills run only when the cheap ones find nothing, and the
// dearest (sharing two groups out afresh) only where someone waits or the programme is small.

export type State = { groups: Group[]; waiting: number[]; unused: number[] };

const without = (list: number[], item: number) => list.filter((x) => x !== item);
const byIndex = (a: number, b: number) => a - b;

export function improve(rules: GroupRules, state: State) {
  for (let pass = 0; pass < 100; pass += 1) {
    if (placeWaiting(rules, state) || improveValue(rules, state) || refill(rules, state) || refillTwo(rules, state)) continue;
    return;
  }
}

/** Places every waiting mentee it can: into a group, by moving a member on, or in a new group. */
function placeWaiting(rules: GroupRules, state: State): boolean {
  let isChanged = false;
  for (const i of [...state.waiting]) {
    const { groups } = state;
    let best: { gain: number; apply: () => void } | null = null;
    const consider = (gain: number, apply: () => void) => {
      if (!best || gain > best.gain) best = { gain, apply };
    };
    for (const g of groups) {
      if (!g.mentors.every((j) => rules.canPair(i, j))) continue;
      const grown = { mentors: g.mentors, mentees: [...g.mentees, i] };
      if (rules.isValid(grown)) consider(rules.value(grown) - rules.value(g), () => (g.mentees = grown.mentees));
      for (const k of g.mentees) {
        const swapped = { mentors: g.mentors, mentees: [...without(g.mentees, k), i] };
        if (!rules.isValid(swapped)) continue;
        for (const h of groups) {
          if (h === g || !h.mentors.every((j) => rules.canPair(k, j))) continue;
          const joined = { mentors: h.mentors, mentees: [...h.mentees, k] };
          if (!rules.isValid(joined)) continue;
          consider(rules.value(swapped) + rules.value(joined) - rules.value(g) - rules.value(h), () => {
            g.mentees = swapped.mentees;
            h.mentees = joined.mentees;
          });
        }
      }
    }
    if (groups.length < rules.maxGroups()) {
      for (const j of state.unused) {
        const opened = { mentors: [j], mentees: [i] };
        if (rules.isValid(opened)) {
          consider(rules.value(opened), () => {
            groups.push(opened);
            state.unused = without(state.unused, j);
          });
        }
      }
    }
    if (best) {
      (best as { apply: () => void }).apply();
      state.waiting = without(state.waiting, i);
      isChanged = true;
    }
  }
  return isChanged;
}

/** One sweep of value moves: a waiting mentee in for a member, a member moved or swapped between groups, a mentor swapped for or joined by an unused one. */
function improveValue(rules: GroupRules, state: State): boolean {
  let isChanged = false;
  const value = (g: Group) => rules.value(g);
  for (const g of state.groups) {
    for (const k of [...g.mentees]) {
      if (!g.mentees.includes(k)) continue;
      for (const i of state.waiting) {
        const swapped = { mentors: g.mentors, mentees: [...without(g.mentees, k), i] };
        if (rules.isValid(swapped) && value(swapped) > value(g)) {
          g.mentees = swapped.mentees;
          state.waiting = [...without(state.waiting, i), k].sort(byIndex);
          isChanged = true;
          break;
        }
      }
      if (!g.mentees.includes(k)) continue;
      for (const h of state.groups) {
        if (h === g || !h.mentors.every((j) => rules.canPair(k, j))) continue;
        const pair = value(g) + value(h);
        const moved = { mentors: g.mentors, mentees: without(g.mentees, k) };
        const joined = { mentors: h.mentors, mentees: [...h.mentees, k] };
        if (moved.mentees.length > 0 && rules.isValid(moved) && rules.isValid(joined) && value(moved) + value(joined) > pair) {
          [g.mentees, h.mentees] = [moved.mentees, joined.mentees];
          isChanged = true;
          break;
        }
        const swap = h.mentees.find((l) => {
          const a = { mentors: g.mentors, mentees: [...without(g.mentees, k), l] };
          const b = { mentors: h.mentors, mentees: [...without(h.mentees, l), k] };
          return rules.isValid(a) && rules.isValid(b) && value(a) + value(b) > pair;
        });
        if (swap !== undefined) {
          [g.mentees, h.mentees] = [
            [...without(g.mentees, k), swap],
            [...without(h.mentees, swap), k],
          ];
          isChanged = true;
          break;
        }
      }
    }
    for (const j of [...state.unused]) {
      const changes: Group[] = g.mentors.map((m) => ({ mentors: [...without(g.mentors, m), j], mentees: g.mentees }));
      if (g.mentors.length === 1) changes.push({ mentors: [...g.mentors, j], mentees: g.mentees });
      const better = changes.find((changed) => rules.isValid(changed) && value(changed) > value(g));
      if (!better) continue;
      state.unused = [...without(state.unused, j), ...g.mentors.filter((m) => !better.mentors.includes(m))].sort(byIndex);
      g.mentors = better.mentors;
      isChanged = true;
    }
  }
  return isChanged;
}

const isBetter = (a: Group, b: Group, rules: GroupRules) =>
  a.mentees.length > b.mentees.length || (a.mentees.length === b.mentees.length && rules.value(a) > rules.value(b));

/** A group's own mentors, or one of its two alone. */
const teamsOf = (g: Group) => [g.mentors, ...(g.mentors.length === 2 ? g.mentors.map((m) => [m]) : [])];

/**
 * Refills each group from its own mentees and everyone waiting, with its mentors, one of them,
 * or an unused mentor in place of (or beside) one; then opens groups for unused mentors.
 */
function refill(rules: GroupRules, state: State): boolean {
  let isChanged = false;
  for (const g of state.groups) {
    const pool = [...g.mentees, ...state.waiting];
    const options = teamsOf(g);
    for (const j of state.unused) {
      if (!pool.some((i) => rules.canPair(i, j))) continue;
      for (const m of g.mentors) options.push([...without(g.mentors, m), j]);
      if (g.mentors.length === 1) options.push([...g.mentors, j]);
    }
    for (const mentors of options) {
      const next = { mentors, mentees: rules.bestFill(mentors, pool) };
      if (next.mentees.length === 0 || !isBetter(next, g, rules)) continue;
      state.waiting = pool.filter((i) => !next.mentees.includes(i)).sort(byIndex);
      state.unused = [...state.unused.filter((j) => !mentors.includes(j)), ...g.mentors.filter((j) => !mentors.includes(j))].sort(byIndex);
      Object.assign(g, next);
      isChanged = true;
      break;
    }
  }
  for (const j of [...state.unused]) {
    if (state.groups.length >= rules.maxGroups()) break;
    const mentees = rules.bestFill([j], state.waiting);
    if (mentees.length === 0) continue;
    state.groups.push({ mentors: [j], mentees });
    state.waiting = state.waiting.filter((i) => !mentees.includes(i));
    state.unused = without(state.unused, j);
    isChanged = true;
  }
  return isChanged;
}

/**
 * Shares two groups' mentees and everyone waiting out afresh (either group may drop its second
 * mentor), trying every split: only for pools of at most 12, and only where someone is waiting or
 * the programme has few groups, as it is the dearest move.
 */
function refillTwo(rules: GroupRules, state: State): boolean {
  const { groups } = state;
  if (state.waiting.length === 0 && groups.length > 8) return false;
  for (let a = 0; a < groups.length; a += 1) {
    for (let b = a + 1; b < groups.length; b += 1) {
      const g = groups[a]!;
      const h = groups[b]!;
      const pool = [...g.mentees, ...h.mentees, ...state.waiting];
      if (pool.length > 12) continue;
      let best = {
        placed: g.mentees.length + h.mentees.length,
        value: rules.value(g) + rules.value(h),
        next: null as [Group, Group] | null,
      };
      for (const first of teamsOf(g)) {
        for (const second of teamsOf(h)) {
          rules.eachFill(first, pool, (mentees) => {
            const other = {
              mentors: second,
              mentees: rules.bestFill(
                second,
                pool.filter((i) => !mentees.includes(i)),
              ),
            };
            if (other.mentees.length === 0) return;
            const mine = { mentors: first, mentees: [...mentees] };
            const placed = mine.mentees.length + other.mentees.length;
            const value = rules.value(mine) + rules.value(other);
            if (placed > best.placed || (placed === best.placed && value > best.value)) best = { placed, value, next: [mine, other] };
          });
        }
      }
      if (!best.next) continue;
      const next = best.next;
      const dropped = [...g.mentors, ...h.mentors].filter((j) => !next.some((x) => x.mentors.includes(j)));
      [groups[a], groups[b]] = next;
      const placed = new Set(next.flatMap((x) => x.mentees));
      state.waiting = pool.filter((i) => !placed.has(i)).sort(byIndex);
      state.unused = [...state.unused, ...dropped].sort(byIndex);
      return true;
    }
  }
  return false;
}
