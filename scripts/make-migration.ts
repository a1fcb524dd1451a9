// Creates a migration from the difference between the committed schema.prisma and the working
// copy, with a throwaway embedded PostgreSQL for the CLI's adapter (ADR 001). Commit the schema
// together with its migration.
// Usage: npm run db:make-migration -- name_of_change
import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { freePort, startEmbeddedDb, tempDataDir } from "./lib/embedded-db";
import { prismaCli } from "./lib/prisma-cli";

async function main() {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("Give a name: npm run db:make-migration -- add_something");
  const db = await startEmbeddedDb({ dataDir: tempDataDir("migrate"), port: await freePort(), persistent: false, quiet: true });
  try {
    const migrationsDir = path.join(__dirname, "..", "prisma", "migrations");
    const hasMigrations = fs.readdirSync(migrationsDir).some((f) => /^\d/.test(f));
    // The CLI refuses --from-url with a driver adapter, so diff two datamodels: the schema as
    // committed (which the migrations already produce) against the working copy.
    let from = ["--from-empty"];
    if (hasMigrations) {
      const previous = path.join(path.dirname(db.dataDir), "previous.prisma");
      fs.writeFileSync(previous, execSync("git show HEAD:prisma/schema.prisma", { encoding: "utf8" }));
      from = ["--from-schema-datamodel", previous];
    }
    const sql = prismaCli(["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"], db.ownerUrl, {
      quiet: true,
    });
    if (/^-- This is an empty migration/m.test(sql) || sql.trim() === "") {
      console.log("No changes: schema.prisma matches the migrations.");
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  } finally {
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
