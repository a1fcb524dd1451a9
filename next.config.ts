import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The Prisma client and Argon2 stay as Node modules on the server.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg"],
};

export default nextConfig;
