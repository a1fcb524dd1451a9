import { z } from "zod";

// The only reader of process.env (ADR 002). Fails at start-up with a message a person can act on.
const schema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set. `npm run dev` sets it for you; in production point it at PostgreSQL." })
    .regex(/^postgres(ql)?:\/\//, { error: "DATABASE_URL must start with postgresql://" }),
  AUTH_SECRET: z
    .string({ error: "AUTH_SECRET is not set. Generate one with `openssl rand -base64 33`." })
    .min(32, { error: "AUTH_SECRET must be at least 32 characters." })
    .optional(),
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
});

function load() {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.message}`);
    throw new Error(`PeerPath cannot start: the environment is not right.\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export const env = load();
