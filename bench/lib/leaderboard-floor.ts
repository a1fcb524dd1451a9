// The floor for `npm run bench -- leaderboard`: a programme's pupil board for this half-term from ONE
// hand-written SQL statement (per participant: the net total and the points earned in the window, the
// board profile, the school's board settings), then the same pure rule the app applies (rankForPupils).
import type { Client } from "pg";
import { rankForPupils, type BoardMeasure, type BoardNameStyle, type LeaderboardRow, type PupilBoardInput } from "@/lib/ranking";

// $1 school, $2 programme, $3 now. "today" is the school's own day at $3; the window is the HALF_TERM
// period holding it (the bench's day is in term: the app's fallbacks for holidays are not repeated
// here), from its first day to today, as instants in the school's timezone (createdAt is UTC without a
// zone, as Prisma stores DateTime). Earned: positive entries that are not corrections and that no
// correction reverses (ADR 006). "No correction reverses it" is NOT EXISTS written as an anti-join
// (LEFT JOIN … IS NULL; reversesId is unique per school, so no row is counted twice): PostgreSQL hashes
// the school's few corrections once. A correlated NOT EXISTS inside the FILTER runs as one index probe
// per entry in the window (about 41,000 here) and took 125 ms against this statement's 45–60 ms.
export const BOARD_SQL = `
WITH school AS (
  SELECT s.timezone, ($3::timestamptz AT TIME ZONE s.timezone)::date AS today FROM "School" s WHERE s.id = $1
), bounds AS (
  SELECT (c."startsOn"::timestamp AT TIME ZONE school.timezone) AT TIME ZONE 'UTC' AS gte,
         ((LEAST(c."endsOn", school.today) + 1)::timestamp AT TIME ZONE school.timezone) AT TIME ZONE 'UTC' AS lt
  FROM "CalendarPeriod" c, school
  WHERE c."schoolId" = $1 AND c.kind = 'HALF_TERM' AND c."startsOn" <= school.today AND school.today <= c."endsOn"
    AND EXISTS (SELECT 1 FROM "AcademicYear" a WHERE a."schoolId" = $1 AND a.id = c."academicYearId" AND a."confirmedAt" IS NOT NULL)
  ORDER BY c."startsOn" DESC LIMIT 1
), corrected AS (
  SELECT r."reversesId" AS id FROM "PointEntry" r WHERE r."schoolId" = $1 AND r."reversesId" IS NOT NULL
), sums AS (
  SELECT e."studentId", SUM(e.amount)::int AS total,
         coalesce(SUM(e.amount) FILTER (WHERE e.amount > 0 AND e."reversesId" IS NULL AND c.id IS NULL), 0)::int AS earned
  FROM bounds, "PointEntry" e LEFT JOIN corrected c ON c.id = e.id
  WHERE e."schoolId" = $1 AND e."programmeId" = $2 AND e."createdAt" >= bounds.gte AND e."createdAt" < bounds.lt
  GROUP BY e."studentId"
)
SELECT st.id AS "studentId", st."preferredName", st."legalFirstName", st."legalLastName",
       CASE WHEN b."nicknameStatus" = 'APPROVED' THEN b.nickname END AS "approvedNickname",
       coalesce(s.total, 0) AS total, coalesce(s.earned, 0) AS earned,
       coalesce(b."isOptedOut", false) AS "isOptedOut", b."hiddenAt" IS NOT NULL AS "isHidden",
       coalesce(ps."pupilBoardMeasure", 'EARNED') AS measure, coalesce(ps."boardNameStyle", 'FIRST_NAME_INITIAL') AS "nameStyle"
FROM "Student" st
LEFT JOIN sums s ON s."studentId" = st.id
LEFT JOIN "PupilBoardProfile" b ON b."schoolId" = st."schoolId" AND b."studentId" = st.id
LEFT JOIN "PointSettings" ps ON ps."schoolId" = st."schoolId"
WHERE st."schoolId" = $1 AND st.status <> 'LEFT' AND (
  EXISTS (SELECT 1 FROM "MentorProfile" m WHERE m."schoolId" = $1 AND m."studentId" = st.id AND m."programmeId" = $2)
  OR EXISTS (SELECT 1 FROM "MenteeProfile" m WHERE m."schoolId" = $1 AND m."studentId" = st.id AND m."programmeId" = $2))`;

export type BoardRow = {
  studentId: string;
  preferredName: string | null;
  legalFirstName: string;
  legalLastName: string;
  approvedNickname: string | null;
  total: number;
  earned: number;
  isOptedOut: boolean;
  isHidden: boolean;
  measure: BoardMeasure;
  nameStyle: BoardNameStyle;
};

/** Every participant's figures for this half-term, in one statement. */
export async function loadBoardByRawSql(client: Client, schoolId: string, programmeId: string, now: Date): Promise<BoardRow[]> {
  return (await client.query<BoardRow>(BOARD_SQL, [schoolId, programmeId, now])).rows;
}

/** The same pure rule as the app: what getBoard returns as a pupil board's rows. */
export function boardRowsFromFacts(rows: BoardRow[]): LeaderboardRow[] {
  const first = rows[0];
  if (!first) return [];
  const entries: PupilBoardInput[] = rows.map((r) => ({
    studentId: r.studentId,
    names: {
      preferredName: r.preferredName,
      legalFirstName: r.legalFirstName,
      legalLastName: r.legalLastName,
      approvedNickname: r.approvedNickname,
    },
    total: r.total,
    earned: r.earned,
    isOptedOut: r.isOptedOut,
    isHidden: r.isHidden,
  }));
  return rankForPupils(entries, { measure: first.measure, nameStyle: first.nameStyle });
}
