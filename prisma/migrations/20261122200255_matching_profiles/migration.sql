-- AlterTable
ALTER TABLE "Student" ADD COLUMN     "aboutMe" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "availability" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "interests" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "livedExperience" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Programme" ADD COLUMN     "groupSize" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "isTrainingRequired" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "matchWeights" JSONB,
ADD COLUMN     "maxYearGap" INTEGER NOT NULL DEFAULT 4,
ADD COLUMN     "minYearGap" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "MentorProfile" ADD COLUMN     "strengths" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "MenteeProfile" ADD COLUMN     "focusAreas" "FocusArea"[] DEFAULT ARRAY[]::"FocusArea"[],
ADD COLUMN     "hasNoPreference" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "ranking" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Pairing" ADD COLUMN     "trainingOverrideReason" TEXT;

-- CreateTable
CREATE TABLE "KeepApart" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "studentAId" TEXT NOT NULL,
    "studentBId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KeepApart_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "KeepApart_schoolId_studentBId_idx" ON "KeepApart"("schoolId", "studentBId");

-- CreateIndex
CREATE UNIQUE INDEX "KeepApart_schoolId_studentAId_studentBId_key" ON "KeepApart"("schoolId", "studentAId", "studentBId");

-- AddForeignKey
ALTER TABLE "KeepApart" ADD CONSTRAINT "KeepApart_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeepApart" ADD CONSTRAINT "KeepApart_schoolId_studentAId_fkey" FOREIGN KEY ("schoolId", "studentAId") REFERENCES "Student"("schoolId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeepApart" ADD CONSTRAINT "KeepApart_schoolId_studentBId_fkey" FOREIGN KEY ("schoolId", "studentBId") REFERENCES "Student"("schoolId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeepApart" ADD CONSTRAINT "KeepApart_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A pair is stored once, in order, so the unique index covers both directions.
ALTER TABLE "KeepApart" ADD CONSTRAINT "KeepApart_ordered_pair" CHECK ("studentAId" < "studentBId");
