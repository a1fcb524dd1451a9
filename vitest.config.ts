import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

// Integration tests talk to PostgreSQL as well, so two workers keep a 2-core machine responsive.
const workers = Math.min(4, Math.max(2, Math.floor(os.availableParallelism() / 2)));

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname, "src"),
      // The real package throws outside React Server Components; its own empty variant is the
      // one Next uses on the server.
      "server-only": path.resolve(__dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    environment: "node",
    include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: ["node_modules/**", "src/generated/**", ".next/**", ".data/**"],
    globalSetup: ["./vitest.global-setup.ts"],
    setupFiles: ["./vitest.setup.ts"],
    maxWorkers: workers,
    // Test files share nothing but the database client; re-importing Prisma per file cost ~15 s.
    isolate: false,
    // Far above what any test takes here (the slowest property tests take a few seconds), so a machine
    // twice as slow, or a second `npm test` running beside this one, never turns into a failure.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
