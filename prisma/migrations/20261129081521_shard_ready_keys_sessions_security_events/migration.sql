-- Ready to shard by school (ADR 003): primary keys (schoolId, id), unique keys with schoolId, an
-- AuditLog that always has a school, nothing school-owned hard-deleted (every relation RESTRICT).
-- Events without a school (a failed sign-in for an unknown email) move to the global, append-only
-- SecurityEvent table first. This runs as the owner of the tables, which may switch off the
-- append-only trigger for the move (the app's role cannot).
-- CreateTable
CREATE TABLE "SecurityEvent" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "userId" TEXT,
    "schoolId" TEXT,
    "email" TEXT,
    "ip" TEXT,
    "detail" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "SecurityEvent_pkey" PRIMARY KEY ("id")
);

INSERT INTO "SecurityEvent" ("id", "at", "kind", "userId", "schoolId", "email", "ip", "detail")
SELECT "id", "at", "action", "actorUserId", NULL, "changes"->>'email', "changes"->>'ip',
       "changes" || jsonb_build_object('recordType', "recordType", 'recordId', "recordId")
FROM "AuditLog" WHERE "schoolId" IS NULL;

ALTER TABLE "AuditLog" DISABLE TRIGGER USER;
DELETE FROM "AuditLog" WHERE "schoolId" IS NULL;
ALTER TABLE "AuditLog" ENABLE TRIGGER USER;

-- DropForeignKey
ALTER TABLE "Membership" DROP CONSTRAINT "Membership_userId_fkey";

-- DropForeignKey
ALTER TABLE "Membership" DROP CONSTRAINT "Membership_schoolId_fkey";

-- DropForeignKey
ALTER TABLE "AcademicYear" DROP CONSTRAINT "AcademicYear_schoolId_fkey";

-- DropForeignKey
ALTER TABLE "CalendarPeriod" DROP CONSTRAINT "CalendarPeriod_schoolId_fkey";

-- DropForeignKey
ALTER TABLE "CalendarPeriod" DROP CONSTRAINT "CalendarPeriod_schoolId_academicYearId_fkey";

-- DropForeignKey
ALTER TABLE "Student" DROP CONSTRAINT "Student_schoolId_fkey";

-- DropForeignKey
ALTER TABLE "Student" DROP CONSTRAINT "Student_userId_fkey";

-- DropForeignKey
ALTER TABLE "Programme" DROP CONSTRAINT "Programme_schoolId_fkey";

-- DropForeignKey
ALTER TABLE "MentorProfile" DROP CONSTRAINT "MentorProfile_schoolId_fkey";

-- DropForeignKey
ALTER TABLE "MentorProfile" DROP CONSTRAINT "MentorProfile_schoolId_programmeId_fkey";

-- DropForeignKey
ALTER TABLE "MentorProfile" DROP CONSTRAINT "MentorProfile_schoolId_studentId_fkey";

-- DropForeignKey
ALTER TABLE "MenteeProfile" DROP CONSTRAINT "MenteeProfile_schoolId_fkey";

-- DropForeignKey
ALTER TABLE "MenteeProfile" DROP CONSTRAINT "MenteeProfile_schoolId_programmeId_fkey";

-- DropForeignKey
ALTER TABLE "MenteeProfile" DROP CONSTRAINT "MenteeProfile_schoolId_studentId_fkey";

-- DropForeignKey
ALTER TABLE "Pairing" DROP CONSTRAINT "Pairing_schoolId_fkey";

-- DropForeignKey
ALTER TABLE "Pairing" DROP CONSTRAINT "Pairing_schoolId_programmeId_fkey";

-- DropForeignKey
ALTER TABLE "PairingMember" DROP CONSTRAINT "PairingMember_schoolId_fkey";

-- DropForeignKey
ALTER TABLE "PairingMember" DROP CONSTRAINT "PairingMember_schoolId_pairingId_fkey";

-- DropForeignKey
ALTER TABLE "PairingMember" DROP CONSTRAINT "PairingMember_schoolId_studentId_fkey";

-- DropForeignKey
ALTER TABLE "MentoringSession" DROP CONSTRAINT "MentoringSession_schoolId_fkey";

