// Boards beyond one list of pupils (issue 10): groups of different sizes, most improved, and the
// moment a pupil's total climbs above zero. Pure, like ranking.ts: pupil audiences go through the same
// rule (`pupilFigure`, `boardName`, opted-out and hidden pupils left off) as every pupil board.
import {
  boardName,
  competitionRank,
  pupilDisplayName,
  pupilFigure,
  type BoardRules,
  type LeaderboardRow,
  type PupilBoardInput,
} from "./ranking";

/** `figure` is already `pupilFigure` for pupil boards and the total for staff boards. */
export type GroupMember = { studentId: string; figure: number; isShown: boolean };
export type GroupBoardInput = { groupId: string; label: string; members: readonly GroupMember[] };
export type GroupBoardRow = { groupId: string; label: string; pupils: number; perPupil: number; rank: number; hasRosette: boolean };

/**
 * Groups ranked by points per pupil, so a small group can top a large one. The figure is rounded to
 * whole tenths before ranking, so groups that look equal share a rank. Pupil boards count shown
 * members only (points and heads alike): nobody's opted-out or hidden points can be worked out from
 * a group's figure.
 */
export function rankGroups(groups: readonly GroupBoardInput[], audience: "staff" | "pupil"): GroupBoardRow[] {
  const rows = groups.map((g) => {
    const counted = audience === "pupil" ? g.members.filter((m) => m.isShown) : g.members;
    const sum = counted.reduce((total, m) => total + m.figure, 0);
    const tenths = counted.length === 0 ? 0 : Math.round((sum * 10) / counted.length);
    return { groupId: g.groupId, label: g.label, pupils: counted.length, perPupil: tenths / 10 || 0 };
  });
  return competitionRank(
    rows,
    (r) => r.perPupil,
    (r) => r.label,
    (r) => r.groupId,
  );
}

export type ImprovedInput = PupilBoardInput & { previousTotal: number; previousEarned: number };
export type ImprovedRow = LeaderboardRow & { change: number };

/**
 * Who rose most since the previous period of the same kind: rises only (nobody is listed for falling),
 * fair ranks, the top `limit` ranks with every tie at the cut. Pupil audiences compare `pupilFigure`s,
 * so a climb from below zero counts only from 0 and nobody's losses show.
 */
export function mostImproved(
  entries: readonly ImprovedInput[],
  audience: { kind: "pupil"; rules: BoardRules } | { kind: "staff" },
  limit = 10,
): ImprovedRow[] {
  const changes = entries.flatMap((e) => {
    if (audience.kind === "staff")
      return [{ studentId: e.studentId, displayName: pupilDisplayName(e.names), change: e.total - e.previousTotal }];
    if (e.isOptedOut || e.isHidden) return [];
    const { measure, nameStyle } = audience.rules;
    const change = pupilFigure(e, measure) - pupilFigure({ total: e.previousTotal, earned: e.previousEarned }, measure);
    return [{ studentId: e.studentId, displayName: boardName(e.names, nameStyle), change }];
  });
  const ranked = competitionRank(
    changes.filter((c) => c.change > 0),
    (r) => r.change,
    (r) => r.displayName,
    (r) => r.studentId,
  );
  return ranked
    .filter((r) => r.rank <= limit)
    .map((r) => ({
      studentId: r.studentId,
      displayName: r.displayName,
      points: r.change,
      rank: r.rank,
      hasRosette: r.hasRosette,
      change: r.change,
    }));
}

/**
 * The entries (ledger in time order) after which a pupil's running total is above zero while the last
 * running total before it that was not zero was below zero: the moments worth congratulating. Reaching
 * exactly 0 is not above zero, and does not reset the climb.
 */
export function aboveZeroMoments(ledger: readonly { id: string; amount: number }[]): string[] {
  const moments: string[] = [];
  let total = 0;
  let lastNonZero = 0;
  for (const entry of ledger) {
    total += entry.amount;
    if (total > 0 && lastNonZero < 0) moments.push(entry.id);
    if (total !== 0) lastNonZero = total;
  }
  return moments;
}
