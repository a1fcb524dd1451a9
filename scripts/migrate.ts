// `npm run db:migrate`: the migrations, then the SQL the migration runner cannot run (the append-only
// and ended-is-final triggers in prisma/sql), against DATABASE_URL. `npm start` does the same.
import { migrateDeploy } from "./lib/prisma-cli";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set.");
  process.exit(1);
}
migrateDeploy(url, false);
console.log("Migrations and database rules applied.");
