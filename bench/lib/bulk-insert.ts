// Bulk inserts for the bench generators (bench/lib/seed-school.ts).
import type { Db } from "@/server/db";
import type { Prisma } from "@/generated/prisma/client";

const CHUNK = 5000;

type Tables = {
  Student: Prisma.StudentCreateManyInput;
  MentorProfile: Prisma.MentorProfileCreateManyInput;
  MenteeProfile: Prisma.MenteeProfileCreateManyInput;
  Pairing: Prisma.PairingCreateManyInput;
  PairingMember: Prisma.PairingMemberCreateManyInput;
  PointEntry: Prisma.PointEntryCreateManyInput;
  PointMilestone: Prisma.PointMilestoneCreateManyInput;
  PupilBoardProfile: Prisma.PupilBoardProfileCreateManyInput;
  OccurrenceException: Prisma.OccurrenceExceptionCreateManyInput;
  MentoringSession: Prisma.MentoringSessionCreateManyInput;
  SessionAttendance: Prisma.SessionAttendanceCreateManyInput;
  TodoDismissal: Prisma.TodoDismissalCreateManyInput;
  QuestionnaireResponse: Prisma.QuestionnaireResponseCreateManyInput;
  QuestionnaireAnswer: Prisma.QuestionnaireAnswerCreateManyInput;
};

/**
 * Bulk rows in a few statements (PostgreSQL expands a JSON array into the table's row type): Prisma's
 * createMany took over a minute for the bench school, most of it building the queries. Every row has
 * the first row's columns; columns not given take their defaults.
 */
export async function insertMany<T extends keyof Tables>(db: Db, rows: Tables[T][], table: T) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!)
    .map((c) => `"${c}"`)
    .join(", ");
  for (let start = 0; start < rows.length; start += CHUNK) {
    await db.$executeRawUnsafe(
      `INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", $1::json)`,
      JSON.stringify(rows.slice(start, start + CHUNK)),
    );
  }
}
