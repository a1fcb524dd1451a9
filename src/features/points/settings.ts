import "server-only";
import type { Db, Tx } from "@/server/db";
import type { BoardRules } from "@/lib/ranking";
import { fromDbDate, type IsoDate } from "@/lib/dates";

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
