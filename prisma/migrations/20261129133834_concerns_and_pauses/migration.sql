-- CreateEnum
CREATE TYPE "ConcernCategory" AS ENUM ('BULLYING', 'ONLINE_SAFETY', 'WELLBEING', 'HOME', 'SELF_HARM', 'OTHER');

-- CreateEnum
CREATE TYPE "ConcernStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'CLOSED');

-- CreateEnum
CREATE TYPE "ConcernRoute" AS ENUM ('SAFEGUARDING', 'HEAD', 'CHAIR');

-- CreateEnum
CREATE TYPE "ConcernEntryKind" AS ENUM ('REPORT', 'ADDITION', 'ACTION', 'STATUS', 'CATEGORY', 'PUPILS', 'KEEP_APART', 'PAUSE', 'SHARED_NOTE', 'TRANSFER', 'CORRECTION');

-- CreateEnum
CREATE TYPE "ConcernAction" AS ENUM ('SPOKE_TO_PUPIL', 'CONTACTED_PARENT', 'REFERRED_SOCIAL_CARE', 'REFERRED_OTHER', 'CONSULTED', 'NO_FURTHER_ACTION');

-- CreateEnum
CREATE TYPE "PauseSource" AS ENUM ('CONCERN', 'MENTEE', 'COORDINATOR', 'CONSENT');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "StaffRole" ADD VALUE 'HEAD';
ALTER TYPE "StaffRole" ADD VALUE 'CHAIR_OF_GOVERNORS';

-- AlterTable
ALTER TABLE "School" ADD COLUMN     "concernEscalateMinutes" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "dangerInstruction" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "PairingMember" ADD COLUMN     "pausedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Concern" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "route" "ConcernRoute" NOT NULL,
    "aboutStaffId" TEXT,
    "category" "ConcernCategory" NOT NULL,
    "isUrgent" BOOLEAN NOT NULL DEFAULT false,
    "status" "ConcernStatus" NOT NULL DEFAULT 'OPEN',
    "sharedNote" TEXT,
    "firstOpenedAt" TIMESTAMP(3),
    "escalatedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Concern_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "ConcernPupil" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "concernId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConcernPupil_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "ConcernEntry" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "concernId" TEXT NOT NULL,
    "kind" "ConcernEntryKind" NOT NULL,
    "authorId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "text" TEXT NOT NULL DEFAULT '',
    "action" "ConcernAction",
    "happenedOn" DATE,
    "correctsId" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "ConcernEntry_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "ConcernDraft" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "values" JSONB NOT NULL DEFAULT '{}',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConcernDraft_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "Pause" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "pairingId" TEXT NOT NULL,
    "studentId" TEXT,
    "source" "PauseSource" NOT NULL,
    "reason" TEXT NOT NULL,
    "concernId" TEXT,
    "resumeTo" "PairingStatus",
    "pausedById" TEXT NOT NULL,
    "pausedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),
    "endedById" TEXT,

    CONSTRAINT "Pause_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateIndex
CREATE INDEX "Concern_schoolId_status_createdAt_idx" ON "Concern"("schoolId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Concern_schoolId_reporterId_idx" ON "Concern"("schoolId", "reporterId");

-- CreateIndex
CREATE INDEX "ConcernPupil_schoolId_studentId_idx" ON "ConcernPupil"("schoolId", "studentId");

-- CreateIndex
CREATE UNIQUE INDEX "ConcernPupil_schoolId_concernId_studentId_key" ON "ConcernPupil"("schoolId", "concernId", "studentId");

-- CreateIndex
CREATE INDEX "ConcernEntry_schoolId_concernId_at_idx" ON "ConcernEntry"("schoolId", "concernId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "ConcernDraft_schoolId_userId_key" ON "ConcernDraft"("schoolId", "userId");

-- CreateIndex
CREATE INDEX "Pause_schoolId_pairingId_idx" ON "Pause"("schoolId", "pairingId");

-- AddForeignKey
ALTER TABLE "Concern" ADD CONSTRAINT "Concern_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Concern" ADD CONSTRAINT "Concern_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Concern" ADD CONSTRAINT "Concern_aboutStaffId_fkey" FOREIGN KEY ("aboutStaffId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "ConcernPupil" ADD CONSTRAINT "ConcernPupil_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "ConcernPupil" ADD CONSTRAINT "ConcernPupil_schoolId_concernId_fkey" FOREIGN KEY ("schoolId", "concernId") REFERENCES "Concern"("schoolId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "ConcernPupil" ADD CONSTRAINT "ConcernPupil_schoolId_studentId_fkey" FOREIGN KEY ("schoolId", "studentId") REFERENCES "Student"("schoolId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "ConcernEntry" ADD CONSTRAINT "ConcernEntry_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "ConcernEntry" ADD CONSTRAINT "ConcernEntry_schoolId_concernId_fkey" FOREIGN KEY ("schoolId", "concernId") REFERENCES "Concern"("schoolId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "ConcernEntry" ADD CONSTRAINT "ConcernEntry_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "ConcernEntry" ADD CONSTRAINT "ConcernEntry_schoolId_correctsId_fkey" FOREIGN KEY ("schoolId", "correctsId") REFERENCES "ConcernEntry"("schoolId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "ConcernDraft" ADD CONSTRAINT "ConcernDraft_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "ConcernDraft" ADD CONSTRAINT "ConcernDraft_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Pause" ADD CONSTRAINT "Pause_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Pause" ADD CONSTRAINT "Pause_schoolId_pairingId_fkey" FOREIGN KEY ("schoolId", "pairingId") REFERENCES "Pairing"("schoolId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Pause" ADD CONSTRAINT "Pause_schoolId_studentId_fkey" FOREIGN KEY ("schoolId", "studentId") REFERENCES "Student"("schoolId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Pause" ADD CONSTRAINT "Pause_schoolId_concernId_fkey" FOREIGN KEY ("schoolId", "concernId") REFERENCES "Concern"("schoolId", "id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Pause" ADD CONSTRAINT "Pause_pausedById_fkey" FOREIGN KEY ("pausedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "Pause" ADD CONSTRAINT "Pause_endedById_fkey" FOREIGN KEY ("endedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;


-- One live pause per pairing (studentId null) and per mentee's place: a double submit or a race pauses once.
CREATE UNIQUE INDEX "Pause_one_live" ON "Pause"("schoolId", "pairingId", COALESCE("studentId", '')) WHERE "endedAt" IS NULL;

-- An urgent concern's escalation reads the unopened urgent ones.
CREATE INDEX "Concern_unopened_urgent" ON "Concern"("createdAt") WHERE "isUrgent" AND "firstOpenedAt" IS NULL AND "escalatedAt" IS NULL;
