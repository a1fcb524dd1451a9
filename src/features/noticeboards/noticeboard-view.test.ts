// The screen's cut of a pupil board (ADR 024): the top places with points, ties at the cut kept
// together, most improved only for a period with one before it, and never a staff board.
import { describe, expect, it } from "vitest";
import { NOTICEBOARD_IMPROVED_PLACES, NOTICEBOARD_PLACES, noticeboardFromBoard } from "./noticeboard-view";

const row = (name: string, points: number, rank: number) => ({
  studentId: `s-${name}`,
  displayName: name,
  points,
  rank,
  hasRosette: rank === 1 && points > 0,
});

function board(overrides: Partial<Parameters<typeof noticeboardFromBoard>[0]> = {}): Parameters<typeof noticeboardFromBoard>[0] {
  return {
    audience: "pupil",
    programme: { id: "p1", name: "Peer mentoring" },
    period: "WEEK",
    window: { period: "WEEK", from: "2026-11-23", to: "2026-11-25", label: "This week" },
    pointsLabel: "Points earned",
    rows: [],
    improved: [],
    celebrations: [],
    ...overrides,
  };
}

describe("noticeboardFromBoard", () => {
  it("keeps the top places with points, everyone tied at the cut included, and nobody on 0", () => {
    // Places 1–9 alone, then three tied at 10, then 13th, then two on 0.
    const rows = [
      ...Array.from({ length: 9 }, (_, i) => row(`P${i + 1}`, 30 - i, i + 1)),
      row("T1", 5, 10),
      row("T2", 5, 10),
      row("T3", 5, 10),
      row("Late", 4, 13),
      row("Zero1", 0, 14),
      row("Zero2", 0, 14),
    ];
    const screen = noticeboardFromBoard(board({ rows }), 0);
    expect(NOTICEBOARD_PLACES).toBe(10);
    expect(screen.rows.map((r) => r.name)).toEqual([...Array.from({ length: 9 }, (_, i) => `P${i + 1}`), "T1", "T2", "T3"]);
    expect(screen.rows[0]).toEqual({ place: 1, name: "P1", points: 30, hasRosette: true });
    expect(JSON.stringify(screen)).not.toContain("s-");
  });

  it("shows nobody when nobody has points yet (everyone tied first on 0)", () => {
    const screen = noticeboardFromBoard(board({ rows: [row("A", 0, 1), row("B", 0, 1)] }), 9);
    expect(screen.rows).toEqual([]);
    expect(screen.yearGroup).toBe(9);
  });

  it("lists the top places of most improved, and none for all time", () => {
    const improved = Array.from({ length: 8 }, (_, i) => ({ ...row(`I${i}`, 8 - i, i + 1), change: 8 - i }));
    const week = noticeboardFromBoard(board({ improved }), 0);
    expect(week.improved?.map((r) => r.place)).toEqual(Array.from({ length: NOTICEBOARD_IMPROVED_PLACES }, (_, i) => i + 1));
    const allTime = noticeboardFromBoard(
      board({ period: "ALL_TIME", window: { period: "ALL_TIME", from: null, to: "2026-11-25", label: "All time" }, improved }),
      0,
    );
    expect(allTime.improved).toBeNull();
  });

  it("refuses a staff board", () => {
    expect(() => noticeboardFromBoard(board({ audience: "staff" }), 0)).toThrow();
  });
});
