// Ready to shard by school (ADR 003): past one database, the school-owned tables are distributed over
// a Citus cluster by schoolId. That works only if every school-owned table's primary key is
// (schoolId, id), every unique key includes schoolId, every foreign key to another school-owned table
// includes schoolId on both sides, and schoolId is never null. This test reads the Prisma schema
// (what later issues edit) and the migrated database (what the migrations made of it).
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

/** Tables with no school: they become Citus reference tables, or stay on the coordinator. */
// RecoveryCode (issue 12) belongs to a user, like their sessions: a user may work at several schools.
const GLOBAL_TABLES = new Set(["School", "User", "UserSession", "SignInAttempt", "SecurityEvent", "RecoveryCode"]);

type Model = { name: string; fields: Map<string, { type: string; optional: boolean; attrs: string }>; blockAttrs: string[] };

function parseModels(schema: string): Model[] {
  const models: Model[] = [];
  for (const match of schema.matchAll(/^model (\w+) \{\n([\s\S]*?)\n\}/gm)) {
    const fields = new Map<string, { type: string; optional: boolean; attrs: string }>();
    const blockAttrs: string[] = [];
    for (const raw of match[2]!.split("\n")) {
      const line = raw.replace(/\/\/.*$/, "").trim();
      if (!line) continue;
      if (line.startsWith("@@")) {
        blockAttrs.push(line);
        continue;
      }
      const [name, type, ...rest] = line.split(/\s+/);
      fields.set(name!, { type: type!.replace(/[?[\]]/g, ""), optional: type!.endsWith("?"), attrs: rest.join(" ") });
    }
    models.push({ name: match[1]!, fields, blockAttrs });
  }
  return models;
}

const names = (list: string | undefined) =>
  (list ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
/** The list after `key:` in an attribute, e.g. fields: [schoolId, studentId]. */
const listIn = (text: string, key: string) => names(new RegExp(`${key}:\\s*\\[([^\\]]*)\\]`).exec(text)?.[1]);
/** An attribute's first list, e.g. @@unique([schoolId, upn]). */
const firstList = (attr: string) => names(/\(\s*\[([^\]]*)\]/.exec(attr)?.[1]);

/** Every way a school-owned model in this schema would not distribute by schoolId. */
export function shardingProblems(schema: string): string[] {
  const models = parseModels(schema);
  const names = new Set(models.map((m) => m.name));
  const problems: string[] = [];
  for (const model of models) {
    if (GLOBAL_TABLES.has(model.name)) continue;
    const schoolId = model.fields.get("schoolId");
    if (!schoolId) {
      problems.push(`${model.name}: no schoolId (add it, or list the table as global in this test with a reason)`);
      continue;
    }
    if (schoolId.optional) problems.push(`${model.name}: schoolId may be null`);
    const primary = model.blockAttrs.find((a) => a.startsWith("@@id("));
    if (!primary || firstList(primary).join(",") !== "schoolId,id") problems.push(`${model.name}: primary key is not (schoolId, id)`);
    for (const [name, field] of model.fields) {
      if (/@id\b/.test(field.attrs)) problems.push(`${model.name}.${name}: a primary key of its own (use @@id([schoolId, id]))`);
      if (/@unique\b/.test(field.attrs)) problems.push(`${model.name}.${name}: unique on its own, without schoolId`);
      const relation = /@relation\(([^)]*)\)/.exec(field.attrs)?.[1];
      if (relation && names.has(field.type) && !GLOBAL_TABLES.has(field.type)) {
        const fields = listIn(relation, "fields");
        const references = listIn(relation, "references");
        if (fields.length > 0 && (fields[0] !== "schoolId" || references[0] !== "schoolId"))
          problems.push(`${model.name}.${name}: foreign key to ${field.type} without schoolId on both sides`);
      }
    }
    for (const attr of model.blockAttrs.filter((a) => a.startsWith("@@unique("))) {
      if (!firstList(attr).includes("schoolId")) problems.push(`${model.name}: ${attr} without schoolId`);
    }
  }
  return problems;
}

