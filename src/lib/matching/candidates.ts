import type { Compiled, Masks } from "./compile";

// Every allowed (mentee, mentor) pair with its score, as compressed rows: the pairs of row r are
// col[rowStart[r] .. rowStart[r + 1]), best score first. Rows are mentees, or mentors when the
// solver places mentor places (optimal.ts chooses). The hard rules are applied here, before any
// solving, so the solver only ever sees pairs it may choose. The other side is sorted by year,
// so each row only looks at the run of year groups its gap rules allow, and mentors who cannot
// take anyone (untrained where training is required, no places left) are never looked at.

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function common(a: Masks, rowA: number, b: Masks, rowB: number): number {
  let shared = 0;
  for (let w = 0; w < a.words; w += 1) shared += popcount(a.bits[rowA * a.words + w]! & b.bits[rowB * b.words + w]!);
  return shared;
}

/** The soft score of an allowed pair: the sum of pairReasons' points (reasons.ts). */
export function pairScore(c: Compiled, i: number, j: number): number {
  const w = c.weights;
  let score = c.yearGapPoints[c.mentorYear[j]! - c.menteeYear[i]!] ?? 0;
  if (c.menteeRank[i * 3] === j) score += w.menteeRanking[0];
  else if (c.menteeRank[i * 3 + 1] === j) score += w.menteeRanking[1];
  else if (c.menteeRank[i * 3 + 2] === j) score += w.menteeRanking[2];
  const [one, two, three] = c.mentorLevels;
  score += w.focusFit * (common(c.menteeFocus, i, one, j) + 2 * common(c.menteeFocus, i, two, j) + 3 * common(c.menteeFocus, i, three, j));
  score += w.sharedInterests * common(c.menteeInterests, i, c.mentorInterests, j);
  if (common(c.menteeLived, i, c.mentorLived, j) > 0) score += w.livedExperience;
  return score;
}

export type Candidates = {
  isMentorRows: boolean;
  rows: number;
  cols: number;
  rowStart: Int32Array;
  col: Int32Array;
  score: Int32Array;
  maxScore: number;
};

