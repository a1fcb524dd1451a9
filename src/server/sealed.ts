import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/env";

// Secrets the app must read back later (a pupil's set-up code, printed again while unused; ADR 025):
// AES-256-GCM with a key derived from AUTH_SECRET (HKDF-SHA256), so the database alone never holds a
// working code. Each value is bound to its context (the school and user it belongs to): a sealed
// value copied onto another row does not open.
const INFO = "peerpath set-up codes";
const VERSION = "v1";

let derived: { secret: string; key: Buffer } | null = null;

function sealingKey(): Buffer {
  const secret = env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set, so set-up codes cannot be sealed. `npm run dev` sets one for you.");
  if (derived?.secret !== secret) derived = { secret, key: Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), INFO, 32)) };
  return derived.key;
}

/** "v1.<iv>.<tag>.<ciphertext>", base64url parts; a fresh 12-byte IV each time. */
export function seal(plain: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealingKey(), iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/** The sealed value, or null when it was altered, belongs to another context or another key. */
export function open(sealed: string, context: string): string | null {
  const [version, iv, tag, body, ...rest] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined || rest.length > 0) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", sealingKey(), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
