// `npm start`: the production path. It never starts a database and never adds demo data.
import { appEnv, bin, fail, killRunning, onSignals, portFromEnv, portInUse, run, startServer, type Server } from "./lib/app-server";
import { migrateDeploy, ownerUrlFromEnv } from "./lib/prisma-cli";

let server: Server | undefined;

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
  if (await portInUse(port)) fail(`Port ${port} is already in use. Stop whatever uses it or set PORT=…`);

  const env = appEnv({ DATABASE_URL: databaseUrl, AUTH_SECRET: secret, PORT: String(port) });
  await run(bin("next"), ["build"], { env });
  console.log("Applying migrations…");
  const { ownerUrl, warning } = ownerUrlFromEnv();
  if (warning) console.warn(warning);
  migrateDeploy(ownerUrl, { appUrl: databaseUrl, quiet: false });
  server = startServer(bin("next"), ["start", "-p", String(port)], env);
  process.exit(await server.exited);
}

onSignals(async (signal) => {
  killRunning(signal);
  process.exit(server ? await server.stop(signal === "SIGHUP" ? "SIGTERM" : signal) : 130);
});

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
