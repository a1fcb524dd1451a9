import { MinHeap } from "./heap";

// Exact minimum-cost assignment between rows that each place some units and columns that each
// take up to a capacity, every (row, column) pair used at most once: successive shortest paths
// with node potentials (the Hungarian method in its sparse, Jonker–Volgenant form). Units are
// placed one at a time; each gets a Dijkstra search over reduced costs that stops as soon as it
// reaches a column with room. Capacities are never expanded into copies.
//
// Every row may also leave a unit unplaced at `unplacedCost`. Choosing it above any possible
// difference in total pair cost makes the minimum-cost solution the lexicographic optimum: most
// units placed first, then least cost. Placing units one by one stays exact: the invariant is that
// the current placement is cheapest for the units seen so far, and a new unit may push out
// whichever earlier unit is cheapest to lose.
//
// Speed comes from scanning a row's pairs lazily, cheapest first. Column potentials never rise
// above 0, so a pair's reduced cost is at least its cost plus the row's potential; a row's
// remaining pairs wait in the heap under that bound and are only looked at when the search gets
// there. Most searches end after a few pairs of a few rows instead of every pair of every row.

export type AssignmentProblem = {
  rows: number;
  cols: number;
  supply: Int32Array;
  capacity: Int32Array;
  rowStart: Int32Array;
  col: Int32Array;
  /** Pair scores, best first within each row; a pair costs maxScore − score (never negative). */
  score: Int32Array;
  maxScore: number;
  unplacedCost: number;
};

export type Assignment = {
  /** 1 where the pair is chosen. */
  isUsed: Uint8Array;
  /** Units of each row left unplaced. */
  unplaced: Int32Array;
  rowPotential: Float64Array;
  colPotential: Float64Array;
};

