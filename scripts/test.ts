// `npm test [unit|e2e] [-- extra args]`: type check, lint, Vitest, then the browser tests against
// a production build on a throwaway database with the demo data (each spec seeds its own schools
// into it too). Stops at the first failure. The build and Playwright's results go in folders of
// this run's own, so two runs in one checkout can overlap.
// `unit` runs everything before the browser part; `e2e` runs only the browser part. Extra
// arguments go to Vitest (unit) or Playwright (e2e), e.g. `npm run test:e2e -- tests/e2e/x.spec.ts`.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { appEnv, bin, fail, killRunning, onSignals, root, run, seconds, type Server } from "./lib/app-server";
import { findChromium } from "./lib/chromium";
import { freePort, handleSignalsYourself, startEmbeddedDb, tempDataDir, type RunningDb } from "./lib/embedded-db";
import { ownTsconfig } from "./lib/next-tsconfig";
import { migrateDeploy } from "./lib/prisma-cli";
import { serveApp } from "./lib/serve-app";
import { startOidcServers, type OidcServers } from "../src/test-support/oidc-server";

const [part, ...extra] = process.argv.slice(2);
if (part !== undefined && part !== "unit" && part !== "e2e") fail("Usage: npm test [unit|e2e] [-- extra arguments]");

const timings: string[] = [];
let current = "";
let db: RunningDb | undefined;
let server: Server | undefined;
let oidc: OidcServers | undefined;
let serverLog = "";
// Per run, so two runs in one checkout (or a run beside `npm run dev`) never share a build or results.
const distDir = `.next-test-${process.pid}`;
const outputDir = path.join("test-results", `e2e-${process.pid}`);
let hasBuilt = false;
let tsconfig: ReturnType<typeof ownTsconfig> | undefined;

async function section(name: string, body: () => Promise<void>) {
  current = name;
  console.log(`\n━━ ${name} ━━`);
  const sectionStart = performance.now();
  await body();
  timings.push(`${name} ${seconds(sectionStart)}`);
}

async function browserTests() {
  const chromium = await findChromium();
  console.log(`Chromium: ${chromium.path} (${chromium.version}, from ${chromium.source})`);
  if (!fs.existsSync(path.join(root, "prisma", "seed.ts"))) throw new Error("prisma/seed.ts is missing: the browser tests need demo data.");

  let step = performance.now();
  const dataDir = tempDataDir("e2e");
  serverLog = path.join(path.dirname(dataDir), "next.log");
  db = await startEmbeddedDb({ dataDir, port: await freePort(), persistent: false, quiet: true });
  migrateDeploy(db.ownerUrl, { appUrl: db.url });
  await run(bin("tsx"), ["prisma/seed.ts"], { env: { ...process.env, DATABASE_URL: db.url }, quiet: true });
  console.log(`Test database on port ${db.port}: migrated and seeded in ${seconds(step)}.`);

  // Single sign-on (issue 12, ADR 026) against real OpenID Connect providers this run starts: a generic
  // one, one in Google's shape and one in Microsoft Entra's multi-tenant shape. Over https with a
  // certificate of their own (Auth.js's Entra provider refuses http), which the app trusts through
  // NODE_EXTRA_CA_CERTS. The issuers must be known before the app starts; the app's callback
  // addresses are allowed once it answers.
  oidc = await startOidcServers({ https: true });
  tsconfig = ownTsconfig(distDir);
  const env = appEnv({
    DATABASE_URL: db.url,
    AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    // The seeded accounts' addresses are made up: never email them through a server from the shell (ADR 016).
    SMTP_URL: "",
    NEXT_DIST_DIR: distDir,
    AUTH_OIDC_ISSUER: oidc.generic.issuer,
    AUTH_OIDC_ID: oidc.generic.clientId,
    AUTH_OIDC_SECRET: oidc.generic.clientSecret,
    AUTH_OIDC_NAME: "Test school account",
    AUTH_GOOGLE_ISSUER: oidc.google.issuer,
    AUTH_GOOGLE_ID: oidc.google.clientId,
    AUTH_GOOGLE_SECRET: oidc.google.clientSecret,
    AUTH_MICROSOFT_ENTRA_ID_AUTHORITY: oidc.entra.authority,
    AUTH_MICROSOFT_ENTRA_ID_ID: oidc.entra.clientId,
    AUTH_MICROSOFT_ENTRA_ID_SECRET: oidc.entra.clientSecret,
    NODE_EXTRA_CA_CERTS: oidc.certificateFile ?? "",
    ...tsconfig.env,
  });
  step = performance.now();
  hasBuilt = true;
  await run(bin("next"), ["build"], { env });
  console.log(`Built in ${seconds(step)} (into ${distDir}).`);

  step = performance.now();
  // The same path as `npm start`: Next on the loopback behind the front server. The specs play the
  // part of one proxy, so a spec may send its own X-Forwarded-For (sign-in throttling does).
  const app = serveApp({ env, nextPort: await freePort(), port: 0, host: "127.0.0.1", trustedProxies: 1, logFile: serverLog });
  server = app;
  const baseUrl = await app.ready;
  // The single sign-on spec browses at "localhost": Next spells every loopback address that way in a
  // route handler's URL, so Auth.js's callback address matches the one it sent only under that name.
  oidc.allowRedirects(baseUrl);
  oidc.allowRedirects(baseUrl.replace("//127.0.0.1:", "//localhost:"));
  console.log(`App answering at ${baseUrl} (front server, TRUSTED_PROXIES=1) after ${seconds(step)}.`);

  const args = part === "e2e" ? extra : [];
  await run(bin("playwright"), ["test", ...args], {
    env: {
      ...process.env,
      BASE_URL: baseUrl,
      DATABASE_URL: db.url,
      CHROMIUM_PATH: chromium.path,
      E2E_OUTPUT_DIR: outputDir,
      OIDC_ENTRA_TENANT: oidc.entra.tenantId,
    },
  });
  // Nothing to look at after a pass; after a failure the folder keeps Playwright's results.
  fs.rmSync(path.join(root, outputDir), { recursive: true, force: true });
}

