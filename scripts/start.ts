// `npm start`: the production path. It never starts a database and never adds demo data.
import { appEnv, bin, fail, freeLoopbackPort, killRunning, onSignals, portFromEnv, portInUse, run } from "./lib/app-server";
import { describeClientAddresses, parseTrustedProxies } from "./lib/front-server";
import { migrateDeploy, ownerUrlFromEnv } from "./lib/prisma-cli";
import { serveApp, type AppServer } from "./lib/serve-app";

let server: AppServer | undefined;
let stopping = false;

function trustedProxiesFromEnv() {
  try {
    return parseTrustedProxies(process.env.TRUSTED_PROXIES);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

async function main() {
  const databaseUrl = process.env.DATABASE_URL ?? "";
  const secret = process.env.AUTH_SECRET ?? "";
  const missing = [!databaseUrl && "DATABASE_URL", !secret && "AUTH_SECRET"].filter(Boolean);
  if (missing.length > 0) {
    fail(
      `npm start needs ${missing.join(" and ")} in the environment (AUTH_SECRET: at least 32 random characters, ` +
        "e.g. from `openssl rand -base64 32`). For a local database and demo data use `npm run dev`.",
    );
  }
  if (secret.length < 32) fail("AUTH_SECRET is too short: use at least 32 random characters.");
  const port = portFromEnv("PORT", 3000);
  const host = process.env.HOST?.trim() || undefined;
  const trustedProxies = trustedProxiesFromEnv();
  if (await portInUse(port, host)) fail(`Port ${port} is already in use. Stop whatever uses it or set PORT=…`);

  const env = appEnv({ DATABASE_URL: databaseUrl, AUTH_SECRET: secret, PORT: String(port) });
  await run(bin("next"), ["build"], { env });
  console.log("Applying migrations…");
  const { ownerUrl, warning } = ownerUrlFromEnv();
  if (warning) console.warn(warning);
  migrateDeploy(ownerUrl, { appUrl: databaseUrl, quiet: false });
  // Next listens on the loopback only; the front server faces the network and sets the client's address.
  server = serveApp({ env, nextPort: await freeLoopbackPort(), port, host, trustedProxies });
  const url = await server.ready;
  console.log(`PeerPath is ready at ${url} (${host ? `listening on ${host} only` : "listening on every interface"}).`);
  console.log(describeClientAddresses(trustedProxies));
  process.exit(await server.exited);
}

onSignals(async (signal) => {
  stopping = true;
  killRunning(signal);
  process.exit(server ? await server.stop(signal === "SIGHUP" ? "SIGTERM" : signal) : 130);
});

main().catch(async (error) => {
  if (stopping) return; // The signal handler finishes the shutdown.
  console.error(error instanceof Error ? error.message : error);
  await server?.stop();
  process.exit(1);
});
