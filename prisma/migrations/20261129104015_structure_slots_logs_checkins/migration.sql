-- CreateEnum
CREATE TYPE "NoteVisibility" AS ENUM ('STAFF_ONLY', 'SHARED');

-- CreateEnum
CREATE TYPE "FitCheck" AS ENUM ('YES', 'NOT_SURE', 'NO');

-- CreateEnum
CREATE TYPE "OccurrenceChange" AS ENUM ('MOVED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "WeekLetter" AS ENUM ('A', 'B');

-- AlterTable
ALTER TABLE "Programme" ADD COLUMN     "checkInEveryWeeks" INTEGER NOT NULL DEFAULT 4,
ADD COLUMN     "defaultPlace" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "defaultSlotId" TEXT,
ADD COLUMN     "defaultWeekday" INTEGER,
ADD COLUMN     "todoAbsentRun" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "todoCheckInChange" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "todoCheckInLow" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "todoFirstSessionDays" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "todoFirstWeeks" INTEGER NOT NULL DEFAULT 4,
ADD COLUMN     "todoFirstWeeksSessions" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "todoLogGraceDays" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Pairing" ADD COLUMN     "slotCadence" "Cadence",
ADD COLUMN     "slotFrom" DATE,
ADD COLUMN     "slotId" TEXT,
ADD COLUMN     "slotMinutes" INTEGER,
ADD COLUMN     "slotPlace" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "slotWeek" "WeekLetter",
ADD COLUMN     "slotWeekday" INTEGER,
ADD COLUMN     "supervisorId" TEXT;

-- AlterTable
ALTER TABLE "MentoringSession" ADD COLUMN     "activityId" TEXT,
ADD COLUMN     "fitCheck" "FitCheck",
ADD COLUMN     "fitCheckNote" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "noteVisibility" "NoteVisibility" NOT NULL DEFAULT 'STAFF_ONLY',
ADD COLUMN     "onBehalfOfId" TEXT,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "SchoolSlot" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "startTime" TEXT NOT NULL,
    "endTime" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SchoolSlot_pkey" PRIMARY KEY ("schoolId","id")
);

-- Every school starts with the two slots pupils' free times already name (MON_BREAK … FRI_LUNCH).
INSERT INTO "SchoolSlot" ("id", "schoolId", "key", "name", "startTime", "endTime", "sortOrder")
SELECT 'slt' || substr(md5(s."id" || ':' || d.key), 1, 24), s."id", d.key, d.name, d.starts, d.ends, d.ord
FROM "School" s
CROSS JOIN (VALUES ('BREAK', 'Break', '10:40', '11:00', 1), ('LUNCH', 'Lunch', '12:30', '13:15', 2)) AS d(key, name, starts, ends, ord);

-- CreateTable
CREATE TABLE "SchoolSlotYearTime" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "slotId" TEXT NOT NULL,
    "yearGroup" INTEGER NOT NULL,
    "startTime" TEXT NOT NULL,
    "endTime" TEXT NOT NULL,

    CONSTRAINT "SchoolSlotYearTime_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "SchoolActivity" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SchoolActivity_pkey" PRIMARY KEY ("schoolId","id")
);

-- Every school's activity list starts as the fixed list it had, and each logged session keeps its
-- activity (the ids are made from the school and the old value, so this runs the same everywhere).
INSERT INTO "SchoolActivity" ("id", "schoolId", "name", "sortOrder")
SELECT 'act' || substr(md5(s."id" || ':' || a.code), 1, 24), s."id", a.name, a.ord
FROM "School" s
CROSS JOIN (VALUES ('GETTING_TO_KNOW_ME', 'Getting to know me', 1), ('HOMEWORK_HELP', 'Homework help', 2),
  ('PROBLEM_SOLVING', 'Problem solving', 3), ('ONLINE_SAFETY', 'Online safety', 4), ('READING', 'Reading together', 5),
  ('GAMES', 'Games', 6), ('CHECK_IN', 'Check-in chat', 7), ('OTHER', 'Something else', 8)) AS a(code, name, ord);

