-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('ADMIN', 'COORDINATOR', 'TEACHER', 'DSL');

-- CreateEnum
CREATE TYPE "StudentStatus" AS ENUM ('ON_ROLL', 'LEFT', 'ALUMNI');

-- CreateEnum
CREATE TYPE "CalendarKind" AS ENUM ('TERM', 'HALF_TERM', 'HOLIDAY');

-- CreateEnum
CREATE TYPE "FocusArea" AS ENUM ('BULLYING', 'ATTENDANCE', 'LATENESS', 'BEHAVIOUR', 'ONLINE_SAFETY', 'TRANSITION', 'WELLBEING', 'SEND_INCLUSION');

-- CreateEnum
CREATE TYPE "ProgrammeFormat" AS ENUM ('ONE_TO_ONE', 'GROUP', 'BOTH');

-- CreateEnum
CREATE TYPE "Cadence" AS ENUM ('WEEKLY', 'FORTNIGHTLY');

-- CreateEnum
CREATE TYPE "ProgrammeStatus" AS ENUM ('DRAFT', 'ACTIVE', 'CLOSED');

-- CreateEnum
CREATE TYPE "PairingKind" AS ENUM ('ONE_TO_ONE', 'GROUP');

-- CreateEnum
CREATE TYPE "PairingStatus" AS ENUM ('TRIAL', 'ACTIVE', 'PAUSED', 'ENDED');

-- CreateEnum
CREATE TYPE "ClosureReason" AS ENUM ('GOALS_MET', 'MISMATCH', 'MENTOR_LEFT', 'MENTEE_REQUEST', 'SAFEGUARDING', 'PROGRAMME_ENDED', 'OTHER');

-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('MENTOR', 'MENTEE');

-- CreateEnum
CREATE TYPE "Activity" AS ENUM ('GETTING_TO_KNOW_ME', 'HOMEWORK_HELP', 'PROBLEM_SOLVING', 'ONLINE_SAFETY', 'READING', 'GAMES', 'CHECK_IN', 'OTHER');

-- CreateEnum
CREATE TYPE "Attendance" AS ENUM ('PRESENT', 'LATE', 'ABSENT');

-- CreateEnum
CREATE TYPE "PointCategory" AS ENUM ('ATTENDANCE', 'EFFORT', 'KINDNESS', 'PUNCTUALITY', 'BEHAVIOUR', 'LEADERSHIP', 'OTHER');

-- CreateEnum
CREATE TYPE "ReviewDecision" AS ENUM ('CONTINUE', 'ADJUST', 'REPAIR', 'END');

