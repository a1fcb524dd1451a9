// What "wrote nothing" means for a refused command: every school-owned table of the schools
// involved, every changeable field of their pairings and users, and the audit log, unchanged.
// One SQL statement, so a command test can take a snapshot before and after every run cheaply.
import { db } from "@/server/db";

export type DbSnapshot = {
  pairings: number;
  pairingMembers: number;
  sessions: number;
  attendances: number;
  pointEntries: number;
  reviews: number;
  auditLogs: number;
  mentorProfiles: number;
  menteeProfiles: number;
  students: number;
  programmes: number;
  idempotencyKeys: number;
  calendarPeriods: number;
  occurrenceExceptions: number;
  sessionRevisions: number;
  /** Edits made to session logs (each edit adds one to a session's version). */
  sessionEdits: number;
  calendarFeeds: number;
  programmeSkips: number;
  schoolActivities: number;
  notifications: number;
  notificationsRead: number;
  questionnaireResponses: number;
  questionnaireAnswers: number;
  /** Pauses of pairings and places (ADR 022): every one, the ended ones, and the places paused now. */
  pauses: number;
  pausesEnded: number;
  pausedPlaces: number;
  schoolRows: { id: string; timezone: string; weekAStarts: string[] }[];
  pairingRows: {
    id: string;
    status: string;
    closureReason: string | null;
    endsOn: string | null;
    name: string | null;
    slotWeekday: number | null;
    slotId: string | null;
    slotPlace: string;
    supervisorId: string | null;
  }[];
  daySlots: number;
  daySlotYearTimes: number;
  /** Every slot's name, times, order and retirement, and its year groups' own times. */
  daySlotRows: {
    id: string;
    name: string;
    startTime: string;
    endTime: string;
    sortOrder: number;
    archivedAt: string | null;
    yearTimes: unknown;
  }[];
  studentRows: { id: string; availability: string[] }[];
  programmeRows: { id: string; status: string; version: number }[];
  activityRows: { id: string; name: string; sortOrder: number; archivedAt: string | null }[];
  users: { id: string; passwordHash: string; sessionVersion: number; mustChangePassword: boolean; disabledAt: string | null }[];
  calendarFeedRows: { id: string; tokenHash: string | null; createdAt: string; revokedAt: string | null }[];
  noticeboardLinkRows: { id: string; tokenHash: string | null; revokedAt: string | null }[];
};

const ROW_LISTS = [
  "pairingRows",
  "users",
  "schoolRows",
  "daySlotRows",
  "studentRows",
  "calendarFeedRows",
  "noticeboardLinkRows",
  "programmeRows",
  "activityRows",
] as const;
type Counts = Omit<DbSnapshot, (typeof ROW_LISTS)[number]>;
const isRowList = (key: keyof DbSnapshot): key is (typeof ROW_LISTS)[number] => (ROW_LISTS as readonly string[]).includes(key);

