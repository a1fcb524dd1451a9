-- CreateEnum
CREATE TYPE "SenStatus" AS ENUM ('NONE', 'SUPPORT', 'EHCP');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('F', 'M');

-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('PUPILS', 'ATTENDANCE');

-- CreateEnum
CREATE TYPE "AccountTokenKind" AS ENUM ('LINK', 'CODE');

-- CreateEnum
CREATE TYPE "VolunteerCheckKind" AS ENUM ('ENHANCED_DBS', 'ENHANCED_DBS_UPDATE_SERVICE', 'OTHER');

-- AlterEnum
ALTER TYPE "ClosureReason" ADD VALUE 'PUPIL_LEFT';

-- AlterEnum
ALTER TYPE "PauseSource" ADD VALUE 'LEFT_SCHOOL';

-- AlterTable
ALTER TABLE "School" ADD COLUMN     "finalYearGroup" INTEGER NOT NULL DEFAULT 11;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "passwordSetAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "disabledAt" TIMESTAMP(3),
ADD COLUMN     "disabledById" TEXT;

-- AlterTable
ALTER TABLE "AcademicYear" ADD COLUMN     "confirmedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Student" ADD COLUMN     "admissionNumber" TEXT,
ADD COLUMN     "alumniMentorFrom" TIMESTAMP(3),
ADD COLUMN     "dateOfBirth" DATE,
ADD COLUMN     "importedAt" TIMESTAMP(3),
ADD COLUMN     "isFsm" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "isPupilPremium" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "leavingOn" DATE,
ADD COLUMN     "leftOn" DATE,
ADD COLUMN     "personalEmail" TEXT,
ADD COLUMN     "schoolEmail" TEXT,
ADD COLUMN     "senStatus" "SenStatus" NOT NULL DEFAULT 'NONE',
ADD COLUMN     "sex" "Sex";

-- CreateTable
CREATE TABLE "AccountToken" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "AccountTokenKind" NOT NULL,
    "tokenHash" TEXT,
    "sealedCode" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountToken_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "ImportDraft" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "encoding" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "mapping" JSONB NOT NULL,
    "isWholeRoll" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportDraft_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "SchoolRollover" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "fromStartYear" INTEGER NOT NULL,
    "toStartYear" INTEGER NOT NULL,
    "summary" JSONB NOT NULL,
    "ranById" TEXT NOT NULL,
    "ranAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SchoolRollover_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "VolunteerCheck" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "kind" "VolunteerCheckKind" NOT NULL,
    "checkedOn" DATE NOT NULL,
    "reference" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VolunteerCheck_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateIndex
CREATE INDEX "AccountToken_schoolId_userId_idx" ON "AccountToken"("schoolId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "AccountToken_schoolId_tokenHash_key" ON "AccountToken"("schoolId", "tokenHash");

-- CreateIndex
CREATE INDEX "ImportDraft_schoolId_createdById_idx" ON "ImportDraft"("schoolId", "createdById");

-- CreateIndex
CREATE UNIQUE INDEX "SchoolRollover_schoolId_fromStartYear_key" ON "SchoolRollover"("schoolId", "fromStartYear");

-- CreateIndex
CREATE INDEX "VolunteerCheck_schoolId_studentId_idx" ON "VolunteerCheck"("schoolId", "studentId");

-- CreateIndex
CREATE UNIQUE INDEX "Student_schoolId_admissionNumber_key" ON "Student"("schoolId", "admissionNumber");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_disabledById_fkey" FOREIGN KEY ("disabledById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "AccountToken" ADD CONSTRAINT "AccountToken_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "AccountToken" ADD CONSTRAINT "AccountToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "AccountToken" ADD CONSTRAINT "AccountToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "ImportDraft" ADD CONSTRAINT "ImportDraft_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "ImportDraft" ADD CONSTRAINT "ImportDraft_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "SchoolRollover" ADD CONSTRAINT "SchoolRollover_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "SchoolRollover" ADD CONSTRAINT "SchoolRollover_ranById_fkey" FOREIGN KEY ("ranById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "VolunteerCheck" ADD CONSTRAINT "VolunteerCheck_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "VolunteerCheck" ADD CONSTRAINT "VolunteerCheck_schoolId_studentId_fkey" FOREIGN KEY ("schoolId", "studentId") REFERENCES "Student"("schoolId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "VolunteerCheck" ADD CONSTRAINT "VolunteerCheck_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;


-- By hand (ADR 025): at most one live token per user and kind, as Pause's one live pause
CREATE UNIQUE INDEX "AccountToken_one_live_per_user_kind" ON "AccountToken"("schoolId", "userId", "kind") WHERE "usedAt" IS NULL AND "revokedAt" IS NULL;

-- By hand: pupils already marked as having SEND get the MIS's "K" (SEN support) until an import says more
UPDATE "Student" SET "senStatus" = 'SUPPORT' WHERE "hasSend";

-- By hand: the years that exist today are real, not rollover drafts
UPDATE "AcademicYear" SET "confirmedAt" = now();
