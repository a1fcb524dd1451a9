// `npm run db:migrate` is the deploy's migrate path: it must leave a database exactly as `npm start`
// and the tests do, with the append-only triggers, the owner's functions and the app role's rights.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ownerUrlFromEnv } from "./lib/prisma-cli";

const root = path.resolve(__dirname, "..");
const withDatabase = (url: string, database: string) => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};

describe("npm run db:migrate", () => {
  const database = `migrate_${randomUUID().slice(0, 8)}`;
  let admin: pg.Client;
  let fresh: pg.Client;
  let output = "";
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    const ownerUrl = withDatabase(inject("ownerDatabaseUrl"), database);
    const appUrl = withDatabase(inject("databaseUrl"), database);
    output = execFileSync(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/migrate.ts"], {
      cwd: root,
      env: { ...process.env, MIGRATE_DATABASE_URL: ownerUrl, DATABASE_URL: appUrl },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    fresh = new pg.Client({ connectionString: ownerUrl });
    await fresh.connect();
  }, 120_000);
  afterAll(async () => {
    await fresh?.end();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  });

  it("installs the append-only triggers, for rows and for TRUNCATE", async () => {
    expect(output).toMatch(/applied/);
    const { rows } = await fresh.query<{ tgname: string }>(
      `SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgrelid::regclass::text IN ('"PointEntry"', '"AuditLog"', '"SecurityEvent"', '"Pairing"') ORDER BY tgname`,
    );
    expect(rows.map((r) => r.tgname)).toEqual([
      "AuditLog_append_only",
      "AuditLog_append_only_truncate",
      "Pairing_ended_is_final",
      "PointEntry_append_only",
      "PointEntry_append_only_truncate",
      "SecurityEvent_append_only",
      "SecurityEvent_append_only_truncate",
    ]);
  });

  it("creates the owner's erasure function, callable by the app role only", async () => {
    const { rows } = await fresh.query<{ definer: boolean; app: boolean; public: boolean }>(
      `SELECT p.prosecdef AS definer,
              has_function_privilege('peerpath_app', p.oid, 'EXECUTE') AS app,
              EXISTS (SELECT 1 FROM aclexplode(p.proacl) a WHERE a.grantee = 0) AS public
       FROM pg_proc p WHERE p.proname = 'peerpath_anonymise_pupil_free_text'`,
    );
    expect(rows).toEqual([{ definer: true, app: true, public: false }]);
  });

  it("gives the app role only what it needs: read and add on append-only tables, no deletes of people or schools", async () => {
    const { rows } = await fresh.query<{ table: string; rights: string }>(
      `SELECT t AS table, concat_ws(',',
          CASE WHEN has_table_privilege('peerpath_app', format('%I', t), 'SELECT') THEN 'SELECT' END,
          CASE WHEN has_table_privilege('peerpath_app', format('%I', t), 'INSERT') THEN 'INSERT' END,
          CASE WHEN has_table_privilege('peerpath_app', format('%I', t), 'UPDATE') THEN 'UPDATE' END,
          CASE WHEN has_table_privilege('peerpath_app', format('%I', t), 'DELETE') THEN 'DELETE' END,
          CASE WHEN has_table_privilege('peerpath_app', format('%I', t), 'TRUNCATE') THEN 'TRUNCATE' END,
          CASE WHEN has_table_privilege('peerpath_app', format('%I', t), 'TRIGGER') THEN 'TRIGGER' END) AS rights
       FROM unnest(ARRAY['PointEntry', 'AuditLog', 'SecurityEvent', 'School', 'User', 'Student', 'Programme', 'PointCategory', 'Pairing', 'Membership', 'SchoolRollover', 'VolunteerCheck', 'AccountToken', '_prisma_migrations']) t`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.table, r.rights]))).toEqual({
      PointEntry: "SELECT,INSERT",
      AuditLog: "SELECT,INSERT",
      SecurityEvent: "SELECT,INSERT",
      School: "SELECT,INSERT,UPDATE",
      User: "SELECT,INSERT,UPDATE",
      Student: "SELECT,INSERT,UPDATE",
      Programme: "SELECT,INSERT,UPDATE",
      PointCategory: "SELECT,INSERT,UPDATE",
      Pairing: "SELECT,INSERT,UPDATE,DELETE",
      Membership: "SELECT,INSERT,UPDATE",
      SchoolRollover: "SELECT,INSERT,UPDATE",
      VolunteerCheck: "SELECT,INSERT",
      AccountToken: "SELECT,INSERT,UPDATE,DELETE",
      _prisma_migrations: "",
    });
  });
});

describe("the owner's URL for migrations", () => {
  const app = "postgresql://app:x@db.example/peerpath";
  const owner = "postgresql://owner:y@db.example/peerpath";
  it("is MIGRATE_DATABASE_URL when set to another role, without a warning", () => {
    expect(ownerUrlFromEnv({ DATABASE_URL: app, MIGRATE_DATABASE_URL: owner })).toEqual({ ownerUrl: owner, warning: null });
  });
  it("falls back to DATABASE_URL with a warning that append-only is then not enforced", () => {
    const { ownerUrl, warning } = ownerUrlFromEnv({ DATABASE_URL: app });
    expect(ownerUrl).toBe(app);
    expect(warning).toMatch(/MIGRATE_DATABASE_URL is not set.*append-only records are not enforced/);
    expect(ownerUrlFromEnv({ DATABASE_URL: app, MIGRATE_DATABASE_URL: app.replace("x@", "z@") }).warning).toMatch(/same role/);
  });
});
