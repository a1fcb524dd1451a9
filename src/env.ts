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

/** An empty variable is the same as an unset one (a blank line in a service file, `SMTP_URL=`). */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

// Email is optional (ADR 016): without SMTP_URL nothing is sent, in any environment.
const mail = {
  SMTP_URL: optional(
    z.string().refine((v) => URL.canParse(v) && /^smtps?:$/.test(new URL(v).protocol), {
      error: "SMTP_URL must look like smtp://user:password@mail.example.org:587 (or smtps:// for port 465).",
    }),
  ),
  MAIL_FROM: optional(
    z.string().regex(/^[^\r\n]*@[^\r\n]*$/, { error: "MAIL_FROM must be an address, like PeerPath <peerpath@school.example>." }),
  ),
  APP_URL: optional(
    z.string().refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), {
      error: "APP_URL must be the address people open PeerPath at, like https://peerpath.school.example.",
    }),
  ),
};

// Single sign-on (issue 12, ADR 026): each provider is offered only when its client ID and secret are set.
const url = (name: string) =>
  optional(z.string().refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), { error: `${name} must be a web address.` }));
const sso = {
  AUTH_GOOGLE_ID: optional(z.string()),
  AUTH_GOOGLE_SECRET: optional(z.string()),
  AUTH_GOOGLE_ISSUER: url("AUTH_GOOGLE_ISSUER"),
  AUTH_MICROSOFT_ENTRA_ID_ID: optional(z.string()),
  AUTH_MICROSOFT_ENTRA_ID_SECRET: optional(z.string()),
  AUTH_MICROSOFT_ENTRA_ID_AUTHORITY: url("AUTH_MICROSOFT_ENTRA_ID_AUTHORITY"),
  AUTH_OIDC_ISSUER: url("AUTH_OIDC_ISSUER"),
  AUTH_OIDC_ID: optional(z.string()),
  AUTH_OIDC_SECRET: optional(z.string()),
  AUTH_OIDC_NAME: optional(z.string().max(60, { error: "AUTH_OIDC_NAME must be at most 60 characters." })),
};

type SsoEnv = { [K in keyof typeof sso]?: string };

const ssoIsComplete = (v: SsoEnv, ctx: z.RefinementCtx) => {
  const pairs: [string, string | undefined, string | undefined][] = [
    ["AUTH_GOOGLE", v.AUTH_GOOGLE_ID, v.AUTH_GOOGLE_SECRET],
    ["AUTH_MICROSOFT_ENTRA_ID", v.AUTH_MICROSOFT_ENTRA_ID_ID, v.AUTH_MICROSOFT_ENTRA_ID_SECRET],
    ["AUTH_OIDC", v.AUTH_OIDC_ID, v.AUTH_OIDC_SECRET],
  ];
  for (const [prefix, id, secret] of pairs) {
    if (Boolean(id) !== Boolean(secret))
      ctx.addIssue({ code: "custom", message: `Set both ${prefix}_ID and ${prefix}_SECRET, or neither.` });
  }
  if (v.AUTH_OIDC_ID && !v.AUTH_OIDC_ISSUER)
    ctx.addIssue({ code: "custom", message: "AUTH_OIDC_ID is set, so AUTH_OIDC_ISSUER must be too." });
};

const mailNeedsItsAddresses = (v: { SMTP_URL?: string; MAIL_FROM?: string; APP_URL?: string }, ctx: z.RefinementCtx) => {
  if (!v.SMTP_URL) return;
  if (!v.MAIL_FROM) ctx.addIssue({ code: "custom", message: "SMTP_URL is set, so MAIL_FROM must be too: the address emails come from." });
  if (!v.APP_URL) ctx.addIssue({ code: "custom", message: "SMTP_URL is set, so APP_URL must be too: emails link to it." });
};

const development = z
  .object({
    NODE_ENV: z.string().default("development"),
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: authSecret.optional(),
    ...mail,
    ...sso,
  })
  .superRefine(mailNeedsItsAddresses)
  .superRefine(ssoIsComplete);

const production = z
  .object({
    NODE_ENV: z.literal("production"),
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: authSecret,
    ...mail,
    ...sso,
  })
  .superRefine(mailNeedsItsAddresses)
  .superRefine(ssoIsComplete);

const isBuilding = process.env.NEXT_PHASE === "phase-production-build";

export type Env = {
  NODE_ENV: string;
  DATABASE_URL: string;
  AUTH_SECRET?: string;
  SMTP_URL?: string;
  MAIL_FROM?: string;
  APP_URL?: string;
} & SsoEnv;

/** Parses an environment; exported for its tests. */
export function parseEnv(source: Record<string, string | undefined>, options: { isBuilding?: boolean } = {}): Env {
  const schema = source.NODE_ENV === "production" && !options.isBuilding ? production : development;
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.message}`);
    throw new Error(`PeerPath cannot start: the environment is not right.\n${lines.join("\n")}`);
  }
  return parsed.data as Env;
}

export const env = parseEnv(process.env, { isBuilding });
