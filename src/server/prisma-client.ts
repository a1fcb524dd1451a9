import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";

export const POOL_WAIT_MS = 8_000;

/** One way to build a client, for the app (server/db.ts), the seed and the CLI commands. */
export function createPrismaClient(databaseUrl: string, options: { max?: number } = {}) {
  // Waiting for a free connection ends after 8 s (ADR 010): without a limit the pool queues for as
  // long as the queue lasts, and Prisma's own maxWait is only checked once a connection arrives.
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.max ?? 10, connectionTimeoutMillis: POOL_WAIT_MS });
  // Password hashes never leave the data layer unless a query asks for them by name.
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}
