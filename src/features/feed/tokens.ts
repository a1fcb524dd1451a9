import "server-only";
import { createHash, randomBytes } from "node:crypto";

// A feed's token is the only key to it (ADR 017): 32 random bytes, base64url (43 characters). Only
// its SHA-256 is stored, so the database never holds a working link.
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newFeedToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

export function isFeedToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

export function hashFeedToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The feed's address on this site, which the page turns into a full link. */
export function feedPath(schoolId: string, token: string): string {
  return `/feeds/${encodeURIComponent(schoolId)}/${token}.ics`;
}
