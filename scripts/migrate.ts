// `npm run db:migrate`: the one migrate path (scripts/lib/prisma-cli.ts), as `npm start` runs it: the
// migrations and the database's own rules (prisma/sql) as the owner (MIGRATE_DATABASE_URL), then the
// app role's rights for DATABASE_URL's role (ADR 003).
import { migrateDeploy, ownerUrlFromEnv } from "./lib/prisma-cli";

const appUrl = process.env.DATABASE_URL;
if (!appUrl) {
  console.error("DATABASE_URL (the app's role) is not set. MIGRATE_DATABASE_URL (the owner) is used to migrate when set.");
  process.exit(1);
}
const { ownerUrl, warning } = ownerUrlFromEnv();
if (warning) console.warn(warning);
try {
  migrateDeploy(ownerUrl, { appUrl, quiet: false });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
console.log("Migrations, database rules and the app role's rights applied.");
