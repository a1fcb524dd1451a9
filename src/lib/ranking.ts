export type LeaderboardInput = { studentId: string; displayName: string; total: number };
export type LeaderboardRow = LeaderboardInput & { rank: number; hasRosette: boolean; isTotalHidden: boolean };

/**
 * Standard competition ranking (1, 1, 3): equal totals share a rank and the next rank skips.
 * Every pupil tied first gets the rosette. For a pupil viewer, another pupil's total below zero is
 * never shown and counts as 0 for ranking, so the board cannot reveal it (ADR 006).
 */
export function rankLeaderboard(entries: LeaderboardInput[], viewer: { isPupil: boolean; studentId?: string | null }): LeaderboardRow[] {
  const rows = entries.map((entry) => {
    const isHidden = viewer.isPupil && entry.total < 0 && entry.studentId !== viewer.studentId;
    const rankValue = viewer.isPupil ? Math.max(entry.total, 0) : entry.total;
    return { entry, isHidden, rankValue };
  });
  rows.sort((a, b) => b.rankValue - a.rankValue || a.entry.displayName.localeCompare(b.entry.displayName));
  let previous: number | null = null;
  let rank = 0;
  return rows.map((row, index) => {
    if (row.rankValue !== previous) rank = index + 1;
    previous = row.rankValue;
    return {
      ...row.entry,
      total: row.isHidden ? 0 : row.entry.total,
      rank,
      hasRosette: rank === 1 && rows.length > 0 && row.rankValue > 0,
      isTotalHidden: row.isHidden,
    };
  });
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
