-- AlterTable
ALTER TABLE "UserSession" ADD COLUMN     "ssoOrganisation" TEXT,
ADD COLUMN     "ssoProvider" "SsoProvider",
ADD COLUMN     "totpPendingSecret" TEXT;