describe("ready to shard by school", () => {
  it("the Prisma schema: every school-owned table, unique key and foreign key distributes by schoolId", () => {
    const schema = fs.readFileSync(path.join(__dirname, "..", "..", "prisma", "schema.prisma"), "utf8");
    expect(shardingProblems(schema)).toEqual([]);
  });

  it("the check itself catches each kind of problem", () => {
    const bad = `model Thing {
  id        String  @id @default(cuid())
  schoolId  String?
  email     String  @unique
  studentId String
  student   Student @relation(fields: [studentId], references: [id])

  @@unique([studentId, email])
}

model Student {
  id       String @default(cuid())
  schoolId String

  @@id([schoolId, id])
}

model Loose {
  id String @id
}`;
    expect(shardingProblems(bad)).toEqual([
      "Thing: schoolId may be null",
      "Thing: primary key is not (schoolId, id)",
      "Thing.id: a primary key of its own (use @@id([schoolId, id]))",
      "Thing.email: unique on its own, without schoolId",
      "Thing.student: foreign key to Student without schoolId on both sides",
      "Thing: @@unique([studentId, email]) without schoolId",
      "Loose: no schoolId (add it, or list the table as global in this test with a reason)",
    ]);
  });

  describe("the migrated database", () => {
    let client: pg.Client;
    beforeAll(async () => {
      client = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
      await client.connect();
    });
    afterAll(() => client.end());

    it("has the same shape: keys with schoolId first, no nullable schoolId, no unique key without it", async () => {
      const { rows } = await client.query<{ problem: string }>(
        `
        WITH owned AS (
          SELECT c.oid, c.relname FROM pg_class c
          JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'schoolId' AND NOT a.attisdropped
          WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relname <> ALL ($1)
        )
        SELECT o.relname || ': schoolId may be null' AS problem FROM owned o
          JOIN pg_attribute a ON a.attrelid = o.oid AND a.attname = 'schoolId' WHERE NOT a.attnotnull
        UNION ALL
        SELECT o.relname || ': ' || i.indexrelid::regclass::text || ' is unique without schoolId' FROM owned o
          JOIN pg_index i ON i.indrelid = o.oid AND i.indisunique
          WHERE NOT EXISTS (SELECT 1 FROM unnest(i.indkey) k JOIN pg_attribute a ON a.attrelid = o.oid AND a.attnum = k
                            WHERE a.attname = 'schoolId')
        UNION ALL
        SELECT o.relname || ': primary key is not (schoolId, id)' FROM owned o
          WHERE (SELECT array_agg(a.attname::text ORDER BY k.n) FROM pg_index i, unnest(i.indkey) WITH ORDINALITY k(attnum, n)
                 JOIN pg_attribute a ON a.attrelid = o.oid AND a.attnum = k.attnum
                 WHERE i.indrelid = o.oid AND i.indisprimary) IS DISTINCT FROM ARRAY['schoolId', 'id']
        UNION ALL
        SELECT o.relname || ': ' || f.conname || ' lacks schoolId' FROM owned o
          JOIN pg_constraint f ON f.conrelid = o.oid AND f.contype = 'f'
          JOIN pg_class target ON target.oid = f.confrelid
          WHERE target.relname <> ALL ($1)
            AND NOT EXISTS (SELECT 1 FROM unnest(f.conkey) k JOIN pg_attribute a ON a.attrelid = o.oid AND a.attnum = k
                            WHERE a.attname = 'schoolId')
        UNION ALL
        SELECT c.relname || ': a table with no schoolId that is not listed as global' FROM pg_class c
          WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relname <> ALL ($1)
            AND c.relname <> '_prisma_migrations' AND c.oid NOT IN (SELECT oid FROM owned)
      `,
        [[...GLOBAL_TABLES]],
      );
      expect(rows.map((r) => r.problem)).toEqual([]);
    });
  });
});
