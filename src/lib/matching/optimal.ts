import { solveAssignment } from "./assign";
import { buildCandidates, type Candidates } from "./candidates";
import type { Compiled } from "./compile";
import { splitComponents, type Component } from "./components";

// The optimal 1:1 assignment, lexicographically: most mentees matched, then the highest total
// score. Besides the pruning of impossible pairs (candidates.ts) and the solver's lazy scan
// (assign.ts), two uses of the structure keep it fast, neither an approximation:
// - independent components (components.ts) are solved one by one;
// - the scarcer side is the one placed unit by unit: when mentor places are fewer than mentees,
//   each place looks for a mentee, so searches end at one of the many unplaced mentees instead of
//   proving, mentee after mentee, that every place is taken.

/** The mentor index of each mentee, or -1. */
export function assignOptimally(c: Compiled): Int32Array {
  let places = 0;
  for (let j = 0; j < c.mentorCount; j += 1) if (!c.isTrainingRequired || c.mentorTrained[j]) places += c.mentorRoom[j]!;
  const candidates = buildCandidates(c, places < c.menteeCount);
  const mentorOf = new Int32Array(c.menteeCount).fill(-1);
  const components = splitComponents(candidates);
  const localOf = new Int32Array(candidates.cols);
  for (const component of components) solveComponent(c, candidates, component, components.length === 1, localOf, mentorOf);
  return mentorOf;
}

function solveComponent(
  c: Compiled,
  candidates: Candidates,
  component: Component,
  isWhole: boolean,
  localOf: Int32Array,
  mentorOf: Int32Array,
) {
  const { isMentorRows, maxScore } = candidates;
  // With one component the candidate arrays are used as they are: no copy, no renumbering.
  // (Rows are ids in the candidate numbering; identity lists keep one code path for both.)
  const rowIds = isWhole ? identity(candidates.rows) : component.rows;
  const colIds = isWhole ? identity(candidates.cols) : component.cols;
  const rows = rowIds.length;
  const cols = colIds.length;
  // Mentor places are the rows' supply or the columns' capacity; a mentee is always one unit.
  const supply = Int32Array.from(rowIds, (id) => (isMentorRows ? c.mentorRoom[id]! : 1));
  const capacity = Int32Array.from(colIds, (id) => (isMentorRows ? 1 : c.mentorRoom[id]!));
  let mentorPlaces = 0;
  for (const places of isMentorRows ? supply : capacity) mentorPlaces += places;

  let { rowStart, col, score } = candidates;
  if (!isWhole) {
    for (let k = 0; k < cols; k += 1) localOf[colIds[k]!] = k;
    rowStart = new Int32Array(rows + 1);
    for (let r = 0; r < rows; r += 1)
      rowStart[r + 1] = rowStart[r]! + candidates.rowStart[rowIds[r]! + 1]! - candidates.rowStart[rowIds[r]!]!;
    col = new Int32Array(rowStart[rows]!);
    score = new Int32Array(rowStart[rows]!);
    for (let r = 0; r < rows; r += 1) {
      for (let e = rowStart[r]!, source = candidates.rowStart[rowIds[r]!]!; e < rowStart[r + 1]!; e += 1, source += 1) {
        col[e] = localOf[candidates.col[source]!]!;
        score[e] = candidates.score[source]!;
      }
    }
  }
  // Above any difference in total cost between two assignments, so one more match always wins.
  const unplacedCost = Math.min(mentorPlaces, isMentorRows ? cols : rows) * maxScore + 1;

  const { isUsed } = solveAssignment({ rows, cols, supply, capacity, rowStart, col, score, maxScore, unplacedCost });
  for (let r = 0; r < rows; r += 1) {
    for (let e = rowStart[r]!; e < rowStart[r + 1]!; e += 1) {
      if (!isUsed[e]) continue;
      if (isMentorRows) mentorOf[colIds[col[e]!]!] = rowIds[r]!;
      else mentorOf[rowIds[r]!] = colIds[col[e]!]!;
    }
  }
}

function identity(n: number): Int32Array {
  const ids = new Int32Array(n);
  for (let k = 0; k < n; k += 1) ids[k] = k;
  return ids;
}
