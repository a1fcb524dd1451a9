// What a classroom screen shows (ADR 024), from a pupil board: pure, so it is tested without a database.
import type { BoardPeriod } from "@/lib/board-periods";
import type { Board } from "@/features/points/board-view-model";

/** Places on the screen: what fits in type readable from the back of a room, and never the foot of the board. */
export const NOTICEBOARD_PLACES = 10;
export const NOTICEBOARD_IMPROVED_PLACES = 5;

export type NoticeboardRow = { place: number; name: string; points: number; hasRosette: boolean };
export type Noticeboard = {
  programmeName: string;
  /** Null: the whole programme. */
  yearGroup: number | null;
  period: BoardPeriod;
  windowLabel: string;
  pointsLabel: string;
  rows: NoticeboardRow[];
  /** Null for all time, which has no period before it. */
  improved: { place: number; name: string; change: number }[] | null;
  /** Names of pupils who chose to share their climb above zero. */
  celebrations: string[];
};

/**
 * A pupil board (never a staff one) cut to the screen: the top places with points (everyone tied at the
 * cut included), the top places of most improved, and the climbs pupils chose to share. No ids: the
 * page is public, and its names and figures are all it needs.
 */
export function noticeboardFromBoard(
  board: Pick<Board, "audience" | "programme" | "period" | "window" | "pointsLabel" | "rows" | "improved" | "celebrations">,
  yearGroup: number,
): Noticeboard {
  if (board.audience !== "pupil") throw new Error("A noticeboard shows only what pupil boards show");
  return {
    programmeName: board.programme.name,
    yearGroup: yearGroup > 0 ? yearGroup : null,
    period: board.period,
    windowLabel: board.window.label,
    pointsLabel: board.pointsLabel,
    rows: board.rows
      .filter((r) => r.points > 0 && r.rank <= NOTICEBOARD_PLACES)
      .map((r) => ({ place: r.rank, name: r.displayName, points: r.points, hasRosette: r.hasRosette })),
    improved:
      board.period === "ALL_TIME"
        ? null
        : board.improved
            .filter((r) => r.change > 0 && r.rank <= NOTICEBOARD_IMPROVED_PLACES)
            .map((r) => ({ place: r.rank, name: r.displayName, change: r.change })),
    celebrations: board.celebrations.map((c) => c.displayName),
  };
}
