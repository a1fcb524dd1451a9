// What a board shows, from its facts (ADR 024): pure, so the pages, the noticeboard and the bench agree.
import { boardName, pupilDisplayName, pupilFigure, rankForPupils, rankForStaff, type BoardRules, type LeaderboardRow } from "@/lib/ranking";
import { mostImproved, rankGroups, type GroupBoardRow, type ImprovedRow } from "@/lib/boards";
import type { BoardPeriod, BoardWindow } from "@/lib/board-periods";
import type { BoardFacts, BoardPupil } from "./board-facts";

export const BOARD_SCOPES = ["PROGRAMME", "YEAR", "GROUPS", "GROUP"] as const;
export type BoardScope = (typeof BOARD_SCOPES)[number];
export type BoardRequest = { programmeId: string; scope: BoardScope; period: BoardPeriod; yearGroup?: number; pairingId?: string };

export type StaffBoardRow = LeaderboardRow & { isOptedOut: boolean; isHidden: boolean };
export type Board = {
  audience: "staff" | "pupil";
  programme: { id: string; name: string };
  scope: BoardScope;
  period: BoardPeriod;
  window: BoardWindow;
  /** What the points column means: pupil boards say "Points earned" unless the school ranks net totals. */
  pointsLabel: string;
  rows: (LeaderboardRow | StaffBoardRow)[];
  groups: GroupBoardRow[];
  improved: ImprovedRow[];
  /** "Well done" lines: on pupil boards only the climbs a pupil chose to share, by their board name. */
  celebrations: { studentId: string; displayName: string }[];
  /** Why the pupil reading is not on the board: they opted out, or staff hid them (never said why). */
  readerOffBoard: "OPTED_OUT" | "HIDDEN" | null;
};

/**
 * What a board shows (ADR 024), decided after the facts are loaded so the page, the noticeboard and
 * the bench give the same answer. Pupils: the one pupil-board rule (`rankForPupils`, ADR 006) for rows,
 * most improved and group figures alike. Staff: real totals, with who is off the pupil boards marked.
 */
export function boardFromFacts(
  facts: BoardFacts,
  request: Pick<BoardRequest, "scope" | "yearGroup" | "pairingId">,
  audience: "staff" | "pupil",
): Omit<Board, "readerOffBoard"> {
  const rules: BoardRules = facts.settings.board;
  const group = request.scope === "GROUP" ? facts.groups.find((g) => g.id === request.pairingId) : undefined;
  const inScope = (p: BoardPupil) =>
    request.scope === "YEAR"
      ? p.yearGroup === request.yearGroup
      : request.scope === "GROUP"
        ? Boolean(group?.memberIds.includes(p.studentId))
        : true;
  const pupils = facts.pupils.filter(inScope);
  const byId = new Map(facts.pupils.map((p) => [p.studentId, p]));
  const isShown = (p: BoardPupil) => !p.isOptedOut && !p.isHidden;
  const rows =
    audience === "pupil"
      ? rankForPupils(pupils, rules)
      : rankForStaff(
          pupils.map((p) => ({ studentId: p.studentId, displayName: pupilDisplayName(p.names), total: p.total, earned: p.earned })),
        ).map((r) => ({ ...r, isOptedOut: byId.get(r.studentId)!.isOptedOut, isHidden: byId.get(r.studentId)!.isHidden }));
  const groups =
    request.scope === "GROUPS"
      ? rankGroups(
          facts.groups.map((g) => ({
            groupId: g.id,
            label: g.label,
            members: g.memberIds.flatMap((id) => {
              const p = byId.get(id);
              return p
                ? [{ studentId: id, figure: audience === "pupil" ? pupilFigure(p, rules.measure) : p.total, isShown: isShown(p) }]
                : [];
            }),
          })),
          audience,
        )
      : [];
  const improved = facts.previous ? mostImproved(pupils, audience === "pupil" ? { kind: "pupil", rules } : { kind: "staff" }) : [];
  const celebrations = facts.milestones.flatMap((m) => {
    const p = byId.get(m.studentId);
    if (!p || !inScope(p)) return [];
    if (audience === "staff") return [{ studentId: p.studentId, displayName: pupilDisplayName(p.names) }];
    return m.isShared === true && isShown(p) ? [{ studentId: p.studentId, displayName: boardName(p.names, rules.nameStyle) }] : [];
  });
  return {
    audience,
    programme: { id: facts.programme.id, name: facts.programme.name },
    scope: request.scope,
    period: facts.window.period,
    window: facts.window,
    pointsLabel: audience === "staff" ? "Points" : rules.measure === "EARNED" ? "Points earned" : "Points",
    rows,
    groups,
    improved,
    celebrations: [...new Map(celebrations.map((c) => [c.studentId, c])).values()],
  };
}
