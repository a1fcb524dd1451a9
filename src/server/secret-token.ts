import "server-only";
import { createHash, randomBytes } from "node:crypto";

// A secret link's token is the only key to what it opens (ADR 017: calendar feeds; ADR 024:
// noticeboards): 32 random bytes, base64url (43 characters). Only its SHA-256 is stored, so the
// database never holds a working link.
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newSecretToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

export function isSecretToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
