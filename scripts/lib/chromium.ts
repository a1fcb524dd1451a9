// Finds a Chromium for the browser tests. `npx playwright install` cannot download here, so the
// candidates are, in order: CHROMIUM_PATH, Playwright's own browser if one was installed, a
// system `chromium`, then the Chromium shipped inside the npm package @sparticuz/chromium.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export type FoundChromium = { path: string; source: string; version: string };

function isExecutable(file: string) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(name: string) {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

/** A system Chromium, for running `npx playwright test` by hand without CHROMIUM_PATH. */
export function chromiumOnPath() {
  return onPath("chromium") ?? onPath("chromium-browser") ?? undefined;
}

/** Launching `--version` catches wrappers that cannot run (e.g. Ubuntu's snap stub). */
function versionOf(file: string) {
  const result = spawnSync(file, ["--version"], { encoding: "utf8", timeout: 15_000 });
  return result.status === 0 ? result.stdout.trim() : null;
}

async function playwrightChromium() {
  try {
    const { chromium } = await import("@playwright/test");
    const file = chromium.executablePath();
    return isExecutable(file) ? file : null;
  } catch {
    return null; // Unsupported platform for Playwright's downloads.
  }
}

async function sparticuzChromium() {
  if (process.platform !== "linux" || process.arch !== "x64") return null;
  // Only the binary is used, with our own flags: the package's default args include
  // --disable-web-security and --single-process, which can hide real bugs.
  // executablePath() unpacks the binary to <temp folder>/chromium, or reuses one already there
  // (possibly from another version of the package): the version printed by `npm test` tells.
  const { default: chromium } = await import("@sparticuz/chromium");
  return chromium.executablePath();
}

export async function findChromium(): Promise<FoundChromium> {
  const tried: string[] = [];
  const accept = (file: string | null, source: string): FoundChromium | null => {
    if (!file) return null;
    const version = versionOf(file);
    if (version) return { path: file, source, version };
    tried.push(`${source}: ${file} did not run`);
    return null;
  };

  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    // An explicit choice that does not work is an error, not a reason to use something else.
    if (!isExecutable(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no executable there.`);
    const found = accept(fromEnv, "CHROMIUM_PATH");
    if (found) return found;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but \`${fromEnv} --version\` failed.`);
  }

  const found =
    accept(await playwrightChromium(), "Playwright's browser") ??
    accept(onPath("chromium"), "chromium on PATH") ??
    accept(onPath("chromium-browser"), "chromium-browser on PATH");
  if (found) return found;

  try {
    const fromNpm = accept(await sparticuzChromium(), "@sparticuz/chromium (npm)");
    if (fromNpm) return fromNpm;
  } catch (error) {
    tried.push(`@sparticuz/chromium: ${error instanceof Error ? error.message : String(error)}`);
  }

  throw new Error(
    [
      "No Chromium found for the browser tests.",
      "Install one (Debian/Ubuntu: `apt-get install -y chromium`) or set CHROMIUM_PATH to a Chromium or Chrome binary.",
      ...tried.map((line) => `  tried ${line}`),
    ].join("\n"),
  );
}
