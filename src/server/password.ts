import { randomBytes } from "node:crypto";
import type { Tx } from "./db";
import { hash, verify } from "@node-rs/argon2";

// Algorithm.Argon2id is 2; the package exports it as an ambient const enum, which isolatedModules cannot read.

// Argon2id at OWASP's parameters (ADR 005).
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the email is unknown, so a wrong email costs the same time as a wrong
// password and does not reveal which accounts exist.
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("peerpath-no-such-account");
  return dummyHash;
}

/**
 * Someone sets their own password (a change, a set-password link, a pupil's set-up code): the new hash,
 * no longer a temporary password, when, and every session ends: the session version is bumped (tokens
 * issued before stop working) and every session row goes, so no device stays signed in with the old one.
 */
export async function setOwnPasswordInTx(tx: Tx, userId: string, newPassword: string): Promise<void> {
  await tx.user.update({
    where: { id: userId },
    data: {
      passwordHash: await hashPassword(newPassword),
      mustChangePassword: false,
      passwordSetAt: new Date(),
      sessionVersion: { increment: 1 },
    },
  });
  await tx.userSession.deleteMany({ where: { userId } });
}

/**
 * A password hash nobody can sign in with: of 32 random bytes, thrown away (a new account before its
 * owner chooses a password with a link or a code, or a reset). Argon2 as any other, so it looks the same.
 */
export function unusablePasswordHash(): Promise<string> {
  return hashPassword(randomBytes(32).toString("base64url"));
}
