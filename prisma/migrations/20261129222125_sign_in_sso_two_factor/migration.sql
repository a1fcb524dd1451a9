-- CreateEnum
CREATE TYPE "SsoProvider" AS ENUM ('GOOGLE', 'MICROSOFT', 'OIDC');

-- CreateEnum
CREATE TYPE "SignInMethod" AS ENUM ('PASSWORD', 'SSO');

-- CreateEnum
CREATE TYPE "SecondFactorStep" AS ENUM ('SET_UP', 'CODE');

-- AlterTable
ALTER TABLE "School" ADD COLUMN     "requireTwoFactor" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "totpConfirmedAt" TIMESTAMP(3),
ADD COLUMN     "totpLastStep" INTEGER,
ADD COLUMN     "totpSecret" TEXT;

-- AlterTable
ALTER TABLE "UserSession" ADD COLUMN     "method" "SignInMethod" NOT NULL DEFAULT 'PASSWORD',
ADD COLUMN     "secondFactor" "SecondFactorStep";

-- CreateTable
CREATE TABLE "SsoBinding" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "provider" "SsoProvider" NOT NULL,
    "value" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SsoBinding_pkey" PRIMARY KEY ("schoolId","id")
);

-- CreateTable
CREATE TABLE "RecoveryCode" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "RecoveryCode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SsoBinding_provider_value_idx" ON "SsoBinding"("provider", "value");

-- CreateIndex
CREATE UNIQUE INDEX "SsoBinding_schoolId_provider_value_key" ON "SsoBinding"("schoolId", "provider", "value");

-- CreateIndex
CREATE UNIQUE INDEX "RecoveryCode_codeHash_key" ON "RecoveryCode"("codeHash");

-- CreateIndex
CREATE INDEX "RecoveryCode_userId_idx" ON "RecoveryCode"("userId");

-- AddForeignKey
ALTER TABLE "SsoBinding" ADD CONSTRAINT "SsoBinding_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "SsoBinding" ADD CONSTRAINT "SsoBinding_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "RecoveryCode" ADD CONSTRAINT "RecoveryCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

