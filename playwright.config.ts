import { defineConfig, devices } from "@playwright/test";
import { chromiumOnPath } from "./scripts/lib/chromium";

// `npm test` (scripts/test.ts) builds the app, starts it on a throwaway database with the demo data
// and sets BASE_URL, DATABASE_URL (the specs seed their own schools into it), CHROMIUM_PATH and a
// results folder of its own. Run by hand, it falls back to `npm run dev` on port 3000 and a
// chromium on PATH, and needs DATABASE_URL.
export default defineConfig({
  testDir: "tests/e2e",
  // Every test seeds the school it needs (tests/e2e/support/seed.ts), so tests run in any order
  // and side by side.
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: "list",
  outputDir: process.env.E2E_OUTPUT_DIR || "test-results",
  // Every test takes well under a sixth of this alone on a 2-core machine, and under half beside a second
  // npm test; the access matrix, which walks every page, sets its own.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  use: {
    baseURL: process.env.BASE_URL ?? "http://127.0.0.1:3000",
    trace: "off",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH || chromiumOnPath(),
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
            "--disable-dev-shm-usage",
          ],
        },
      },
    },
  ],
});
