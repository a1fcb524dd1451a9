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

/** Applies the migrations, then the SQL the migration runner cannot run: every file in prisma/sql, by name (ADR 003). */
export function migrateDeploy(databaseUrl: string, quiet = true) {
  prismaCli(["migrate", "deploy"], databaseUrl, { quiet });
  const dir = path.join(root, "prisma", "sql");
  const sql = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), "utf8"))
    .join("\n");
  prismaCli(["db", "execute", "--stdin", "--schema", "prisma/schema.prisma"], databaseUrl, { quiet, input: sql });
}
