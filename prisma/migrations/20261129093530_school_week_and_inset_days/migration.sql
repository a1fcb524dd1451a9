-- AlterEnum
ALTER TYPE "CalendarKind" ADD VALUE 'INSET';

-- AlterTable
ALTER TABLE "School" ADD COLUMN     "weekAStarts" DATE[] DEFAULT ARRAY[]::DATE[];

-- A period's natural key is (school, kind, first day): dates entered twice before this rule are the
-- same period, so all but the first entered go (nothing refers to a calendar period).
DELETE FROM "CalendarPeriod" later
USING "CalendarPeriod" earlier
WHERE later."schoolId" = earlier."schoolId"
  AND later."kind" = earlier."kind"
  AND later."startsOn" = earlier."startsOn"
  AND later."id" > earlier."id";

-- CreateIndex
CREATE UNIQUE INDEX "CalendarPeriod_schoolId_kind_startsOn_key" ON "CalendarPeriod"("schoolId", "kind", "startsOn");

