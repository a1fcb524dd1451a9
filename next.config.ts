import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS, STRICT_TRANSPORT_SECURITY } from "./src/lib/security-headers";

// Build-time configuration, read by Next itself before any app code runs (so not through src/env.ts).
// `next dev` serves its own resources (/_next/…) only to pages opened from an allowed host: allow
// every loopback name a developer may type, and HOST when the dev server is reached by another name.
const loopback = ["localhost", "127.0.0.1", "[::1]", "::1"];
const extraHost = process.env.HOST?.trim();

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm test` builds into a folder of its own, so two test runs (or a test run beside `npm run dev`)
  // never overwrite each other's build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // …and a tsconfig of its own to write that folder's type paths into (scripts/lib/next-tsconfig.ts).
  typescript: { tsconfigPath: process.env.NEXT_TSCONFIG || "tsconfig.json" },
  allowedDevOrigins: extraHost ? [...loopback, extraHost] : loopback,
  // The Prisma client, Argon2 and pdfkit (which loads its own files at run time) stay as Node modules on the server.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "pdfkit"],
  // An MIS export of up to 3 MB (checked in the form and the action) fits with the form around it.
  experimental: { serverActions: { bodySizeLimit: "4mb" } },
  // On every response, Next's own files included; the per-request policy is set in src/proxy.ts (ADR 011).
  async headers() {
    return [
      { source: "/:path*", headers: STATIC_SECURITY_HEADERS },
      // HTTPS only: the front server says which the browser used (ADR 011).
      { source: "/:path*", has: [{ type: "header", key: "x-forwarded-proto", value: "https" }], headers: [STRICT_TRANSPORT_SECURITY] },
    ];
  },
};

export default nextConfig;