export function solveAssignment(problem: AssignmentProblem): Assignment {
  const { rows, cols, supply, capacity, rowStart, col, score, maxScore, unplacedCost: U } = problem;
  const arcs = col.length;
  const rowPotential = new Float64Array(rows);
  const colPotential = new Float64Array(cols);
  // The sink's potential stays 0: only settled nodes move, and the sink settles at distance D.
  const isUsed = new Uint8Array(arcs);
  const unplaced = new Int32Array(rows);
  // Written only for chosen pairs, the only ones ever read back (through a column's list).
  const arcRow = new Int32Array(arcs);
  const load = new Int32Array(cols);
  const firstArc = new Int32Array(cols).fill(-1);
  const nextArc = new Int32Array(arcs);

  const colDist = new Float64Array(cols);
  const colStamp = new Int32Array(cols);
  const colDone = new Int32Array(cols);
  const colFrom = new Int32Array(cols);
  const colFromRow = new Int32Array(cols);
  const rowDist = new Float64Array(rows);
  const rowStamp = new Int32Array(rows);
  const rowDone = new Int32Array(rows);
  const rowFrom = new Int32Array(rows);
  const rowNext = new Int32Array(rows);
  const doneRows = new Int32Array(rows);
  const doneCols = new Int32Array(cols);
  const heap = new MinHeap(256);
  const CURSOR = cols + rows; // heap values: column j, row (cols + r), or a row's next pairs (CURSOR + r)
  let stamp = 0;
  let best = 0;
  let bestEnd = 0; // a column index, or -(row + 2) for "a unit of that row stays unplaced"
  let doneRowCount = 0;
  let doneColCount = 0;

  const scanRow = (r: number, d: number) => {
    rowDone[r] = stamp;
    rowStamp[r] = stamp;
    rowDist[r] = d;
    doneRows[doneRowCount++] = r;
    if (d + U + rowPotential[r]! < best) {
      best = d + U + rowPotential[r]!;
      bestEnd = -(r + 2);
    }
    rowNext[r] = rowStart[r]!;
    pushCursor(r);
  };
  const pushCursor = (r: number) => {
    const e = rowNext[r]!;
    if (e < rowStart[r + 1]!) heap.push(Math.max(rowDist[r]!, rowDist[r]! + maxScore - score[e]! + rowPotential[r]!), CURSOR + r);
  };
  const relaxCheapest = (r: number) => {
    const end = rowStart[r + 1]!;
    const base = rowDist[r]! + rowPotential[r]!;
    let e = rowNext[r]!;
    const groupScore = score[e]!;
    const groupCost = maxScore - groupScore;
    for (; e < end && score[e] === groupScore; e += 1) {
      const j = col[e]!;
      if (isUsed[e] || colDone[j] === stamp) continue;
      const nd = base + groupCost - colPotential[j]!;
      if (colStamp[j] !== stamp || nd < colDist[j]!) {
        colStamp[j] = stamp;
        colDist[j] = nd;
        colFrom[j] = e;
        colFromRow[j] = r;
        heap.push(nd, j);
      }
    }
    rowNext[r] = e;
    pushCursor(r);
  };

  for (let start = 0; start < rows; start += 1) {
    // The least potential that keeps every pair of the new row at reduced cost ≥ 0. Column
    // potentials are ≤ 0, so once −cost is below it no later (dearer) pair can raise it.
    let potential = -U;
    for (let e = rowStart[start]!; e < rowStart[start + 1]! && score[e]! - maxScore > potential; e += 1) {
      potential = Math.max(potential, colPotential[col[e]!]! + score[e]! - maxScore);
    }
    rowPotential[start] = potential;

    for (let unit = 0; unit < supply[start]!; unit += 1) {
      stamp += 1;
      best = Infinity;
      doneRowCount = 0;
      doneColCount = 0;
      heap.clear();
      scanRow(start, 0);
      while (heap.size > 0 && heap.topKey() < best) {
        const d = heap.topKey();
        const node = heap.pop();
        if (node >= CURSOR) {
          relaxCheapest(node - CURSOR);
        } else if (node >= cols) {
          const r = node - cols;
          if (rowDone[r] !== stamp && d <= rowDist[r]!) scanRow(r, d);
        } else if (colDone[node] !== stamp && d <= colDist[node]!) {
          const j = node;
          colDone[j] = stamp;
          doneCols[doneColCount++] = j;
          if (load[j]! < capacity[j]!) {
            if (d + colPotential[j]! < best) {
              best = d + colPotential[j]!;
              bestEnd = j;
            }
            continue;
          }
          // Back along a chosen pair to its row: reduced cost 0 for a row placing one unit, but a
          // row placing several can sit above it, so the general case goes through the heap.
          for (let e = firstArc[j]!; e !== -1; e = nextArc[e]!) {
            const r = arcRow[e]!;
            if (rowDone[r] === stamp) continue;
            const nd = d - (maxScore - score[e]!) + colPotential[j]! - rowPotential[r]!;
            if (nd === d) {
              rowFrom[r] = e;
              scanRow(r, d);
            } else if (rowStamp[r] !== stamp || nd < rowDist[r]!) {
              rowStamp[r] = stamp;
              rowDist[r] = nd;
              rowFrom[r] = e;
              heap.push(nd, cols + r);
            }
          }
        }
      }

      for (let k = 0; k < doneRowCount; k += 1) rowPotential[doneRows[k]!]! += rowDist[doneRows[k]!]! - best;
      for (let k = 0; k < doneColCount; k += 1) colPotential[doneCols[k]!]! += colDist[doneCols[k]!]! - best;

      // Walk the path back to the start row: each row on it gives up the pair it was reached
      // through and takes the pair that reached the next column.
      let j: number;
      if (bestEnd >= 0) {
        j = bestEnd;
        load[j]! += 1;
      } else {
        const r = -bestEnd - 2;
        unplaced[r]! += 1;
        if (r === start) continue;
        j = release(rowFrom[r]!);
      }
      for (;;) {
        const e = colFrom[j]!;
        arcRow[e] = colFromRow[j]!;
        isUsed[e] = 1;
        nextArc[e] = firstArc[j]!;
        firstArc[j] = e;
        if (arcRow[e] === start) break;
        j = release(rowFrom[arcRow[e]!]!);
      }
    }
  }

  return { isUsed, unplaced, rowPotential, colPotential };

  /** Takes pair `e` out of its column's list and returns that column. */
  function release(e: number): number {
    const j = col[e]!;
    isUsed[e] = 0;
    if (firstArc[j] === e) {
      firstArc[j] = nextArc[e]!;
      return j;
    }
    let p = firstArc[j]!;
    while (nextArc[p] !== e) p = nextArc[p]!;
    nextArc[p] = nextArc[e]!;
    return j;
  }
}