/** isSorted: each row best score first (the solver needs it; a dense reference does not). */
export function buildCandidates(c: Compiled, isMentorRows = false, isSorted = true): Candidates {
  const usable: number[] = [];
  for (let j = 0; j < c.mentorCount; j += 1) if (c.mentorRoom[j]! > 0 && (!c.isTrainingRequired || c.mentorTrained[j])) usable.push(j);
  const rows = isMentorRows ? c.mentorCount : c.menteeCount;
  const cols = isMentorRows ? c.menteeCount : c.mentorCount;
  const rowYear = isMentorRows ? c.mentorYear : c.menteeYear;
  const colYear = isMentorRows ? c.menteeYear : c.mentorYear;
  const others = isMentorRows ? [...Array(c.menteeCount).keys()] : usable;
  others.sort((a, b) => colYear[a]! - colYear[b]! || a - b);
  const order = Int32Array.from(others);
  const positionOf = new Int32Array(cols).fill(-1);
  order.forEach((other, p) => (positionOf[other] = p));
  const firstAtLeast = (year: number) => {
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (colYear[order[mid]!]! < year) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  // Per row: keep-apart (or same-pupil) partners, and ranking points, by partner position.
  const blocked: number[][] = Array.from({ length: rows }, () => []);
  const bonus: number[][] = Array.from({ length: rows }, () => []);
  for (let i = 0; i < c.menteeCount; i += 1) {
    for (let k = c.blockedStart[i]!; k < c.blockedStart[i + 1]!; k += 1) {
      const j = c.blocked[k]!;
      if (isMentorRows) blocked[j]!.push(positionOf[i]!);
      else if (positionOf[j]! >= 0) blocked[i]!.push(positionOf[j]!);
    }
    for (let r = 0; r < 3; r += 1) {
      const j = c.menteeRank[i * 3 + r]!;
      if (j < 0 || positionOf[isMentorRows ? i : j]! < 0) continue;
      bonus[isMentorRows ? j : i]!.push(positionOf[isMentorRows ? i : j]!, c.weights.menteeRanking[r as 0 | 1 | 2]);
    }
  }

  const rowList = isMentorRows ? usable.sort((a, b) => a - b) : [...Array(c.menteeCount).keys()];
  const ranges = new Int32Array(2 * rows);
  let bound = 0;
  for (const r of rowList) {
    const year = rowYear[r]!;
    ranges[2 * r] = firstAtLeast(isMentorRows ? year - c.maxYearGap : year + c.minYearGap);
    ranges[2 * r + 1] = firstAtLeast(isMentorRows ? year - c.minYearGap + 1 : year + c.maxYearGap + 1);
    bound += ranges[2 * r + 1]! - ranges[2 * r]!;
  }
  const out: Pairs = { rowStart: new Int32Array(rows + 1), col: new Int32Array(bound), score: new Int32Array(bound), size: 0, maxScore: 0 };
  const isOneWord = [c.menteeSlots, c.menteeInterests, c.menteeLived, c.menteeFocus].every((m) => m.words === 1);
  const fast = isOneWord ? packByPosition(c, order, isMentorRows) : null;
  const blockedAt = new Int32Array(order.length);
  const bonusAt = new Int32Array(order.length);
  const top = highestScore(c);
  const row: Row = { col: new Int32Array(cols), score: new Int32Array(cols), count: new Int32Array(top <= 4096 ? top + 1 : 0), top };
  let nextRow = 0;
  for (const r of rowList) {
    while (nextRow <= r) out.rowStart[nextRow++] = out.size;
    const list = bonus[r]!;
    for (const p of blocked[r]!) blockedAt[p] = r + 1;
    for (let k = 0; k < list.length; k += 2) bonusAt[list[k]!]! += list[k + 1]!;
    const n = fast
      ? scoreRowFast(c, fast, r, ranges[2 * r]!, ranges[2 * r + 1]!, blockedAt, bonusAt, row)
      : scoreRowGeneric(c, order, isMentorRows, r, ranges[2 * r]!, ranges[2 * r + 1]!, blockedAt, row);
    for (let k = 0; k < list.length; k += 2) bonusAt[list[k]!] = 0;
    appendRow(out, row, n, isSorted);
  }
  while (nextRow <= rows) out.rowStart[nextRow++] = out.size;
  return {
    isMentorRows,
    rows,
    cols,
    rowStart: out.rowStart,
    col: out.col.subarray(0, out.size),
    score: out.score.subarray(0, out.size),
    maxScore: out.maxScore,
  };
}

/** No pair can score more: the best of every part at once. */
function highestScore(c: Compiled): number {
  const w = c.weights;
  let focus = 0;
  let interests = 0;
  for (let i = 0; i < c.menteeCount; i += 1) {
    focus = Math.max(focus, common(c.menteeFocus, i, c.menteeFocus, i));
    interests = Math.max(interests, common(c.menteeInterests, i, c.menteeInterests, i));
  }
  return (
    Math.max(0, ...c.yearGapPoints) +
    Math.max(...w.menteeRanking) +
    3 * w.focusFit * focus +
    w.sharedInterests * interests +
    w.livedExperience
  );
}

type Pairs = { rowStart: Int32Array; col: Int32Array; score: Int32Array; size: number; maxScore: number };

function scoreRowGeneric(
  c: Compiled,
  order: Int32Array,
  isMentorRows: boolean,
  r: number,
  from: number,
  to: number,
  blockedAt: Int32Array,
  row: Row,
): number {
  let n = 0;
  for (let p = from; p < to; p += 1) {
    if (blockedAt[p] === r + 1) continue;
    const i = isMentorRows ? order[p]! : r;
    const j = isMentorRows ? r : order[p]!;
    if (common(c.menteeSlots, i, c.mentorSlots, j) === 0) continue;
    const s = pairScore(c, i, j);
    row.col[n] = order[p]!;
    row.score[n++] = s;
    row.count[row.top - s]! += 1;
  }
  return n;
}

/**
 * The other side's one-word masks laid out by year order, so the hot loop reads memory in
 * sequence. Focus is stored as (mentee areas, mentor level 1, 2, 3) with the row's side zero.
 */
function packByPosition(c: Compiled, order: Int32Array, isMentorRows: boolean) {
  const pick = (menteeSide: Masks, mentorSide: Masks) => Int32Array.from(order, (k) => (isMentorRows ? menteeSide : mentorSide).bits[k]!);
  const zero = new Int32Array(order.length);
  const [one, two, three] = c.mentorLevels;
  return {
    isMentorRows,
    order,
    // Year with the sign that makes (row value + other value) the mentor-minus-mentee gap.
    year: Int32Array.from(order, (k) => (isMentorRows ? -c.menteeYear[k]! : c.mentorYear[k]!)),
    slots: pick(c.menteeSlots, c.mentorSlots),
    interests: pick(c.menteeInterests, c.mentorInterests),
    lived: pick(c.menteeLived, c.mentorLived),
    focus: isMentorRows ? pick(c.menteeFocus, c.menteeFocus) : zero,
    levels: isMentorRows ? [zero, zero, zero] : [pick(one, one), pick(two, two), pick(three, three)],
  };
}

/** pairScore for one-word masks, the row's side read once: it runs for every pair. */
function scoreRowFast(
  c: Compiled,
  side: ReturnType<typeof packByPosition>,
  r: number,
  from: number,
  to: number,
  blockedAt: Int32Array,
  bonusAt: Int32Array,
  row: Row,
): number {
  const { year, slots, interests, lived, focus } = side;
  const [level1, level2, level3] = side.levels as [Int32Array, Int32Array, Int32Array];
  const m = side.isMentorRows;
  const rowYear = m ? c.mentorYear[r]! : -c.menteeYear[r]!;
  const rowSlots = (m ? c.mentorSlots : c.menteeSlots).bits[r]!;
  const rowInterests = (m ? c.mentorInterests : c.menteeInterests).bits[r]!;
  const rowLived = (m ? c.mentorLived : c.menteeLived).bits[r]!;
  const rowFocus = m ? 0 : c.menteeFocus.bits[r]!;
  const [one, two, three] = c.mentorLevels;
  const rowLevel1 = m ? one.bits[r]! : 0;
  const rowLevel2 = m ? two.bits[r]! : 0;
  const rowLevel3 = m ? three.bits[r]! : 0;
  const { focusFit, sharedInterests, livedExperience } = c.weights;
  const gapPoints = c.yearGapPoints;
  const { col, score, count, top } = row;
  let n = 0;
  for (let p = from; p < to; p += 1) {
    if (blockedAt[p] === r + 1 || (slots[p]! & rowSlots) === 0) continue;
    const areas = focus[p]! | rowFocus;
    let s = gapPoints[year[p]! + rowYear]! + bonusAt[p]!;
    s +=
      focusFit *
      (popcount(areas & (level1[p]! | rowLevel1)) +
        2 * popcount(areas & (level2[p]! | rowLevel2)) +
        3 * popcount(areas & (level3[p]! | rowLevel3)));
    s += sharedInterests * popcount(interests[p]! & rowInterests);
    if ((lived[p]! & rowLived) !== 0) s += livedExperience;
    col[n] = side.order[p]!;
    score[n++] = s;
    count[top - s]! += 1;
  }
  return n;
}

/** One row's pairs before sorting, with a count of each score (index top − score). */
type Row = { col: Int32Array; score: Int32Array; count: Int32Array; top: number };

/** Appends the row to `out`, best score first when asked: a counting sort, scores being small. */
function appendRow(out: Pairs, row: Row, n: number, isSorted: boolean) {
  const from = out.size;
  const { col, score, count, top } = row;
  for (let k = 0; k < n; k += 1) if (score[k]! > out.maxScore) out.maxScore = score[k]!;
  if (!isSorted || n < 2) {
    out.col.set(col.subarray(0, n), from);
    out.score.set(score.subarray(0, n), from);
  } else if (count.length > 0) {
    let at = from;
    for (let b = 0; b <= top; b += 1) {
      const next = at + count[b]!;
      count[b] = at;
      at = next;
    }
    for (let k = 0; k < n; k += 1) {
      const to = count[top - score[k]!]!++;
      out.col[to] = col[k]!;
      out.score[to] = score[k]!;
    }
  } else {
    // Unusually large weights: sort on a packed (−score, position) key instead.
    const keys = Float64Array.from(score.subarray(0, n), (s, k) => (top - s) * n + k).sort();
    keys.forEach((key, k) => {
      out.col[from + k] = col[key % n]!;
      out.score[from + k] = score[key % n]!;
    });
  }
  if (count.length > 0) count.fill(0);
  out.size = from + n;
}
