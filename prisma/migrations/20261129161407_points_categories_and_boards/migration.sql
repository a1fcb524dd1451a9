-- CreateEnum
CREATE TYPE "BoardMeasure" AS ENUM ('EARNED', 'NET');

-- CreateEnum
CREATE TYPE "BoardNameStyle" AS ENUM ('FIRST_NAME_INITIAL', 'NICKNAME', 'INITIALS');

-- CreateEnum
CREATE TYPE "BoardPeriod" AS ENUM ('WEEK', 'HALF_TERM', 'ALL_TIME');

-- CreateEnum
CREATE TYPE "NicknameStatus" AS ENUM ('PROPOSED', 'APPROVED', 'REJECTED');

-- Hand-edited (ADR 024). The ledger is append-only and its trigger refuses every UPDATE, the owner's
-- included, so the old category enum is mapped to the new per-school rows by a column rewrite (DDL
-- fires no row trigger, and the trigger stays on throughout). The enum is renamed first because the
-- new table takes its name. No semicolons in comments or literals: the runner splits on them.
ALTER TYPE "PointCategory" RENAME TO "PointCategoryLegacy";

-- CreateTable
CREATE TABLE "PointCategory" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "defaultAmount" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PointCategory_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "PointSettings" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "mentorsMayAward" BOOLEAN NOT NULL DEFAULT false,
    "mentorWeeklyLimit" INTEGER NOT NULL DEFAULT 10,
    "pupilBoardMeasure" "BoardMeasure" NOT NULL DEFAULT 'EARNED',
    "boardNameStyle" "BoardNameStyle" NOT NULL DEFAULT 'FIRST_NAME_INITIAL',
    "attendanceCategoryId" TEXT,
    "attendanceSince" DATE,
    "onTimeCategoryId" TEXT,
    "onTimeSince" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PointSettings_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "PupilBoardProfile" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "isOptedOut" BOOLEAN NOT NULL DEFAULT false,
    "hiddenAt" TIMESTAMP(3),
    "hiddenById" TEXT,
    "hiddenReason" TEXT NOT NULL DEFAULT '',
    "nickname" TEXT,
    "nicknameStatus" "NicknameStatus",
    "nicknameDecidedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PupilBoardProfile_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "PointMilestone" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "reachedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "isShared" BOOLEAN,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "PointMilestone_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "NoticeboardLink" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "yearGroup" INTEGER NOT NULL DEFAULT 0,
    "period" "BoardPeriod" NOT NULL,
    "tokenHash" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "NoticeboardLink_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PointCategory_schoolId_name_key" ON "PointCategory"("schoolId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "PointSettings_schoolId_key" ON "PointSettings"("schoolId");

-- CreateIndex
CREATE UNIQUE INDEX "PupilBoardProfile_schoolId_studentId_key" ON "PupilBoardProfile"("schoolId", "studentId");

-- CreateIndex
CREATE INDEX "PointMilestone_schoolId_studentId_idx" ON "PointMilestone"("schoolId", "studentId");

-- CreateIndex
CREATE UNIQUE INDEX "PointMilestone_schoolId_entryId_key" ON "PointMilestone"("schoolId", "entryId");

-- CreateIndex
CREATE UNIQUE INDEX "NoticeboardLink_schoolId_tokenHash_key" ON "NoticeboardLink"("schoolId", "tokenHash");

-- Every school gets today's categories as its defaults, with ids made from the school and the old code,
-- so the ledger's rows map to them by the same expression. "Points lost" is the one negative default.
INSERT INTO "PointCategory" ("id", "schoolId", "name", "description", "defaultAmount", "sortOrder")
SELECT 'pcat' || substr(md5(s."id" || ':' || c.code), 1, 24), s."id", c.name, c.descr, c.amount, c.ord
FROM "School" s CROSS JOIN (VALUES
  ('ATTENDANCE', 'Attendance', 'Coming to your mentoring session.', 1, 1),
  ('EFFORT', 'Effort', 'Trying hard, even when something is difficult.', 2, 2),
  ('KINDNESS', 'Kindness', 'Helping or including someone.', 2, 3),
  ('PUNCTUALITY', 'Punctuality', 'Arriving on time.', 1, 4),
  ('BEHAVIOUR', 'Behaviour', 'Keeping the group agreement.', 2, 5),
  ('LEADERSHIP', 'Leadership', 'Taking a lead that helps others.', 3, 6),
  ('OTHER', 'Other', 'Something else worth recognising.', 1, 7),
  ('POINTS_LOST', 'Points lost', 'Points taken away, always with a reason.', -1, 8)) AS c(code, name, descr, amount, ord);

ALTER TABLE "PointEntry" ALTER COLUMN "category" TYPE TEXT
  USING ('pcat' || substr(md5("schoolId" || ':' || "category"::text), 1, 24));
ALTER TABLE "PointEntry" RENAME COLUMN "category" TO "categoryId";
ALTER TABLE "PointEntry" ADD COLUMN "sessionId" TEXT, ADD COLUMN "autoKey" TEXT;
DROP TYPE "PointCategoryLegacy";

-- CreateIndex
CREATE INDEX "PointEntry_schoolId_programmeId_createdAt_idx" ON "PointEntry"("schoolId", "programmeId", "createdAt");

-- CreateIndex
CREATE INDEX "PointEntry_schoolId_awardedById_createdAt_idx" ON "PointEntry"("schoolId", "awardedById", "createdAt");

-- CreateIndex
CREATE INDEX "PointEntry_schoolId_sessionId_idx" ON "PointEntry"("schoolId", "sessionId");

-- CreateIndex
CREATE UNIQUE INDEX "PointEntry_schoolId_autoKey_key" ON "PointEntry"("schoolId", "autoKey");

-- AddForeignKey
ALTER TABLE "PointEntry" ADD CONSTRAINT "PointEntry_schoolId_categoryId_fkey" FOREIGN KEY ("schoolId", "categoryId") REFERENCES "PointCategory"("schoolId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "PointEntry" ADD CONSTRAINT "PointEntry_schoolId_sessionId_fkey" FOREIGN KEY ("schoolId", "sessionId") REFERENCES "MentoringSession"("schoolId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "PointCategory" ADD CONSTRAINT "PointCategory_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "PointSettings" ADD CONSTRAINT "PointSettings_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "PointSettings" ADD CONSTRAINT "PointSettings_schoolId_attendanceCategoryId_fkey" FOREIGN KEY ("schoolId", "attendanceCategoryId") REFERENCES "PointCategory"("schoolId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "PointSettings" ADD CONSTRAINT "PointSettings_schoolId_onTimeCategoryId_fkey" FOREIGN KEY ("schoolId", "onTimeCategoryId") REFERENCES "PointCategory"("schoolId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "PupilBoardProfile" ADD CONSTRAINT "PupilBoardProfile_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "PupilBoardProfile" ADD CONSTRAINT "PupilBoardProfile_schoolId_studentId_fkey" FOREIGN KEY ("schoolId", "studentId") REFERENCES "Student"("schoolId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "PupilBoardProfile" ADD CONSTRAINT "PupilBoardProfile_hiddenById_fkey" FOREIGN KEY ("hiddenById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "PupilBoardProfile" ADD CONSTRAINT "PupilBoardProfile_nicknameDecidedById_fkey" FOREIGN KEY ("nicknameDecidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "PointMilestone" ADD CONSTRAINT "PointMilestone_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "PointMilestone" ADD CONSTRAINT "PointMilestone_schoolId_studentId_fkey" FOREIGN KEY ("schoolId", "studentId") REFERENCES "Student"("schoolId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "PointMilestone" ADD CONSTRAINT "PointMilestone_schoolId_entryId_fkey" FOREIGN KEY ("schoolId", "entryId") REFERENCES "PointEntry"("schoolId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "NoticeboardLink" ADD CONSTRAINT "NoticeboardLink_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "NoticeboardLink" ADD CONSTRAINT "NoticeboardLink_schoolId_programmeId_fkey" FOREIGN KEY ("schoolId", "programmeId") REFERENCES "Programme"("schoolId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "NoticeboardLink" ADD CONSTRAINT "NoticeboardLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

