// Next on the loopback behind the front server: what `npm start` serves and what `npm test`'s browser
// tests run against, so both take the same path to the app.
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import { bin, httpUrl, startServer, waitForHttp, type Server } from "./app-server";
import { createFrontServer } from "./front-server";

export type AppServer = Server & {
  /** Resolves with the public URL once Next answers and the front server listens; rejects if either fails. */
  ready: Promise<string>;
};

export type ServeAppOptions = {
  env: NodeJS.ProcessEnv;
  /** A free loopback port for Next itself. */
  nextPort: number;
  /** The public port (0: any free one) and address (unset: every interface). */
  port: number;
  host?: string;
  trustedProxies: number;
  /** Next's output and the front server's complaints go here instead of the terminal. */
  logFile?: string;
};

/** Starts `next start` on 127.0.0.1:nextPort and, once it answers, the front server on host:port. */
export function serveApp({ env, nextPort, port, host, trustedProxies, logFile }: ServeAppOptions): AppServer {
  const next = startServer(bin("next"), ["start", "-H", "127.0.0.1", "-p", String(nextPort)], env, logFile);
  const log = logFile ? (line: string) => fs.appendFileSync(logFile, `${line}\n`) : console.error;
  const front = createFrontServer({ targetPort: nextPort, trustedProxies, log });

  let closing: Promise<void> | undefined;
  const ready = (async () => {
    await waitForHttp(`http://127.0.0.1:${nextPort}/`, next);
    if (closing) throw new Error("Stopped before the front server started.");
    await new Promise<void>((resolve, reject) => {
      front.once("error", reject);
      front.listen(port, host, () => {
        front.off("error", reject);
        resolve();
      });
    });
    return httpUrl(host, (front.address() as AddressInfo).port);
  })();

  /** Stops taking connections, lets requests in flight finish for up to graceMs, then cuts the rest. */
  const closeFront = (graceMs: number) =>
    (closing ??= new Promise<void>((resolve) => {
      if (!front.listening) return resolve();
      // Keep-alive connections that fall idle after their last answer are closed as they do.
      const sweep = setInterval(() => front.closeIdleConnections(), 100);
      const deadline = setTimeout(() => front.closeAllConnections(), graceMs);
      front.close(() => {
        clearInterval(sweep);
        clearTimeout(deadline);
        resolve();
      });
    }));

  // Next stopping on its own leaves the front server nothing to pass requests to.
  const exited = next.exited.then(async (code) => {
    await closeFront(0);
    return code;
  });

  return {
    ready,
    exited,
    hasExited: next.hasExited,
    async stop(signal = "SIGTERM", graceMs = 10_000) {
      await closeFront(Math.min(graceMs, 5_000));
      await next.stop(signal, graceMs);
      return exited;
    },
  };
}
