// One throwaway PostgreSQL for the whole run, in the OS temp folder on a free port, so tests
// never touch the dev database. Test files create their own schools, so they share it safely.
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freePort, startEmbeddedDb, tempDataDir } from "./scripts/lib/embedded-db";
import { migrateDeploy } from "./scripts/lib/prisma-cli";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    /** The owner of the tables, for the few tests that prove what only the owner can do. */
    ownerDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = tempDataDir("vitest");
  const db = await startEmbeddedDb({ dataDir, port: await freePort(), persistent: false, quiet: true });
  const teardown = async () => {
    await db.stop();
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  };
  try {
    migrateDeploy(db.ownerUrl, { appUrl: db.url });
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide("databaseUrl", db.url);
  project.provide("ownerDatabaseUrl", db.ownerUrl);
  return teardown;
}