UPDATE "MentoringSession" SET "activityId" = 'act' || substr(md5("schoolId" || ':' || "activity"::text), 1, 24);

ALTER TABLE "MentoringSession" ALTER COLUMN "activityId" SET NOT NULL;

ALTER TABLE "MentoringSession" DROP COLUMN "activity";

DROP TYPE "Activity";

-- CreateTable
CREATE TABLE "ProgrammeSkip" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "yearGroup" INTEGER NOT NULL DEFAULT 0,
    "reason" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgrammeSkip_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "OccurrenceException" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "pairingId" TEXT NOT NULL,
    "originalOn" DATE NOT NULL,
    "change" "OccurrenceChange" NOT NULL,
    "movedTo" DATE,
    "startTime" TEXT,
    "place" TEXT,
    "reason" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OccurrenceException_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "SessionRevision" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "heldOn" DATE NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "activityId" TEXT NOT NULL,
    "notes" TEXT NOT NULL,
    "noteVisibility" "NoteVisibility" NOT NULL,
    "fitCheck" "FitCheck",
    "fitCheckNote" TEXT NOT NULL,
    "attendances" JSONB NOT NULL,
    "writtenById" TEXT NOT NULL,
    "writtenAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SessionRevision_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "CalendarFeed" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "CalendarFeed_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "QuestionnaireResponse" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "questionnaireKey" TEXT NOT NULL,
    "pairingId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "respondentRole" "MemberRole" NOT NULL,
    "periodStart" DATE NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuestionnaireResponse_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "QuestionnaireAnswer" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "questionKey" TEXT NOT NULL,
    "scaleValue" INTEGER,
    "text" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "QuestionnaireAnswer_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "TodoDismissal" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "pairingId" TEXT NOT NULL,
    "cause" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "dismissedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TodoDismissal_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),
    "emailedAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SchoolSlot_schoolId_key_key" ON "SchoolSlot"("schoolId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "SchoolSlotYearTime_schoolId_slotId_yearGroup_key" ON "SchoolSlotYearTime"("schoolId", "slotId", "yearGroup");

-- CreateIndex
CREATE UNIQUE INDEX "SchoolActivity_schoolId_name_key" ON "SchoolActivity"("schoolId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "ProgrammeSkip_schoolId_programmeId_startsOn_yearGroup_key" ON "ProgrammeSkip"("schoolId", "programmeId", "startsOn", "yearGroup");

-- CreateIndex
CREATE UNIQUE INDEX "OccurrenceException_schoolId_pairingId_originalOn_key" ON "OccurrenceException"("schoolId", "pairingId", "originalOn");

-- CreateIndex
CREATE UNIQUE INDEX "SessionRevision_schoolId_sessionId_version_key" ON "SessionRevision"("schoolId", "sessionId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_schoolId_userId_key" ON "CalendarFeed"("schoolId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_schoolId_tokenHash_key" ON "CalendarFeed"("schoolId", "tokenHash");

-- CreateIndex
CREATE INDEX "QuestionnaireResponse_schoolId_pairingId_idx" ON "QuestionnaireResponse"("schoolId", "pairingId");

-- CreateIndex
CREATE UNIQUE INDEX "QuestionnaireResponse_schoolId_questionnaireKey_pairingId_s_key" ON "QuestionnaireResponse"("schoolId", "questionnaireKey", "pairingId", "studentId", "periodStart");

-- CreateIndex
CREATE UNIQUE INDEX "QuestionnaireAnswer_schoolId_responseId_questionKey_key" ON "QuestionnaireAnswer"("schoolId", "responseId", "questionKey");

-- CreateIndex
CREATE UNIQUE INDEX "TodoDismissal_schoolId_pairingId_cause_key" ON "TodoDismissal"("schoolId", "pairingId", "cause");

-- CreateIndex
CREATE INDEX "Notification_schoolId_userId_createdAt_idx" ON "Notification"("schoolId", "userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_schoolId_userId_dedupeKey_key" ON "Notification"("schoolId", "userId", "dedupeKey");

-- CreateIndex
CREATE INDEX "Pairing_schoolId_supervisorId_idx" ON "Pairing"("schoolId", "supervisorId");

-- AddForeignKey
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_schoolId_defaultSlotId_fkey" FOREIGN KEY ("schoolId", "defaultSlotId") REFERENCES "SchoolSlot"("schoolId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Pairing" ADD CONSTRAINT "Pairing_schoolId_slotId_fkey" FOREIGN KEY ("schoolId", "slotId") REFERENCES "SchoolSlot"("schoolId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Pairing" ADD CONSTRAINT "Pairing_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "MentoringSession" ADD CONSTRAINT "MentoringSession_schoolId_activityId_fkey" FOREIGN KEY ("schoolId", "activityId") REFERENCES "SchoolActivity"("schoolId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "MentoringSession" ADD CONSTRAINT "MentoringSession_schoolId_onBehalfOfId_fkey" FOREIGN KEY ("schoolId", "onBehalfOfId") REFERENCES "Student"("schoolId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "SchoolSlot" ADD CONSTRAINT "SchoolSlot_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "SchoolSlotYearTime" ADD CONSTRAINT "SchoolSlotYearTime_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "SchoolSlotYearTime" ADD CONSTRAINT "SchoolSlotYearTime_schoolId_slotId_fkey" FOREIGN KEY ("schoolId", "slotId") REFERENCES "SchoolSlot"("schoolId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "SchoolActivity" ADD CONSTRAINT "SchoolActivity_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "ProgrammeSkip" ADD CONSTRAINT "ProgrammeSkip_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "ProgrammeSkip" ADD CONSTRAINT "ProgrammeSkip_schoolId_programmeId_fkey" FOREIGN KEY ("schoolId", "programmeId") REFERENCES "Programme"("schoolId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "ProgrammeSkip" ADD CONSTRAINT "ProgrammeSkip_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "OccurrenceException" ADD CONSTRAINT "OccurrenceException_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "OccurrenceException" ADD CONSTRAINT "OccurrenceException_schoolId_pairingId_fkey" FOREIGN KEY ("schoolId", "pairingId") REFERENCES "Pairing"("schoolId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "OccurrenceException" ADD CONSTRAINT "OccurrenceException_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "SessionRevision" ADD CONSTRAINT "SessionRevision_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "SessionRevision" ADD CONSTRAINT "SessionRevision_schoolId_sessionId_fkey" FOREIGN KEY ("schoolId", "sessionId") REFERENCES "MentoringSession"("schoolId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "SessionRevision" ADD CONSTRAINT "SessionRevision_schoolId_activityId_fkey" FOREIGN KEY ("schoolId", "activityId") REFERENCES "SchoolActivity"("schoolId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "SessionRevision" ADD CONSTRAINT "SessionRevision_writtenById_fkey" FOREIGN KEY ("writtenById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "QuestionnaireResponse" ADD CONSTRAINT "QuestionnaireResponse_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "QuestionnaireResponse" ADD CONSTRAINT "QuestionnaireResponse_schoolId_pairingId_fkey" FOREIGN KEY ("schoolId", "pairingId") REFERENCES "Pairing"("schoolId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "QuestionnaireResponse" ADD CONSTRAINT "QuestionnaireResponse_schoolId_studentId_fkey" FOREIGN KEY ("schoolId", "studentId") REFERENCES "Student"("schoolId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "QuestionnaireAnswer" ADD CONSTRAINT "QuestionnaireAnswer_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "QuestionnaireAnswer" ADD CONSTRAINT "QuestionnaireAnswer_schoolId_responseId_fkey" FOREIGN KEY ("schoolId", "responseId") REFERENCES "QuestionnaireResponse"("schoolId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "TodoDismissal" ADD CONSTRAINT "TodoDismissal_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "TodoDismissal" ADD CONSTRAINT "TodoDismissal_schoolId_pairingId_fkey" FOREIGN KEY ("schoolId", "pairingId") REFERENCES "Pairing"("schoolId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "TodoDismissal" ADD CONSTRAINT "TodoDismissal_dismissedById_fkey" FOREIGN KEY ("dismissedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

