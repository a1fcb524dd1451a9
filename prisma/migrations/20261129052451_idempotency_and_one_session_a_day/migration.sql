-- DropIndex
DROP INDEX "MentoringSession_schoolId_pairingId_heldOn_idx";

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "command" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "result" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IdempotencyKey_createdAt_idx" ON "IdempotencyKey"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "IdempotencyKey_schoolId_userId_key_key" ON "IdempotencyKey"("schoolId", "userId", "key");

-- One session per pairing per day (ADR 010). Sessions logged twice for the same day before this rule
-- (double taps) are folded into the first one logged, with their attendance rows.
DELETE FROM "MentoringSession" later
USING "MentoringSession" earlier
WHERE later."schoolId" = earlier."schoolId"
  AND later."pairingId" = earlier."pairingId"
  AND later."heldOn" = earlier."heldOn"
  AND (later."createdAt", later."id") > (earlier."createdAt", earlier."id");

-- CreateIndex
CREATE UNIQUE INDEX "MentoringSession_schoolId_pairingId_heldOn_key" ON "MentoringSession"("schoolId", "pairingId", "heldOn");

-- AddForeignKey
ALTER TABLE "IdempotencyKey" ADD CONSTRAINT "IdempotencyKey_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdempotencyKey" ADD CONSTRAINT "IdempotencyKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

