import "server-only";
import { CURRENT_PUPIL, participantsOf } from "@/features/students/policy";
import { Prisma } from "@/generated/prisma/client";
import type { Db, Tx } from "@/server/db";
import { loadBoardCalendar } from "@/server/calendar";
import {
  boardWindow,
  previousBoardWindow,
  sameLengthWindow,
  windowInstants,
  type BoardPeriod,
  type BoardWindow,
} from "@/lib/board-periods";
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

/**
 * A programme's live mentoring groups (mixed-age groups, not 1:1 pairs), labelled as every board labels
 * them: their name, or "Group 3" in the order they were made.
 */
export async function loadBoardGroups(client: Tx | Db, schoolId: string, programmeId: string): Promise<BoardGroup[]> {
  const pairings = await client.pairing.findMany({
    where: { schoolId, programmeId, kind: "GROUP", status: { in: [...LIVE_STATUSES] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true, members: { select: { studentId: true } } },
  });
  return pairings.map((p, i) => ({ id: p.id, label: p.name?.trim() || `Group ${i + 1}`, memberIds: p.members.map((m) => m.studentId) }));
}

type WindowSums = { total: Map<string, number>; earned: Map<string, number> };
const NO_SUMS: WindowSums = { total: new Map(), earned: new Map() };

/**
 * Each pupil's net total and points earned (positive awards that are not corrections and that no
 * correction reverses, ADR 006) over a window, in one pass over its entries. Prisma's groupBy takes a
 * query per figure, and its `reversal: { is: null }` joins every entry of the school; here the school's
 * few corrections are hashed once (ADR 024, Bench).
 */
async function windowSums(
  client: Tx | Db,
  schoolId: string,
  programmeId: string,
  { gte, lt }: { gte?: Date; lt: Date },
): Promise<WindowSums> {
  const utc = (instant: Date) => Prisma.sql`(${instant.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  const rows = await client.$queryRaw<{ studentId: string; total: number; earned: number }[]>`
    SELECT e."studentId", SUM(e.amount)::int AS total,
      coalesce(SUM(e.amount) FILTER (WHERE e.amount > 0 AND e."reversesId" IS NULL AND c.id IS NULL), 0)::int AS earned
    FROM "PointEntry" e
    LEFT JOIN (SELECT r."reversesId" AS id FROM "PointEntry" r WHERE r."schoolId" = ${schoolId} AND r."reversesId" IS NOT NULL) c
      ON c.id = e.id
    WHERE e."schoolId" = ${schoolId} AND e."programmeId" = ${programmeId}
      AND e."createdAt" < ${utc(lt)} ${gte ? Prisma.sql`AND e."createdAt" >= ${utc(gte)}` : Prisma.empty}
    GROUP BY e."studentId"`;
  return { total: new Map(rows.map((r) => [r.studentId, r.total])), earned: new Map(rows.map((r) => [r.studentId, r.earned])) };
}

/**
 * Everything a board needs for one programme and period, in one wave of queries (ADR 019): the
 * participants with their board profiles, their totals and points earned in the window (and the window
 * before, for most improved), the programme's live groups and the climbs above zero in the window. The
 * pages, the noticeboard and `npm run bench -- leaderboard` share it; who sees what is decided after,
 * by the one pupil-board rule (`rankForPupils`). Only the sums and the climbs wait for the calendar.
 */
export async function loadBoardFacts(
  client: Tx | Db,
  school: { schoolId: string; timezone: string },
  programmeId: string,
  period: BoardPeriod,
  now: Date = new Date(),
): Promise<BoardFacts | null> {
  const { schoolId, timezone } = school;
  const inPeriod = loadBoardCalendar(client, school, now).then(async (calendar) => {
    const window = boardWindow(period, calendar);
    // Most improved compares like with like: the same number of days of the period before.
    const beforeWindow = previousBoardWindow(window, calendar);
    const previous = beforeWindow && sameLengthWindow(beforeWindow, window);
    const { gte, lt } = windowInstants(window, timezone);
    const [current, before, milestones] = await Promise.all([
      windowSums(client, schoolId, programmeId, { gte, lt }),
      previous ? windowSums(client, schoolId, programmeId, windowInstants(previous, timezone)) : NO_SUMS,
      client.pointMilestone.findMany({
        where: { schoolId, entry: { programmeId }, reachedAt: gte ? { gte, lt } : { lt } },
        orderBy: { reachedAt: "desc" },
        select: { studentId: true, isShared: true, reachedAt: true },
      }),
    ]);
    return { calendar, window, previous, current, before, milestones };
  });
  const [programme, settings, students, profiles, groups, { calendar, window, previous, current, before, milestones }] = await Promise.all([
    client.programme.findFirst({ where: { schoolId, id: programmeId }, select: { id: true, name: true, status: true } }),
    loadPointSettings(client, schoolId),
    client.student.findMany({
      where: {
        schoolId,
        ...CURRENT_PUPIL,
        ...participantsOf(programmeId),
      },
      select: { id: true, legalFirstName: true, legalLastName: true, preferredName: true, cohortYear: true },
    }),
    // Flat, beside the pupils: nested in them, Prisma reads profiles after the pupils, by every pupil's key.
    client.pupilBoardProfile.findMany({
      where: { schoolId },
      select: { studentId: true, isOptedOut: true, hiddenAt: true, nickname: true, nicknameStatus: true },
    }),
    loadBoardGroups(client, schoolId, programmeId),
    inPeriod,
  ]);
  if (!programme) return null;
  const profileOf = new Map(profiles.map((p) => [p.studentId, p]));
  const pupils = students.map((s): BoardPupil => {
    const profile = profileOf.get(s.id);
    return {
      studentId: s.id,
      names: {
        preferredName: s.preferredName,
        legalFirstName: s.legalFirstName,
        legalLastName: s.legalLastName,
        approvedNickname: profile?.nicknameStatus === "APPROVED" ? profile.nickname : null,
      },
      yearGroup: yearGroupOn(s.cohortYear, calendar.today),
      total: current.total.get(s.id) ?? 0,
      earned: current.earned.get(s.id) ?? 0,
      previousTotal: before.total.get(s.id) ?? 0,
      previousEarned: before.earned.get(s.id) ?? 0,
      isOptedOut: profile?.isOptedOut ?? false,
      isHidden: Boolean(profile?.hiddenAt),
    };
  });
  return { programme, window, previous, settings, pupils, groups, milestones };
}
