import "server-only";
import type { Db, Tx } from "@/server/db";
import { loadBoardCalendar } from "@/server/calendar";
import { boardWindow, previousBoardWindow, windowInstants, type BoardPeriod, type BoardWindow } from "@/lib/board-periods";
import type { PupilNames } from "@/lib/ranking";
import { yearGroupOn } from "@/lib/year-group";
import { LIVE_STATUSES } from "@/features/pairings/status";
import { loadPointSettings, type PointSettingsFacts } from "./settings";

export type BoardPupil = {
  studentId: string;
  names: PupilNames;
  yearGroup: number;
  /** Net of every entry in the window, and positive awards no correction reversed (ADR 006). */
  total: number;
  earned: number;
  previousTotal: number;
  previousEarned: number;
  isOptedOut: boolean;
  isHidden: boolean;
};
export type BoardGroup = { id: string; label: string; memberIds: string[] };
export type BoardMilestone = { studentId: string; isShared: boolean | null; reachedAt: Date };
export type BoardFacts = {
  programme: { id: string; name: string; status: string };
  window: BoardWindow;
  previous: BoardWindow | null;
  settings: PointSettingsFacts;
  pupils: BoardPupil[];
  groups: BoardGroup[];
  milestones: BoardMilestone[];
};

/** A programme's live groups, labelled as every board labels them: their name, or "Group 3" in the order they were made. */
export async function loadBoardGroups(client: Tx | Db, schoolId: string, programmeId: string): Promise<BoardGroup[]> {
  const pairings = await client.pairing.findMany({
    where: { schoolId, programmeId, status: { in: [...LIVE_STATUSES] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true, members: { select: { studentId: true } } },
  });
  return pairings.map((p, i) => ({ id: p.id, label: p.name?.trim() || `Group ${i + 1}`, memberIds: p.members.map((m) => m.studentId) }));
}

const sumBy = (rows: readonly { studentId: string; _sum: { amount: number | null } }[]) =>
  new Map(rows.map((r) => [r.studentId, r._sum.amount ?? 0]));

/**
 * Everything a board needs for one programme and period, in one wave of queries (ADR 019): the
 * participants with their board profiles, their totals and points earned in the window (and the window
 * before, for most improved), the programme's live groups and the climbs above zero in the window. The
 * pages, the noticeboard and `npm run bench -- leaderboard` share it; who sees what is decided after,
 * by the one pupil-board rule (`rankForPupils`).
 */
export async function loadBoardFacts(
  client: Tx | Db,
  school: { schoolId: string; timezone: string },
  programmeId: string,
  period: BoardPeriod,
  now: Date = new Date(),
): Promise<BoardFacts | null> {
  const { schoolId, timezone } = school;
  const [programme, calendar, settings] = await Promise.all([
    client.programme.findFirst({ where: { schoolId, id: programmeId }, select: { id: true, name: true, status: true } }),
    loadBoardCalendar(client, school, now),
    loadPointSettings(client, schoolId),
  ]);
  if (!programme) return null;
  const window = boardWindow(period, calendar);
  const previous = previousBoardWindow(window, calendar);
  const inWindow = (w: BoardWindow) => {
    const { gte, lt } = windowInstants(w, timezone);
    return { schoolId, programmeId, createdAt: gte ? { gte, lt } : { lt } };
  };
  const earnedWhere = { amount: { gt: 0 }, reversesId: null, reversal: { is: null } };
  const sums = (w: BoardWindow | null) =>
    w
      ? Promise.all([
          client.pointEntry.groupBy({ by: ["studentId"], where: inWindow(w), _sum: { amount: true } }),
          client.pointEntry.groupBy({ by: ["studentId"], where: { ...inWindow(w), ...earnedWhere }, _sum: { amount: true } }),
        ])
      : Promise.resolve([[], []] as const);
  const { gte, lt } = windowInstants(window, timezone);
  const [students, current, before, groups, milestones] = await Promise.all([
    client.student.findMany({
      where: {
        schoolId,
        status: { not: "LEFT" },
        OR: [{ mentorProfiles: { some: { programmeId } } }, { menteeProfiles: { some: { programmeId } } }],
      },
      select: {
        id: true,
        legalFirstName: true,
        legalLastName: true,
        preferredName: true,
        cohortYear: true,
        boardProfile: { select: { isOptedOut: true, hiddenAt: true, nickname: true, nicknameStatus: true } },
      },
    }),
    sums(window),
    sums(previous),
    loadBoardGroups(client, schoolId, programmeId),
    client.pointMilestone.findMany({
      where: { schoolId, entry: { programmeId }, reachedAt: gte ? { gte, lt } : { lt } },
      orderBy: { reachedAt: "desc" },
      select: { studentId: true, isShared: true, reachedAt: true },
    }),
  ]);
  const [total, earned, previousTotal, previousEarned] = [sumBy(current[0]), sumBy(current[1]), sumBy(before[0]), sumBy(before[1])];
  const pupils = students.map((s): BoardPupil => {
    const profile = s.boardProfile[0];
    return {
      studentId: s.id,
      names: {
        preferredName: s.preferredName,
        legalFirstName: s.legalFirstName,
        legalLastName: s.legalLastName,
        approvedNickname: profile?.nicknameStatus === "APPROVED" ? profile.nickname : null,
      },
      yearGroup: yearGroupOn(s.cohortYear, calendar.today),
      total: total.get(s.id) ?? 0,
      earned: earned.get(s.id) ?? 0,
      previousTotal: previousTotal.get(s.id) ?? 0,
      previousEarned: previousEarned.get(s.id) ?? 0,
      isOptedOut: profile?.isOptedOut ?? false,
      isHidden: Boolean(profile?.hiddenAt),
    };
  });
  return { programme, window, previous, settings, pupils, groups, milestones };
}
