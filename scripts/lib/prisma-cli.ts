import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "..", "..");

/** Runs the Prisma CLI against a database, failing loudly. */
export function prismaCli(args: string[], databaseUrl: string, options: { quiet?: boolean; input?: string } = {}) {
  const preload = path.join(root, "scripts", "unref-timers.cjs");
  const result = spawnSync(path.join(root, "node_modules", ".bin", "prisma"), args, {
    cwd: root,
    stdio: [
      options.input !== undefined || options.quiet ? "pipe" : "inherit",
      options.quiet ? "pipe" : "inherit",
      options.quiet ? "pipe" : "inherit",
    ],
    input: options.input,
    encoding: "utf8",
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${preload}`.trim(),
    },
  });
  if (result.status !== 0) {
    if (options.quiet) process.stderr.write(`${result.stdout ?? ""}${result.stderr ?? ""}`);
    throw new Error(`prisma ${args.join(" ")} failed (exit ${result.status})`);
  }
  return result.stdout ?? "";
}

/** The role a connection URL signs in as. */
export function roleOf(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).username);
}

/**
 * The one migrate path (ADR 003), for `npm run dev`, `npm start`, `npm run db:migrate` and the tests:
 * as the owner of the tables, the migrations, then the SQL the migration runner cannot run (every
 * file in prisma/sql, by name: the append-only triggers and the owner's functions), then the app
 * role's rights (prisma/app-role.sql) when the app connects as another role.
 */
export function migrateDeploy(ownerUrl: string, options: { appUrl?: string; quiet?: boolean } = {}) {
  const quiet = options.quiet ?? true;
  prismaCli(["migrate", "deploy"], ownerUrl, { quiet });
  const dir = path.join(root, "prisma", "sql");
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((f) => path.join(dir, f));
  const appRole = options.appUrl ? roleOf(options.appUrl) : null;
  if (appRole && appRole !== roleOf(ownerUrl)) files.push(path.join(root, "prisma", "app-role.sql"));
  // A literal, quotes doubled: the SQL uses the name only through format('%I').
  const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
  const sql = [
    appRole ? `SELECT set_config('peerpath.app_role', ${literal(appRole)}, false);` : "",
    ...files.map((file) => fs.readFileSync(file, "utf8")),
  ].join("\n");
  prismaCli(["db", "execute", "--stdin", "--schema", "prisma/schema.prisma"], ownerUrl, { quiet, input: sql });
}

/**
 * The owner's URL for migrations: MIGRATE_DATABASE_URL, else DATABASE_URL with a warning, since
 * then the app runs as the owner and the database cannot hold it to append-only (ADR 003).
 */
export function ownerUrlFromEnv(env: Record<string, string | undefined> = process.env): { ownerUrl: string; warning: string | null } {
  const appUrl = env.DATABASE_URL ?? "";
  const ownerUrl = env.MIGRATE_DATABASE_URL || appUrl;
  const sameRole = Boolean(ownerUrl && appUrl) && roleOf(ownerUrl) === roleOf(appUrl);
  const warning = sameRole
    ? env.MIGRATE_DATABASE_URL
      ? "Warning: MIGRATE_DATABASE_URL and DATABASE_URL sign in as the same role, so the app owns its tables and append-only records are not enforced by the database. See the README's deploy section."
      : "Warning: MIGRATE_DATABASE_URL is not set, so migrations run as DATABASE_URL's role and the app owns its tables: append-only records are not enforced by the database. See the README's deploy section."
    : null;
  return { ownerUrl, warning };
}