-- DropForeignKey
ALTER TABLE "MentoringSession" DROP CONSTRAINT "MentoringSession_schoolId_pairingId_fkey";

-- DropForeignKey
ALTER TABLE "SessionAttendance" DROP CONSTRAINT "SessionAttendance_schoolId_fkey";

-- DropForeignKey
ALTER TABLE "SessionAttendance" DROP CONSTRAINT "SessionAttendance_schoolId_sessionId_fkey";

-- DropForeignKey
ALTER TABLE "SessionAttendance" DROP CONSTRAINT "SessionAttendance_schoolId_studentId_fkey";

-- DropForeignKey
ALTER TABLE "PointEntry" DROP CONSTRAINT "PointEntry_schoolId_fkey";

-- DropForeignKey
ALTER TABLE "PointEntry" DROP CONSTRAINT "PointEntry_schoolId_programmeId_fkey";

-- DropForeignKey
ALTER TABLE "PointEntry" DROP CONSTRAINT "PointEntry_schoolId_studentId_fkey";

-- DropForeignKey
ALTER TABLE "Review" DROP CONSTRAINT "Review_schoolId_fkey";

-- DropForeignKey
ALTER TABLE "Review" DROP CONSTRAINT "Review_schoolId_pairingId_fkey";

-- DropForeignKey
ALTER TABLE "AuditLog" DROP CONSTRAINT "AuditLog_schoolId_fkey";

-- DropForeignKey
ALTER TABLE "KeepApart" DROP CONSTRAINT "KeepApart_schoolId_fkey";

-- DropForeignKey
ALTER TABLE "KeepApart" DROP CONSTRAINT "KeepApart_schoolId_studentAId_fkey";

-- DropForeignKey
ALTER TABLE "KeepApart" DROP CONSTRAINT "KeepApart_schoolId_studentBId_fkey";

-- DropForeignKey
ALTER TABLE "IdempotencyKey" DROP CONSTRAINT "IdempotencyKey_schoolId_fkey";

-- DropForeignKey
ALTER TABLE "IdempotencyKey" DROP CONSTRAINT "IdempotencyKey_userId_fkey";

