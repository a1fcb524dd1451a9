// `npm run dev` opened at http://127.0.0.1:3000 must hydrate: `next dev` refuses its own resources
// (/_next/…) to pages from hosts it does not know, so loopback names are allowed in next.config.ts.
// This starts a real `next dev` (no database is needed for /_next requests) in a build folder of its own.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appEnv, bin, devHost, nextDevArgs, root, startServer, waitForHttp, type Server } from "./lib/app-server";
import { freePort } from "./lib/embedded-db";
import { ownTsconfig } from "./lib/next-tsconfig";

describe("next dev serves its resources to pages opened on a loopback address", () => {
  let server: Server;
  let port: number;
  const distDir = `.next-devorigins-${process.pid}`;
  const tsconfig = ownTsconfig(distDir);

  beforeAll(async () => {
    port = await freePort();
    const env = appEnv({
      NEXT_DIST_DIR: distDir,
      ...tsconfig.env,
      PORT: String(port),
      DATABASE_URL: "postgresql://unused@127.0.0.1:1/unused",
    });
    server = startServer(
      bin("next"),
      nextDevArgs(devHost({}), port), // as `npm run dev` runs it, on 127.0.0.1
      env,
      path.join(os.tmpdir(), `peerpath-next-dev-origins-${process.pid}.log`),
    );
    await waitForHttp(`http://127.0.0.1:${port}/_next/static/missing.js`, server, 90_000);
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(path.join(root, distDir), { recursive: true, force: true });
    tsconfig.remove();
  }, 30_000);

  const fetchDevResource = (origin: string) =>
    fetch(`http://127.0.0.1:${port}/_next/static/chunks/does-not-exist.js`, {
      headers: { Origin: origin, "Sec-Fetch-Mode": "cors", "Sec-Fetch-Site": "same-origin" },
    });

  it.each(["http://127.0.0.1", "http://localhost", "http://[::1]"])("answers a page opened at %s (not 403)", async (host) => {
    const response = await fetchDevResource(`${host}:${port}`);
    expect(response.status).not.toBe(403);
  });

  it("still refuses another site (the control)", async () => {
    const response = await fetchDevResource("http://attacker.example");
    expect(response.status).toBe(403);
  });
});
