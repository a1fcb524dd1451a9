/** `total`: every entry, negatives included. `earned`: positive awards that were not corrected. */
export type LeaderboardInput = { studentId: string; displayName: string; total: number; earned: number };
export type LeaderboardRow = { studentId: string; displayName: string; points: number; rank: number; hasRosette: boolean };

/**
 * Standard competition ranking (1, 1, 3) on `points`: equal points share a rank and the next rank
 * skips; every pupil tied first gets the rosette, and nobody gets one for 0 or less.
 */
function rank(entries: { studentId: string; displayName: string; points: number }[]): LeaderboardRow[] {
  const rows = [...entries].sort((a, b) => b.points - a.points || a.displayName.localeCompare(b.displayName));
  let previous: number | null = null;
  let current = 0;
  return rows.map((row, index) => {
    if (row.points !== previous) current = index + 1;
    previous = row.points;
    return { ...row, rank: current, hasRosette: current === 1 && row.points > 0 };
  });
}

/** Staff boards: real totals, negatives included, ranked as they are. */
export function rankForStaff(entries: LeaderboardInput[]): LeaderboardRow[] {
  return rank(entries.map((e) => ({ studentId: e.studentId, displayName: e.displayName, points: e.total })));
}

/**
 * Every pupil-facing board, the one rule of ADR 006: pupils see and are ranked by the points they
 * earned (positive awards, less any corrected), which are never below zero, so nothing on the board
 * (no blank, no mark, no order) tells anyone who has lost points or is below zero.
 */
export function rankForPupils(entries: LeaderboardInput[]): LeaderboardRow[] {
  return rank(entries.map((e) => ({ studentId: e.studentId, displayName: e.displayName, points: e.earned })));
}

/** "Maya P." — first name (preferred if set) and last initial. */
export function pupilDisplayName(student: { preferredName: string | null; legalFirstName: string; legalLastName: string }): string {
  const first = student.preferredName?.trim() || student.legalFirstName;
  const initial = student.legalLastName.trim().charAt(0).toUpperCase();
  return initial ? `${first} ${initial}.` : first;
}

export function pupilFirstName(student: { preferredName: string | null; legalFirstName: string }): string {
  return student.preferredName?.trim() || student.legalFirstName;
}

/** "Maya Patel" — the preferred (or legal) first name and the last name, for staff pages. */
export function pupilFullName(student: { preferredName: string | null; legalFirstName: string; legalLastName: string }): string {
  return `${pupilFirstName(student)} ${student.legalLastName}`;
}
