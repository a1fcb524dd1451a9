import { z } from "zod";

// The only reader of process.env (ADR 002). The schema is chosen by NODE_ENV (create-t3-app's
// pattern): a production process without its secret refuses to start, whichever script started it.
// `next build` runs with NODE_ENV=production but serves nobody, so it may build without the secret.

const databaseUrl = z
  .string({ error: "DATABASE_URL is not set. `npm run dev` sets it for you; in production point it at PostgreSQL." })
  .regex(/^postgres(ql)?:\/\//, { error: "DATABASE_URL must start with postgresql://" });

const authSecret = z
  .string({ error: "AUTH_SECRET is not set. Generate one with `openssl rand -base64 33` (at least 32 characters)." })
  .min(32, { error: "AUTH_SECRET must be at least 32 characters." });

const development = z.object({
  NODE_ENV: z.string().default("development"),
  DATABASE_URL: databaseUrl,
  AUTH_SECRET: authSecret.optional(),
});

const production = z.object({
  NODE_ENV: z.literal("production"),
  DATABASE_URL: databaseUrl,
  AUTH_SECRET: authSecret,
});

const isBuilding = process.env.NEXT_PHASE === "phase-production-build";

/** Parses an environment; exported for its tests. */
export function parseEnv(source: Record<string, string | undefined>, options: { isBuilding?: boolean } = {}) {
  const schema = source.NODE_ENV === "production" && !options.isBuilding ? production : development;
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.message}`);
    throw new Error(`PeerPath cannot start: the environment is not right.\n${lines.join("\n")}`);
  }
  return parsed.data as { NODE_ENV: string; DATABASE_URL: string; AUTH_SECRET?: string };
}

export const env = parseEnv(process.env, { isBuilding });
