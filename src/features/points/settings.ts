import "server-only";
import type { Db, Tx } from "@/server/db";
import type { BoardRules } from "@/lib/ranking";
import { addDaysIso, fromDbDate, startOfDayInstant, todayIn, weekOf, type IsoDate } from "@/lib/dates";

export type PointSettingsFacts = {
  version: number;
  mentorsMayAward: boolean;
  mentorWeeklyLimit: number;
  board: BoardRules;
  attendance: { categoryId: string; since: IsoDate } | null;
  onTime: { categoryId: string; since: IsoDate } | null;
};

/** What a school starts with (ADR 024): mentors do not award, pupil boards rank points earned by first name and initial. */
export const DEFAULT_POINT_SETTINGS: PointSettingsFacts = {
  version: 0,
  mentorsMayAward: false,
  mentorWeeklyLimit: 10,
  board: { measure: "EARNED", nameStyle: "FIRST_NAME_INITIAL" },
  attendance: null,
  onTime: null,
};

/** The school's points settings; a school that never saved any has the defaults (version 0). */
export async function loadPointSettings(client: Tx | Db, schoolId: string): Promise<PointSettingsFacts> {
  const row = await client.pointSettings.findUnique({ where: { schoolId } });
  if (!row) return DEFAULT_POINT_SETTINGS;
  const rule = (categoryId: string | null, since: Date | null) => (categoryId && since ? { categoryId, since: fromDbDate(since) } : null);
  return {
    version: row.version,
    mentorsMayAward: row.mentorsMayAward,
    mentorWeeklyLimit: row.mentorWeeklyLimit,
    board: { measure: row.pupilBoardMeasure, nameStyle: row.boardNameStyle },
    attendance: rule(row.attendanceCategoryId, row.attendanceSince),
    onTime: rule(row.onTimeCategoryId, row.onTimeSince),
  };
}

/**
 * The points a mentor gave by hand this week (Monday to Sunday, the school's week): what their weekly
 * limit counts. Automatic points are the rules', not the mentor's.
 */
export async function givenThisWeekBy(
  client: Tx | Db,
  giver: { schoolId: string; userId: string; timezone: string },
  now: Date = new Date(),
) {
  const monday = weekOf(todayIn(giver.timezone, now)).start;
  const given = await client.pointEntry.aggregate({
    where: {
      schoolId: giver.schoolId,
      awardedById: giver.userId,
      amount: { gt: 0 },
      autoKey: null,
      createdAt: { gte: startOfDayInstant(monday, giver.timezone), lt: startOfDayInstant(addDaysIso(monday, 7), giver.timezone) },
    },
    _sum: { amount: true },
  });
  return given._sum.amount ?? 0;
}