export async function snapshotSchools(schoolIds: string[]): Promise<DbSnapshot> {
  const [row] = await db.$queryRaw<DbSnapshot[]>`
    WITH s AS (SELECT unnest(${schoolIds}::text[]) AS id),
    u AS (
      SELECT "userId" AS id FROM "Membership" WHERE "schoolId" IN (SELECT id FROM s)
      UNION SELECT "userId" FROM "Student" WHERE "schoolId" IN (SELECT id FROM s) AND "userId" IS NOT NULL
    )
    SELECT
      (SELECT count(*)::int FROM "Pairing" WHERE "schoolId" IN (SELECT id FROM s)) AS "pairings",
      (SELECT count(*)::int FROM "PairingMember" WHERE "schoolId" IN (SELECT id FROM s)) AS "pairingMembers",
      (SELECT count(*)::int FROM "MentoringSession" WHERE "schoolId" IN (SELECT id FROM s)) AS "sessions",
      (SELECT count(*)::int FROM "SessionAttendance" WHERE "schoolId" IN (SELECT id FROM s)) AS "attendances",
      (SELECT count(*)::int FROM "PointEntry" WHERE "schoolId" IN (SELECT id FROM s)) AS "pointEntries",
      (SELECT count(*)::int FROM "Review" WHERE "schoolId" IN (SELECT id FROM s)) AS "reviews",
      (SELECT count(*)::int FROM "AuditLog" WHERE "schoolId" IN (SELECT id FROM s) OR "actorUserId" IN (SELECT id FROM u)) AS "auditLogs",
      (SELECT count(*)::int FROM "MentorProfile" WHERE "schoolId" IN (SELECT id FROM s)) AS "mentorProfiles",
      (SELECT count(*)::int FROM "MenteeProfile" WHERE "schoolId" IN (SELECT id FROM s)) AS "menteeProfiles",
      (SELECT count(*)::int FROM "Student" WHERE "schoolId" IN (SELECT id FROM s)) AS "students",
      (SELECT count(*)::int FROM "Programme" WHERE "schoolId" IN (SELECT id FROM s)) AS "programmes",
      (SELECT count(*)::int FROM "IdempotencyKey" WHERE "schoolId" IN (SELECT id FROM s)) AS "idempotencyKeys",
      (SELECT count(*)::int FROM "CalendarPeriod" WHERE "schoolId" IN (SELECT id FROM s)) AS "calendarPeriods",
      (SELECT count(*)::int FROM "ProgrammeSkip" WHERE "schoolId" IN (SELECT id FROM s)) AS "programmeSkips",
      (SELECT count(*)::int FROM "SchoolActivity" WHERE "schoolId" IN (SELECT id FROM s)) AS "schoolActivities",
      (SELECT count(*)::int FROM "OccurrenceException" WHERE "schoolId" IN (SELECT id FROM s)) AS "occurrenceExceptions",
      (SELECT count(*)::int FROM "SessionRevision" WHERE "schoolId" IN (SELECT id FROM s)) AS "sessionRevisions",
      (SELECT coalesce(sum("version" - 1), 0)::int FROM "MentoringSession" WHERE "schoolId" IN (SELECT id FROM s)) AS "sessionEdits",
      (SELECT count(*)::int FROM "CalendarFeed" WHERE "schoolId" IN (SELECT id FROM s)) AS "calendarFeeds",
      (SELECT count(*)::int FROM "QuestionnaireResponse" WHERE "schoolId" IN (SELECT id FROM s)) AS "questionnaireResponses",
      (SELECT count(*)::int FROM "QuestionnaireAnswer" WHERE "schoolId" IN (SELECT id FROM s)) AS "questionnaireAnswers",
      (SELECT count(*)::int FROM "Pause" WHERE "schoolId" IN (SELECT id FROM s)) AS "pauses",
      (SELECT count(*)::int FROM "Pause" WHERE "schoolId" IN (SELECT id FROM s) AND "endedAt" IS NOT NULL) AS "pausesEnded",
      (SELECT count(*)::int FROM "PairingMember" WHERE "schoolId" IN (SELECT id FROM s) AND "pausedAt" IS NOT NULL) AS "pausedPlaces",
      (SELECT count(*)::int FROM "SchoolSlot" WHERE "schoolId" IN (SELECT id FROM s)) AS "daySlots",
      (SELECT count(*)::int FROM "SchoolSlotYearTime" WHERE "schoolId" IN (SELECT id FROM s)) AS "daySlotYearTimes",
      (SELECT coalesce(json_agg(json_build_object('id', x.id, 'name', x.name, 'startTime', x."startTime", 'endTime', x."endTime", 'sortOrder', x."sortOrder", 'archivedAt', x."archivedAt",
         'yearTimes', (SELECT coalesce(json_agg(json_build_object('yearGroup', t."yearGroup", 'startTime', t."startTime", 'endTime', t."endTime") ORDER BY t."yearGroup"), '[]')
           FROM "SchoolSlotYearTime" t WHERE t."schoolId" = x."schoolId" AND t."slotId" = x.id)) ORDER BY x.id), '[]')
         FROM "SchoolSlot" x WHERE x."schoolId" IN (SELECT id FROM s)) AS "daySlotRows",
      (SELECT coalesce(json_agg(json_build_object('id', x.id, 'availability', x.availability) ORDER BY x.id), '[]')
         FROM "Student" x WHERE x."schoolId" IN (SELECT id FROM s)) AS "studentRows",
      (SELECT count(*)::int FROM "Notification" WHERE "schoolId" IN (SELECT id FROM s)) AS "notifications",
      (SELECT count(*)::int FROM "Notification" WHERE "schoolId" IN (SELECT id FROM s) AND "readAt" IS NOT NULL) AS "notificationsRead",
      (SELECT coalesce(json_agg(json_build_object('id', x.id, 'timezone', x.timezone, 'weekAStarts', x."weekAStarts") ORDER BY x.id), '[]')
         FROM "School" x WHERE x.id IN (SELECT id FROM s)) AS "schoolRows",
      (SELECT coalesce(json_agg(json_build_object('id', p.id, 'status', p.status, 'closureReason', p."closureReason", 'endsOn', p."endsOn", 'name', p.name,
           'slotWeekday', p."slotWeekday", 'slotId', p."slotId", 'slotPlace', p."slotPlace", 'supervisorId', p."supervisorId") ORDER BY p.id), '[]')
         FROM "Pairing" p WHERE p."schoolId" IN (SELECT id FROM s)) AS "pairingRows",
      (SELECT coalesce(json_agg(json_build_object('id', p.id, 'status', p.status, 'version', p.version) ORDER BY p.id), '[]')
         FROM "Programme" p WHERE p."schoolId" IN (SELECT id FROM s)) AS "programmeRows",
      (SELECT coalesce(json_agg(json_build_object('id', a.id, 'name', a.name, 'sortOrder', a."sortOrder", 'archivedAt', a."archivedAt") ORDER BY a.id), '[]')
         FROM "SchoolActivity" a WHERE a."schoolId" IN (SELECT id FROM s)) AS "activityRows",
      (SELECT coalesce(json_agg(json_build_object('id', x.id, 'passwordHash', x."passwordHash", 'sessionVersion', x."sessionVersion", 'mustChangePassword', x."mustChangePassword", 'disabledAt', x."disabledAt") ORDER BY x.id), '[]')
         FROM "User" x WHERE x.id IN (SELECT id FROM u)) AS "users",
      (SELECT coalesce(json_agg(json_build_object('id', f.id, 'tokenHash', f."tokenHash", 'createdAt', f."createdAt", 'revokedAt', f."revokedAt") ORDER BY f.id), '[]')
         FROM "CalendarFeed" f WHERE f."schoolId" IN (SELECT id FROM s)) AS "calendarFeedRows",
      (SELECT coalesce(json_agg(json_build_object('id', n.id, 'tokenHash', n."tokenHash", 'revokedAt', n."revokedAt") ORDER BY n.id), '[]')
         FROM "NoticeboardLink" n WHERE n."schoolId" IN (SELECT id FROM s)) AS "noticeboardLinkRows"`;
  return row!;
}

/** The change in each table's row count between two snapshots; tables that did not change are left out. */
export function countChanges(before: DbSnapshot, after: DbSnapshot): Partial<Counts> {
  const out: Partial<Record<keyof Counts, number>> = {};
  for (const key of Object.keys(before) as (keyof DbSnapshot)[]) {
    if (isRowList(key)) continue;
    const diff = (after[key] as number) - (before[key] as number);
    if (diff !== 0) out[key] = diff;
  }
  return out;
}

/** The newest audit entries written by a user, newest first. */
export function auditEntriesBy(userId: string, take = 10) {
  return db.auditLog.findMany({ where: { actorUserId: userId }, orderBy: [{ at: "desc" }, { id: "desc" }], take });
}