-- CreateTable
CREATE TABLE "School" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'Europe/London',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "School_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "disabledAt" TIMESTAMP(3),
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "roles" "StaffRole"[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AcademicYear" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "startYear" INTEGER NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,

    CONSTRAINT "AcademicYear_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarPeriod" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "academicYearId" TEXT NOT NULL,
    "kind" "CalendarKind" NOT NULL,
    "name" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,

    CONSTRAINT "CalendarPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Student" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "legalFirstName" TEXT NOT NULL,
    "legalLastName" TEXT NOT NULL,
    "preferredName" TEXT,
    "upn" TEXT NOT NULL,
    "cohortYear" INTEGER NOT NULL,
    "tutorGroup" TEXT NOT NULL,
    "status" "StudentStatus" NOT NULL DEFAULT 'ON_ROLL',
    "userId" TEXT,
    "hasSend" BOOLEAN NOT NULL DEFAULT false,
    "sendNotes" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Student_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Programme" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "focusAreas" "FocusArea"[],
    "format" "ProgrammeFormat" NOT NULL DEFAULT 'BOTH',
    "cadence" "Cadence" NOT NULL DEFAULT 'WEEKLY',
    "sessionMinutes" INTEGER NOT NULL DEFAULT 20,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "status" "ProgrammeStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Programme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentorProfile" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL DEFAULT 1,
    "trainingComplete" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MentorProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MenteeProfile" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MenteeProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pairing" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "kind" "PairingKind" NOT NULL,
    "name" TEXT,
    "status" "PairingStatus" NOT NULL DEFAULT 'TRIAL',
    "startsOn" DATE NOT NULL,
    "trialEndsOn" DATE,
    "endsOn" DATE,
    "closureReason" "ClosureReason",
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Pairing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PairingMember" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "pairingId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "role" "MemberRole" NOT NULL,

    CONSTRAINT "PairingMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentoringSession" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "pairingId" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "activity" "Activity" NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "loggedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MentoringSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionAttendance" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "attendance" "Attendance" NOT NULL,
    "mood" INTEGER,

    CONSTRAINT "SessionAttendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PointEntry" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "category" "PointCategory" NOT NULL,
    "reason" TEXT NOT NULL,
    "awardedById" TEXT NOT NULL,
    "reversesId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PointEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Review" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "pairingId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "progress" INTEGER NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "decision" "ReviewDecision" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT,
    "actorUserId" TEXT,
    "action" TEXT NOT NULL,
    "recordType" TEXT NOT NULL,
    "recordId" TEXT,
    "changes" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInAttempt" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Membership_schoolId_idx" ON "Membership"("schoolId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_schoolId_key" ON "Membership"("userId", "schoolId");

-- CreateIndex
CREATE UNIQUE INDEX "AcademicYear_schoolId_id_key" ON "AcademicYear"("schoolId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "AcademicYear_schoolId_startYear_key" ON "AcademicYear"("schoolId", "startYear");

-- CreateIndex
CREATE INDEX "CalendarPeriod_schoolId_startsOn_idx" ON "CalendarPeriod"("schoolId", "startsOn");

-- CreateIndex
CREATE UNIQUE INDEX "Student_userId_key" ON "Student"("userId");

-- CreateIndex
CREATE INDEX "Student_schoolId_legalLastName_idx" ON "Student"("schoolId", "legalLastName");

-- CreateIndex
CREATE UNIQUE INDEX "Student_schoolId_id_key" ON "Student"("schoolId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Student_schoolId_upn_key" ON "Student"("schoolId", "upn");

-- CreateIndex
CREATE INDEX "Programme_schoolId_status_idx" ON "Programme"("schoolId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Programme_schoolId_id_key" ON "Programme"("schoolId", "id");

-- CreateIndex
CREATE INDEX "MentorProfile_schoolId_programmeId_idx" ON "MentorProfile"("schoolId", "programmeId");

-- CreateIndex
CREATE UNIQUE INDEX "MentorProfile_schoolId_id_key" ON "MentorProfile"("schoolId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "MentorProfile_programmeId_studentId_key" ON "MentorProfile"("programmeId", "studentId");

-- CreateIndex
CREATE INDEX "MenteeProfile_schoolId_programmeId_idx" ON "MenteeProfile"("schoolId", "programmeId");

-- CreateIndex
CREATE UNIQUE INDEX "MenteeProfile_schoolId_id_key" ON "MenteeProfile"("schoolId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "MenteeProfile_programmeId_studentId_key" ON "MenteeProfile"("programmeId", "studentId");

-- CreateIndex
CREATE INDEX "Pairing_schoolId_programmeId_status_idx" ON "Pairing"("schoolId", "programmeId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Pairing_schoolId_id_key" ON "Pairing"("schoolId", "id");

-- CreateIndex
CREATE INDEX "PairingMember_schoolId_studentId_idx" ON "PairingMember"("schoolId", "studentId");

-- CreateIndex
CREATE UNIQUE INDEX "PairingMember_pairingId_studentId_key" ON "PairingMember"("pairingId", "studentId");

-- CreateIndex
CREATE INDEX "MentoringSession_schoolId_pairingId_heldOn_idx" ON "MentoringSession"("schoolId", "pairingId", "heldOn");

-- CreateIndex
CREATE UNIQUE INDEX "MentoringSession_schoolId_id_key" ON "MentoringSession"("schoolId", "id");

-- CreateIndex
CREATE INDEX "SessionAttendance_schoolId_studentId_idx" ON "SessionAttendance"("schoolId", "studentId");

-- CreateIndex
CREATE UNIQUE INDEX "SessionAttendance_sessionId_studentId_key" ON "SessionAttendance"("sessionId", "studentId");

-- CreateIndex
CREATE INDEX "PointEntry_schoolId_programmeId_studentId_idx" ON "PointEntry"("schoolId", "programmeId", "studentId");

-- CreateIndex
CREATE INDEX "PointEntry_schoolId_createdAt_idx" ON "PointEntry"("schoolId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PointEntry_schoolId_id_key" ON "PointEntry"("schoolId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "PointEntry_schoolId_reversesId_key" ON "PointEntry"("schoolId", "reversesId");

-- CreateIndex
CREATE INDEX "Review_schoolId_pairingId_idx" ON "Review"("schoolId", "pairingId");

-- CreateIndex
CREATE INDEX "AuditLog_schoolId_at_idx" ON "AuditLog"("schoolId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_recordType_recordId_idx" ON "AuditLog"("recordType", "recordId");

-- CreateIndex
CREATE INDEX "SignInAttempt_email_at_idx" ON "SignInAttempt"("email", "at");

-- CreateIndex
CREATE INDEX "SignInAttempt_ip_at_idx" ON "SignInAttempt"("ip", "at");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcademicYear" ADD CONSTRAINT "AcademicYear_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarPeriod" ADD CONSTRAINT "CalendarPeriod_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarPeriod" ADD CONSTRAINT "CalendarPeriod_schoolId_academicYearId_fkey" FOREIGN KEY ("schoolId", "academicYearId") REFERENCES "AcademicYear"("schoolId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Student" ADD CONSTRAINT "Student_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Student" ADD CONSTRAINT "Student_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorProfile" ADD CONSTRAINT "MentorProfile_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorProfile" ADD CONSTRAINT "MentorProfile_schoolId_programmeId_fkey" FOREIGN KEY ("schoolId", "programmeId") REFERENCES "Programme"("schoolId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorProfile" ADD CONSTRAINT "MentorProfile_schoolId_studentId_fkey" FOREIGN KEY ("schoolId", "studentId") REFERENCES "Student"("schoolId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MenteeProfile" ADD CONSTRAINT "MenteeProfile_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MenteeProfile" ADD CONSTRAINT "MenteeProfile_schoolId_programmeId_fkey" FOREIGN KEY ("schoolId", "programmeId") REFERENCES "Programme"("schoolId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MenteeProfile" ADD CONSTRAINT "MenteeProfile_schoolId_studentId_fkey" FOREIGN KEY ("schoolId", "studentId") REFERENCES "Student"("schoolId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pairing" ADD CONSTRAINT "Pairing_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pairing" ADD CONSTRAINT "Pairing_schoolId_programmeId_fkey" FOREIGN KEY ("schoolId", "programmeId") REFERENCES "Programme"("schoolId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pairing" ADD CONSTRAINT "Pairing_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairingMember" ADD CONSTRAINT "PairingMember_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairingMember" ADD CONSTRAINT "PairingMember_schoolId_pairingId_fkey" FOREIGN KEY ("schoolId", "pairingId") REFERENCES "Pairing"("schoolId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PairingMember" ADD CONSTRAINT "PairingMember_schoolId_studentId_fkey" FOREIGN KEY ("schoolId", "studentId") REFERENCES "Student"("schoolId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentoringSession" ADD CONSTRAINT "MentoringSession_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentoringSession" ADD CONSTRAINT "MentoringSession_schoolId_pairingId_fkey" FOREIGN KEY ("schoolId", "pairingId") REFERENCES "Pairing"("schoolId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentoringSession" ADD CONSTRAINT "MentoringSession_loggedById_fkey" FOREIGN KEY ("loggedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionAttendance" ADD CONSTRAINT "SessionAttendance_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionAttendance" ADD CONSTRAINT "SessionAttendance_schoolId_sessionId_fkey" FOREIGN KEY ("schoolId", "sessionId") REFERENCES "MentoringSession"("schoolId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionAttendance" ADD CONSTRAINT "SessionAttendance_schoolId_studentId_fkey" FOREIGN KEY ("schoolId", "studentId") REFERENCES "Student"("schoolId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointEntry" ADD CONSTRAINT "PointEntry_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointEntry" ADD CONSTRAINT "PointEntry_schoolId_programmeId_fkey" FOREIGN KEY ("schoolId", "programmeId") REFERENCES "Programme"("schoolId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointEntry" ADD CONSTRAINT "PointEntry_schoolId_studentId_fkey" FOREIGN KEY ("schoolId", "studentId") REFERENCES "Student"("schoolId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointEntry" ADD CONSTRAINT "PointEntry_awardedById_fkey" FOREIGN KEY ("awardedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointEntry" ADD CONSTRAINT "PointEntry_schoolId_reversesId_fkey" FOREIGN KEY ("schoolId", "reversesId") REFERENCES "PointEntry"("schoolId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_schoolId_pairingId_fkey" FOREIGN KEY ("schoolId", "pairingId") REFERENCES "Pairing"("schoolId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

