import { defineConfig, devices } from "@playwright/test";
import { chromiumOnPath } from "./scripts/lib/chromium";

// `npm test` (scripts/test.ts) builds the app, starts it on a seeded throwaway database and sets
// BASE_URL and CHROMIUM_PATH. Run by hand, it falls back to `npm run dev` on port 3000 and a
// chromium on PATH.
export default defineConfig({
  testDir: "tests/e2e",
  // The tests share one seeded database and build on each other in file order.
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: "list",
  // Generous for a 2-core machine that also runs the server and PostgreSQL.
  timeout: 30_000,
  expect: { timeout: 10_000 },
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
