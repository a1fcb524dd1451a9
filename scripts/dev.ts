// `npm run dev`: PostgreSQL (embedded, or DATABASE_URL), migrations, demo data on first run, then
// `next dev` on 127.0.0.1 (or HOST). Ctrl-C stops Next first, then PostgreSQL; the data survives a restart.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import {
  appEnv,
  bin,
  devHost,
  fail,
  httpUrl,
  nextDevArgs,
  onSignals,
  portFromEnv,
  portInUse,
  root,
  run,
  seconds,
  startServer,
  type Server,
} from "./lib/app-server";
import { handleSignalsYourself, startEmbeddedDb, untraversableParent, type RunningDb } from "./lib/embedded-db";
import { migrateDeploy, ownerUrlFromEnv } from "./lib/prisma-cli";

const dataRoot = path.join(root, ".data");

/** The repo's .data/postgres, or a persistent folder in the OS temp folder if postgres cannot reach it. */
function chooseDataDir() {
  const inRepo = path.join(dataRoot, "postgres");
  const blocked = untraversableParent(inRepo);
  if (!blocked) {
    console.log(`Database data: ${path.relative(root, inRepo)}`);
    return inRepo;
  }
  const hash = crypto.createHash("sha256").update(root).digest("hex").slice(0, 8);
  const base = path.join(os.tmpdir(), `peerpath-dev-${hash}`);
  fs.mkdirSync(base, { recursive: true });
  fs.chmodSync(base, 0o755);
  const dir = path.join(base, "data");
  const stillBlocked = untraversableParent(dir);
  if (stillBlocked) {
    fail(`The postgres user cannot enter ${blocked} or ${stillBlocked}. Run \`chmod o+x\` on one of them, or set DATABASE_URL.`);
  }
  console.log(`Database data: ${dir}`);
  console.log(`  (not ${path.relative(root, inRepo)}: PostgreSQL runs as the postgres user, which cannot enter ${blocked}.`);
  console.log(`  This folder survives restarts of \`npm run dev\`, but not a clean-out of ${os.tmpdir()}.)`);
  return dir;
}

/** AUTH_SECRET from the environment, else one made once and kept in .data/auth-secret. */
function authSecret() {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dataRoot, "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** The pid in the data folder's postmaster.pid, if that process is alive. */
function runningPostgres(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

async function schoolCount(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ n: number }>('select count(*)::int as n from "School"');
    return result.rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

let db: RunningDb | undefined;
let next: Server | undefined;
let stopping = false;

async function main() {
  const started = performance.now();
  const appPort = portFromEnv("PORT", 3000);
  const appHost = devHost();
  const givenUrl = process.env.DATABASE_URL;
  if (await portInUse(appPort, appHost)) {
    fail(`Port ${appPort} is already in use — is another \`npm run dev\` running? Stop it or set PORT=…`);
  }
  fs.mkdirSync(dataRoot, { recursive: true });

  let url: string;
  let ownerUrl: string;
  if (givenUrl) {
    url = givenUrl;
    const owner = ownerUrlFromEnv();
    ownerUrl = owner.ownerUrl;
    if (owner.warning) console.warn(owner.warning);
    console.log("Database: DATABASE_URL from the environment (no demo data is added; `npm run db:seed` adds it).");
  } else {
    const dbPort = portFromEnv("DEV_DB_PORT", 54329);
    const dataDir = chooseDataDir();
    if (await portInUse(dbPort)) {
      const pid = runningPostgres(dataDir);
      fail(
        pid
          ? `Port ${dbPort} is in use by PostgreSQL (pid ${pid}) on this data folder: another \`npm run dev\` is running, or a killed one left it behind (then \`kill ${pid}\`).`
          : `Port ${dbPort} (dev database) is already in use — is another \`npm run dev\` running? Stop it or set DEV_DB_PORT=…`,
      );
    }
    db = await startEmbeddedDb({ dataDir, port: dbPort, persistent: true });
    url = db.url;
    ownerUrl = db.ownerUrl;
    console.log(`Database: embedded PostgreSQL on port ${dbPort} (${url})`);
  }
  if (stopping) return;

  migrateDeploy(ownerUrl, { appUrl: url });
  console.log("Migrations applied.");
  if (!givenUrl && (await schoolCount(url)) === 0) {
    if (fs.existsSync(path.join(root, "prisma", "seed.ts"))) {
      console.log("Empty database: adding demo data…");
      await run(bin("tsx"), ["prisma/seed.ts"], { env: { ...process.env, DATABASE_URL: url } });
    } else {
      console.warn("Empty database, and prisma/seed.ts does not exist yet: no demo data added.");
    }
  }
  if (stopping) return;

  console.log(`Ready for Next in ${seconds(started)}.`);
  const env = appEnv({ DATABASE_URL: url, AUTH_SECRET: authSecret(), PORT: String(appPort) });
  const where = appHost === "127.0.0.1" ? "this machine only; set HOST to listen on another address" : `HOST=${appHost}`;
  console.log(`PeerPath (dev) at ${httpUrl(appHost, appPort)} (${where}).`);
  next = startServer(bin("next"), nextDevArgs(appHost, appPort), env);
  const code = await next.exited;
  if (stopping) return; // The signal handler finishes the shutdown.
  console.log(`Next exited (code ${code}); stopping the database.`);
  await db?.stop();
  process.exit(code);
}

// Our own order on Ctrl-C: Next first (it may still be answering), then PostgreSQL.
handleSignalsYourself();
onSignals(async (signal) => {
  if (stopping) {
    await next?.stop("SIGKILL"); // A second Ctrl-C: do not wait for Next.
    return;
  }
  stopping = true;
  console.log(`\nStopping (${signal})…`);
  await next?.stop(signal === "SIGHUP" ? "SIGTERM" : signal);
  await db?.stop();
  console.log("Stopped.");
  process.exit(0);
});

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await next?.stop();
  await db?.stop();
  process.exit(1);
});
