import "server-only";
import { randomUUID } from "node:crypto";
import type { FormLink } from "@/lib/form-state";
import type { Tx } from "./db";

// ADR 010: a create with no natural key carries a key minted when its form rendered. The key's row
// is inserted first, in the command's own transaction: a concurrent duplicate waits on the unique
// index until the first commits (then replays its result) or rolls back (then runs itself).

export const IDEMPOTENCY_FIELD = "idempotencyKey";
const KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

export type StoredResult = { message: string; recordId?: string; link?: FormLink };

/** For a server page to put in a form it renders. */
export function newIdempotencyKey(): string {
  return randomUUID();
}

/** The key a form sent, or null when it is missing or malformed. */
export function readIdempotencyKey(raw: unknown): string | null {
  const value = raw && typeof raw === "object" ? (raw as Record<string, unknown>)[IDEMPOTENCY_FIELD] : undefined;
  return typeof value === "string" && KEY_PATTERN.test(value) ? value : null;
}

export type Claim = { status: "claimed"; id: string } | { status: "replay"; result: StoredResult } | { status: "other-command" };

export async function claimIdempotencyKey(tx: Tx, who: { schoolId: string; userId: string }, key: string, command: string): Promise<Claim> {
  const id = randomUUID();
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "IdempotencyKey" ("id", "schoolId", "userId", "key", "command")
    VALUES (${id}, ${who.schoolId}, ${who.userId}, ${key}, ${command})
    ON CONFLICT ("schoolId", "userId", "key") DO NOTHING
    RETURNING "id"`;
  if (inserted.length > 0) return { status: "claimed", id };
  const earlier = await tx.idempotencyKey.findUniqueOrThrow({
    where: { schoolId_userId_key: { schoolId: who.schoolId, userId: who.userId, key } },
    select: { command: true, result: true },
  });
  if (earlier.command !== command) return { status: "other-command" };
  return { status: "replay", result: earlier.result as StoredResult };
}

export async function saveIdempotentResult(tx: Tx, id: string, result: StoredResult): Promise<void> {
  // strictUndefinedChecks: keep only the parts that are there.
  const stored: Record<string, string | { href: string; label: string }> = { message: result.message };
  if (result.recordId) stored.recordId = result.recordId;
  if (result.link) stored.link = { href: result.link.href, label: result.link.label };
  await tx.idempotencyKey.update({ where: { id }, data: { result: stored } });
}
