import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { FormLink } from "@/lib/form-state";
import type { Tx } from "./db";

// ADR 010: a create with no natural key carries a key minted when its form rendered. The key's row
// is inserted first, in the command's own transaction: a concurrent duplicate waits on the unique
// index until the first commits (then replays its result) or rolls back (then runs itself).

export const IDEMPOTENCY_FIELD = "idempotencyKey";
const KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
/** A form left open longer than this and then sent twice may write twice; nobody keeps one open a week. */
export const KEY_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

export type StoredResult = { message: string; recordId?: string; link?: FormLink };

/** What the form said, as a short fingerprint: a replay with other answers is not a replay. */
export function fingerprint(input: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify(input) ?? "")
    .digest("base64url")
    .slice(0, 22);
}

/** For a server page to put in a form it renders. */
export function newIdempotencyKey(): string {
  return randomUUID();
}

/** The key a form sent, or null when it is missing or malformed. */
export function readIdempotencyKey(raw: unknown): string | null {
  const value = raw && typeof raw === "object" ? (raw as Record<string, unknown>)[IDEMPOTENCY_FIELD] : undefined;
  return typeof value === "string" && KEY_PATTERN.test(value) ? value : null;
}

export type Claim = { status: "claimed"; id: string } | { status: "replay"; result: StoredResult } | { status: "other-request" };

/**
 * Claims the key for this command and input. The earlier run's result when it was this same request;
 * "other-request" when the key was used for another command or with other answers (a stale form).
 */
export async function claimIdempotencyKey(
  tx: Tx,
  who: { schoolId: string; userId: string },
  key: string,
  command: string,
  inputFingerprint: string,
): Promise<Claim> {
  const id = randomUUID();
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "IdempotencyKey" ("id", "schoolId", "userId", "key", "command", "fingerprint")
    VALUES (${id}, ${who.schoolId}, ${who.userId}, ${key}, ${command}, ${inputFingerprint})
    ON CONFLICT ("schoolId", "userId", "key") DO NOTHING
    RETURNING "id"`;
  if (inserted.length > 0) {
    // This user's keys from forms older than any form still open are no longer needed (ADR 010).
    // Rows another command of this user is deleting at this moment are skipped, never waited for.
    await tx.$executeRaw`
      DELETE FROM "IdempotencyKey" WHERE ("schoolId", "id") IN (
        SELECT "schoolId", "id" FROM "IdempotencyKey"
        WHERE "schoolId" = ${who.schoolId} AND "userId" = ${who.userId} AND "createdAt" < ${new Date(Date.now() - KEY_RETENTION_MS)}
        FOR UPDATE SKIP LOCKED)`;
    return { status: "claimed", id };
  }
  const earlier = await tx.idempotencyKey.findUniqueOrThrow({
    where: { schoolId_userId_key: { schoolId: who.schoolId, userId: who.userId, key } },
    select: { command: true, fingerprint: true, result: true },
  });
  if (earlier.command !== command || earlier.fingerprint !== inputFingerprint) return { status: "other-request" };
  return { status: "replay", result: earlier.result as StoredResult };
}

export async function saveIdempotentResult(tx: Tx, schoolId: string, id: string, result: StoredResult): Promise<void> {
  // strictUndefinedChecks: keep only the parts that are there.
  const stored: Record<string, string | { href: string; label: string }> = { message: result.message };
  if (result.recordId) stored.recordId = result.recordId;
  if (result.link) stored.link = { href: result.link.href, label: result.link.label };
  await tx.idempotencyKey.update({ where: { schoolId_id: { schoolId, id } }, data: { result: stored } });
}
