import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";

/** One way to build a client, for the app (server/db.ts), the seed and the CLI commands. */
export function createPrismaClient(databaseUrl: string, options: { max?: number } = {}) {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.max ?? 10 });
  // Password hashes never leave the data layer unless a query asks for them by name.
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}
