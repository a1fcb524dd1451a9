// Ranks and names on every board (ADR 006). Pure: the pages, the noticeboard and the bench's SQL floor
// load the figures and call the same functions, so what a pupil sees has one definition.

export type BoardMeasure = "EARNED" | "NET";
export type BoardNameStyle = "FIRST_NAME_INITIAL" | "NICKNAME" | "INITIALS";
export type BoardRules = { measure: BoardMeasure; nameStyle: BoardNameStyle };
export type PupilNames = { preferredName: string | null; legalFirstName: string; legalLastName: string; approvedNickname: string | null };
/** total: net of every entry (negatives included); earned: positive uncorrected awards (both over the board's window). */
export type PupilBoardInput = {
  studentId: string;
  names: PupilNames;
  total: number;
  earned: number;
  isOptedOut: boolean;
  isHidden: boolean;
};
/** A staff board's input: the name is already chosen, and both figures are over the board's window. */
export type LeaderboardInput = { studentId: string; displayName: string; total: number; earned: number };
export type LeaderboardRow = { studentId: string; displayName: string; points: number; rank: number; hasRosette: boolean };

/**
 * Standard competition ranking (1, 1, 3): equal points share a rank and the next rank skips; every row
 * tied first gets the rosette, and nobody gets one for 0 or less. Rows are ordered by points, then
 * name, then id, so the output never depends on the order the rows were loaded in.
 */
export function competitionRank<T>(
  rows: readonly T[],
  points: (r: T) => number,
  name: (r: T) => string,
  id: (r: T) => string,
): (T & { rank: number; hasRosette: boolean })[] {
  const sorted = [...rows].sort((a, b) => points(b) - points(a) || name(a).localeCompare(name(b)) || compareText(id(a), id(b)));
  let previous: number | null = null;
  let current = 0;
  return sorted.map((row, index) => {
    const value = points(row);
    if (value !== previous) current = index + 1;
    previous = value;
    return { ...row, rank: current, hasRosette: current === 1 && value > 0 };
  });
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The figure a pupil board shows: points earned, or the net total with everything below zero shown as
 * 0, so nobody below zero can be told from a pupil with no points. Never below zero either way.
 */
export function pupilFigure(e: { total: number; earned: number }, measure: BoardMeasure): number {
  return Math.max(measure === "EARNED" ? e.earned : e.total, 0);
}

/** A pupil's name on boards, as the school chooses: "Maya P.", "M. P." or an approved nickname. */
export function boardName(names: PupilNames, style: BoardNameStyle): string {
  if (style === "FIRST_NAME_INITIAL") return pupilDisplayName(names);
  const nickname = names.approvedNickname?.trim();
  if (style === "NICKNAME" && nickname) return nickname;
  return pupilInitials(names);
}

/** "M. P." — the first letters of the first name (preferred if set) and the last name. */
function pupilInitials(names: PupilNames): string {
  return [pupilFirstName(names), names.legalLastName]
    .map((part) => Array.from(part.trim())[0]?.toUpperCase())
    .filter(Boolean)
    .map((letter) => `${letter}.`)
    .join(" ");
}

/** Staff boards: real totals, negatives included, ranked as they are. */
export function rankForStaff(entries: readonly LeaderboardInput[]): LeaderboardRow[] {
  return toRows(entries.map((e) => ({ studentId: e.studentId, displayName: e.displayName, points: e.total })));
}

/**
 * Every pupil-facing board, the one rule of ADR 006: opted-out and hidden pupils are left off, names
 * follow the school's style, and pupils are ranked by `pupilFigure`, which is never below zero, so
 * nothing on the board (no blank, no mark, no order) tells anyone who has lost points.
 */
export function rankForPupils(entries: readonly PupilBoardInput[], rules: BoardRules): LeaderboardRow[] {
  return toRows(
    entries
      .filter((e) => !e.isOptedOut && !e.isHidden)
      .map((e) => ({ studentId: e.studentId, displayName: boardName(e.names, rules.nameStyle), points: pupilFigure(e, rules.measure) })),
  );
}

function toRows(entries: { studentId: string; displayName: string; points: number }[]): LeaderboardRow[] {
  return competitionRank(
    entries,
    (r) => r.points,
    (r) => r.displayName,
    (r) => r.studentId,
  );
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