-- DropForeignKey (the reversal's key points at the unique index that the new primary key replaces)
ALTER TABLE "PointEntry" DROP CONSTRAINT "PointEntry_schoolId_reversesId_fkey";

-- DropIndex
DROP INDEX "AcademicYear_schoolId_id_key";

-- DropIndex
DROP INDEX "Student_userId_key";

-- DropIndex
DROP INDEX "Student_schoolId_id_key";

-- DropIndex
DROP INDEX "Programme_schoolId_id_key";

-- DropIndex
DROP INDEX "MentorProfile_schoolId_id_key";

-- DropIndex
DROP INDEX "MentorProfile_programmeId_studentId_key";

-- DropIndex
DROP INDEX "MenteeProfile_schoolId_id_key";

-- DropIndex
DROP INDEX "MenteeProfile_programmeId_studentId_key";

-- DropIndex
DROP INDEX "Pairing_schoolId_id_key";

-- DropIndex
DROP INDEX "PairingMember_pairingId_studentId_key";

-- DropIndex
DROP INDEX "MentoringSession_schoolId_id_key";

-- DropIndex
DROP INDEX "SessionAttendance_sessionId_studentId_key";

-- DropIndex
DROP INDEX "PointEntry_schoolId_id_key";

-- DropIndex
DROP INDEX "AuditLog_recordType_recordId_idx";

-- AlterTable
ALTER TABLE "Membership" DROP CONSTRAINT "Membership_pkey",
ADD CONSTRAINT "Membership_pkey" PRIMARY KEY ("schoolId", "id");

-- AlterTable
ALTER TABLE "AcademicYear" DROP CONSTRAINT "AcademicYear_pkey",
ADD CONSTRAINT "AcademicYear_pkey" PRIMARY KEY ("schoolId", "id");

-- AlterTable
ALTER TABLE "CalendarPeriod" DROP CONSTRAINT "CalendarPeriod_pkey",
ADD CONSTRAINT "CalendarPeriod_pkey" PRIMARY KEY ("schoolId", "id");

-- AlterTable
ALTER TABLE "Student" DROP CONSTRAINT "Student_pkey",
ADD CONSTRAINT "Student_pkey" PRIMARY KEY ("schoolId", "id");

-- AlterTable
ALTER TABLE "Programme" DROP CONSTRAINT "Programme_pkey",
ADD CONSTRAINT "Programme_pkey" PRIMARY KEY ("schoolId", "id");

-- AlterTable
ALTER TABLE "MentorProfile" DROP CONSTRAINT "MentorProfile_pkey",
ADD CONSTRAINT "MentorProfile_pkey" PRIMARY KEY ("schoolId", "id");

-- AlterTable
ALTER TABLE "MenteeProfile" DROP CONSTRAINT "MenteeProfile_pkey",
ADD CONSTRAINT "MenteeProfile_pkey" PRIMARY KEY ("schoolId", "id");

-- AlterTable
ALTER TABLE "Pairing" DROP CONSTRAINT "Pairing_pkey",
ADD CONSTRAINT "Pairing_pkey" PRIMARY KEY ("schoolId", "id");

-- AlterTable
ALTER TABLE "PairingMember" DROP CONSTRAINT "PairingMember_pkey",
ADD CONSTRAINT "PairingMember_pkey" PRIMARY KEY ("schoolId", "id");

-- AlterTable
ALTER TABLE "MentoringSession" DROP CONSTRAINT "MentoringSession_pkey",
ADD CONSTRAINT "MentoringSession_pkey" PRIMARY KEY ("schoolId", "id");

-- AlterTable
ALTER TABLE "SessionAttendance" DROP CONSTRAINT "SessionAttendance_pkey",
ADD CONSTRAINT "SessionAttendance_pkey" PRIMARY KEY ("schoolId", "id");

-- AlterTable
ALTER TABLE "PointEntry" DROP CONSTRAINT "PointEntry_pkey",
ADD CONSTRAINT "PointEntry_pkey" PRIMARY KEY ("schoolId", "id");

-- AlterTable
ALTER TABLE "Review" DROP CONSTRAINT "Review_pkey",
ADD CONSTRAINT "Review_pkey" PRIMARY KEY ("schoolId", "id");

-- AlterTable
ALTER TABLE "AuditLog" DROP CONSTRAINT "AuditLog_pkey",
ALTER COLUMN "schoolId" SET NOT NULL,
ADD CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("schoolId", "id");

-- AlterTable
ALTER TABLE "SignInAttempt" ALTER COLUMN "succeeded" DROP NOT NULL;

-- AlterTable
ALTER TABLE "KeepApart" DROP CONSTRAINT "KeepApart_pkey",
ADD CONSTRAINT "KeepApart_pkey" PRIMARY KEY ("schoolId", "id");

-- AlterTable
ALTER TABLE "IdempotencyKey" DROP CONSTRAINT "IdempotencyKey_pkey",
ADD CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("schoolId", "id");

-- CreateTable
CREATE TABLE "UserSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UserSession_userId_idx" ON "UserSession"("userId");

-- CreateIndex
CREATE INDEX "UserSession_expiresAt_idx" ON "UserSession"("expiresAt");

-- CreateIndex
CREATE INDEX "SecurityEvent_at_idx" ON "SecurityEvent"("at");

-- CreateIndex
CREATE INDEX "SecurityEvent_schoolId_at_idx" ON "SecurityEvent"("schoolId", "at");

-- CreateIndex
CREATE INDEX "SecurityEvent_userId_at_idx" ON "SecurityEvent"("userId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Student_schoolId_userId_key" ON "Student"("schoolId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "MentorProfile_schoolId_programmeId_studentId_key" ON "MentorProfile"("schoolId", "programmeId", "studentId");

-- CreateIndex
CREATE UNIQUE INDEX "MenteeProfile_schoolId_programmeId_studentId_key" ON "MenteeProfile"("schoolId", "programmeId", "studentId");

-- CreateIndex
CREATE UNIQUE INDEX "PairingMember_schoolId_pairingId_studentId_key" ON "PairingMember"("schoolId", "pairingId", "studentId");

-- CreateIndex
CREATE UNIQUE INDEX "SessionAttendance_schoolId_sessionId_studentId_key" ON "SessionAttendance"("schoolId", "sessionId", "studentId");

-- CreateIndex
CREATE INDEX "AuditLog_schoolId_recordType_recordId_idx" ON "AuditLog"("schoolId", "recordType", "recordId");

-- CreateIndex
CREATE INDEX "SignInAttempt_at_idx" ON "SignInAttempt"("at");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcademicYear" ADD CONSTRAINT "AcademicYear_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarPeriod" ADD CONSTRAINT "CalendarPeriod_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarPeriod" ADD CONSTRAINT "CalendarPeriod_schoolId_academicYearId_fkey" FOREIGN KEY ("schoolId", "academicYearId") REFERENCES "AcademicYear"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Student" ADD CONSTRAINT "Student_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Student" ADD CONSTRAINT "Student_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorProfile" ADD CONSTRAINT "MentorProfile_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorProfile" ADD CONSTRAINT "MentorProfile_schoolId_programmeId_fkey" FOREIGN KEY ("schoolId", "programmeId") REFERENCES "Programme"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorProfile" ADD CONSTRAINT "MentorProfile_schoolId_studentId_fkey" FOREIGN KEY ("schoolId", "studentId") REFERENCES "Student"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MenteeProfile" ADD CONSTRAINT "MenteeProfile_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MenteeProfile" ADD CONSTRAINT "MenteeProfile_schoolId_programmeId_fkey" FOREIGN KEY ("schoolId", "programmeId") REFERENCES "Programme"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MenteeProfile" ADD CONSTRAINT "MenteeProfile_schoolId_studentId_fkey" FOREIGN KEY ("schoolId", "studentId") REFERENCES "Student"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pairing" ADD CONSTRAINT "Pairing_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pairing" ADD CONSTRAINT "Pairing_schoolId_programmeId_fkey" FOREIGN KEY ("schoolId", "programmeId") REFERENCES "Programme"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairingMember" ADD CONSTRAINT "PairingMember_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairingMember" ADD CONSTRAINT "PairingMember_schoolId_pairingId_fkey" FOREIGN KEY ("schoolId", "pairingId") REFERENCES "Pairing"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairingMember" ADD CONSTRAINT "PairingMember_schoolId_studentId_fkey" FOREIGN KEY ("schoolId", "studentId") REFERENCES "Student"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentoringSession" ADD CONSTRAINT "MentoringSession_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentoringSession" ADD CONSTRAINT "MentoringSession_schoolId_pairingId_fkey" FOREIGN KEY ("schoolId", "pairingId") REFERENCES "Pairing"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionAttendance" ADD CONSTRAINT "SessionAttendance_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionAttendance" ADD CONSTRAINT "SessionAttendance_schoolId_sessionId_fkey" FOREIGN KEY ("schoolId", "sessionId") REFERENCES "MentoringSession"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionAttendance" ADD CONSTRAINT "SessionAttendance_schoolId_studentId_fkey" FOREIGN KEY ("schoolId", "studentId") REFERENCES "Student"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointEntry" ADD CONSTRAINT "PointEntry_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointEntry" ADD CONSTRAINT "PointEntry_schoolId_programmeId_fkey" FOREIGN KEY ("schoolId", "programmeId") REFERENCES "Programme"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointEntry" ADD CONSTRAINT "PointEntry_schoolId_studentId_fkey" FOREIGN KEY ("schoolId", "studentId") REFERENCES "Student"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_schoolId_pairingId_fkey" FOREIGN KEY ("schoolId", "pairingId") REFERENCES "Pairing"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeepApart" ADD CONSTRAINT "KeepApart_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeepApart" ADD CONSTRAINT "KeepApart_schoolId_studentAId_fkey" FOREIGN KEY ("schoolId", "studentAId") REFERENCES "Student"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeepApart" ADD CONSTRAINT "KeepApart_schoolId_studentBId_fkey" FOREIGN KEY ("schoolId", "studentBId") REFERENCES "Student"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdempotencyKey" ADD CONSTRAINT "IdempotencyKey_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdempotencyKey" ADD CONSTRAINT "IdempotencyKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointEntry" ADD CONSTRAINT "PointEntry_schoolId_reversesId_fkey" FOREIGN KEY ("schoolId", "reversesId") REFERENCES "PointEntry"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