let cleaning: Promise<void> | undefined;
function cleanUp() {
  cleaning ??= (async () => {
    await server?.stop();
    await oidc?.close();
    await db?.stop();
    if (db) fs.rmSync(path.dirname(db.dataDir), { recursive: true, force: true });
    if (hasBuilt) fs.rmSync(path.join(root, distDir), { recursive: true, force: true });
    tsconfig?.remove();
  })();
  return cleaning;
}

/** The server's log goes with the temp folder, so keep a copy where Playwright keeps its results. */
function keepServerLog() {
  if (!server || !fs.existsSync(serverLog)) return;
  const kept = path.join(root, outputDir, "next-server.log");
  fs.mkdirSync(path.dirname(kept), { recursive: true });
  fs.copyFileSync(serverLog, kept);
  const lines = fs.readFileSync(kept, "utf8").trimEnd().split("\n").slice(-30);
  console.error(`\nLast lines of the app server's log (all of it: ${path.relative(root, kept)}):\n${lines.join("\n")}`);
}

const started = performance.now();

async function main() {
  if (part !== "e2e") {
    await section("Type check (tsc --noEmit)", async () => {
      // The generated client is git-ignored; npm ci makes it, but a fresh checkout may not have it.
      if (!fs.existsSync(path.join(root, "src", "generated", "prisma"))) await run(bin("prisma"), ["generate"]);
      // Not incremental: a second npm test in this checkout would write the same .tsbuildinfo.
      await run(bin("tsc"), ["--noEmit", "--incremental", "false"]);
    });
    await section("Lint (eslint .)", () => run(bin("eslint"), ["."]));
    await section("Format (prettier --check .)", () => run(bin("prettier"), ["--check", "--log-level", "warn", "."]));
    // The env var hides Vite's notice about a future config loader, which needs no action here.
    const env = { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: "true" };
    await section("Unit and integration tests (vitest run)", () => run(bin("vitest"), ["run", ...(part === "unit" ? extra : [])], { env }));
  }
  if (part !== "unit") await section("Browser tests (Playwright, production build)", browserTests);
  await cleanUp();
  console.log(`\n✔ npm test${part ? ` ${part}` : ""} passed in ${seconds(started)}: ${timings.join(", ")}.`);
  process.exit(0);
}

handleSignalsYourself();
let interrupted = false;
onSignals(async (signal) => {
  if (interrupted) return;
  interrupted = true;
  killRunning(signal);
  await cleanUp();
  console.error(`\n✘ npm test interrupted (${signal}) during ${current || "start-up"}.`);
  process.exit(130);
});

main().catch(async (error) => {
  if (interrupted) return; // The signal handler reports and exits.
  console.error(`\n${error instanceof Error ? error.message : String(error)}`);
  keepServerLog();
  await cleanUp();
  const passed = timings.length ? ` Passed before it: ${timings.join(", ")}.` : "";
  console.error(`\n✘ npm test failed at: ${current} (after ${seconds(started)}).${passed}`);
  process.exit(1);
});
