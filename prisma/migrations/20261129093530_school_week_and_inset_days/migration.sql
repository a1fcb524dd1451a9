-- AlterEnum
ALTER TYPE "CalendarKind" ADD VALUE 'INSET';

-- AlterTable
ALTER TABLE "School" ADD COLUMN     "weekAStarts" DATE[] DEFAULT ARRAY[]::DATE[];

-- CreateIndex
CREATE UNIQUE INDEX "CalendarPeriod_schoolId_kind_startsOn_key" ON "CalendarPeriod"("schoolId", "kind", "startsOn");

