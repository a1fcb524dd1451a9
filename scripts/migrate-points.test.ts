// The migration that gave each school its own point categories (ADR 024) maps the append-only ledger's
// existing rows without the trigger ever being off: build a database at the migration before it, write
// ledger rows with the old categories (one corrected), apply it, and check where every row landed.
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const root = path.resolve(__dirname, "..");
const migrations = path.join(root, "prisma", "migrations");
const TARGET = "20261129161407_points_categories_and_boards";
const withDatabase = (url: string, database: string) => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};
const read = (file: string) => fs.readFileSync(file, "utf8");

describe(`migration ${TARGET}`, () => {
  const database = `points_${randomUUID().slice(0, 8)}`;
  let admin: pg.Client;
  let owner: pg.Client;
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    owner = new pg.Client({ connectionString: withDatabase(inject("ownerDatabaseUrl"), database) });
    await owner.connect();
    const before = fs
      .readdirSync(migrations)
      .filter((d) => /^\d/.test(d) && d < TARGET)
      .sort();
    for (const dir of before) await owner.query(read(path.join(migrations, dir, "migration.sql")));
    // The database's own rules as the deploy applies them: the append-only triggers among them.
    for (const file of fs.readdirSync(path.join(root, "prisma", "sql")).sort())
      await owner.query(read(path.join(root, "prisma", "sql", file)));

    await owner.query(`INSERT INTO "School" ("id", "name") VALUES ('s1', 'One'), ('s2', 'Two')`);
    await owner.query(`INSERT INTO "User" ("id", "email", "name", "passwordHash") VALUES ('u1', 'u1@test.example', 'Staff', 'x')`);
    for (const school of ["s1", "s2"]) {
      await owner.query(
        `INSERT INTO "Student" ("id", "schoolId", "legalFirstName", "legalLastName", "upn", "cohortYear", "tutorGroup")
         VALUES ($1, $2, 'Maya', 'Patel', $3, 2019, '8A')`,
        [`p-${school}`, school, `UPN${school}`],
      );
      await owner.query(`INSERT INTO "Programme" ("id", "schoolId", "name", "startsOn") VALUES ($1, $2, 'Mentoring', '2026-09-01')`, [
        `g-${school}`,
        school,
      ]);
    }
    const entry = (id: string, school: string, amount: number, category: string, reversesId: string | null = null) =>
      owner.query(
        `INSERT INTO "PointEntry" ("id", "schoolId", "programmeId", "studentId", "amount", "category", "reason", "awardedById", "reversesId")
         VALUES ($1, $2, $3, $4, $5, $6::"PointCategory", 'Because', 'u1', $7)`,
        [id, school, `g-${school}`, `p-${school}`, amount, category, reversesId],
      );
    await entry("e1", "s1", 3, "KINDNESS");
    await entry("e2", "s1", -2, "BEHAVIOUR");
    await entry("e3", "s1", -3, "KINDNESS", "e1");
    await entry("e4", "s2", 1, "ATTENDANCE");
    await entry("e5", "s2", 2, "OTHER");

    await owner.query(read(path.join(migrations, TARGET, "migration.sql")));
  }, 120_000);
  afterAll(async () => {
    await owner?.end();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  });

  it("gives every school the default categories, one negative", async () => {
    const { rows } = await owner.query<{ schoolId: string; name: string; defaultAmount: number }>(
      `SELECT "schoolId", "name", "defaultAmount" FROM "PointCategory" ORDER BY "schoolId", "sortOrder"`,
    );
    const names = ["Attendance", "Effort", "Kindness", "Punctuality", "Behaviour", "Leadership", "Other", "Points lost"];
    for (const school of ["s1", "s2"]) expect(rows.filter((r) => r.schoolId === school).map((r) => r.name)).toEqual(names);
    expect(rows.filter((r) => r.defaultAmount < 0).map((r) => r.name)).toEqual(["Points lost", "Points lost"]);
  });

  it("points every ledger row at its own school's category of the same name, amounts and corrections untouched", async () => {
    const { rows } = await owner.query<{ id: string; schoolId: string; amount: number; name: string; reversesId: string | null }>(
      `SELECT e."id", e."schoolId", e."amount", c."name", e."reversesId"
       FROM "PointEntry" e JOIN "PointCategory" c ON c."schoolId" = e."schoolId" AND c."id" = e."categoryId" ORDER BY e."id"`,
    );
    expect(rows).toEqual([
      { id: "e1", schoolId: "s1", amount: 3, name: "Kindness", reversesId: null },
      { id: "e2", schoolId: "s1", amount: -2, name: "Behaviour", reversesId: null },
      { id: "e3", schoolId: "s1", amount: -3, name: "Kindness", reversesId: "e1" },
      { id: "e4", schoolId: "s2", amount: 1, name: "Attendance", reversesId: null },
      { id: "e5", schoolId: "s2", amount: 2, name: "Other", reversesId: null },
    ]);
  });

  it("leaves the ledger append-only: the trigger still on and an UPDATE still refused, the owner's too", async () => {
    const { rows } = await owner.query<{ tgenabled: string }>(
      `SELECT tgenabled FROM pg_trigger WHERE tgname = 'PointEntry_append_only' AND tgrelid = '"PointEntry"'::regclass`,
    );
    expect(rows).toEqual([{ tgenabled: "O" }]);
    await expect(owner.query(`UPDATE "PointEntry" SET "amount" = 10 WHERE "id" = 'e1'`)).rejects.toThrow();
    // The new foreign key holds: a row naming a category of another school is refused.
    const { rows: other } = await owner.query<{ id: string }>(`SELECT "id" FROM "PointCategory" WHERE "schoolId" = 's2' LIMIT 1`);
    await expect(
      owner.query(
        `INSERT INTO "PointEntry" ("id", "schoolId", "programmeId", "studentId", "amount", "categoryId", "reason", "awardedById")
         VALUES ('e9', 's1', 'g-s1', 'p-s1', 1, $1, 'x', 'u1')`,
        [other[0]!.id],
      ),
    ).rejects.toThrow(/foreign key/);
    const { rows: types } = await owner.query(`SELECT 1 FROM pg_type WHERE typname = 'PointCategoryLegacy'`);
    expect(types).toEqual([]);
  });
});
