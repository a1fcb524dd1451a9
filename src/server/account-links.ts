import "server-only";
import { db, type Tx } from "./db";
import { hashSecretToken, isSecretToken, newSecretToken } from "./secret-token";

// Set-password links (issue 11, ADR 025): 32 random bytes in the address, only the SHA-256 stored (as
// noticeboards, ADR 024), 72 hours, one use, and a new link revokes the old. Reading a link never spends
// it (mail scanners open links before people do); only redeeming does, conditionally, so two at once
// make one password.

export const LINK_HOURS = 72;
const SCHOOL_ID = /^[A-Za-z0-9_-]{1,40}$/;

export function setPasswordPath(schoolId: string, token: string): string {
  return `/set-password/${schoolId}/${token}`;
}

/** Makes a new link for this user at this school (any live one stops working) and returns its token. */
export async function makeSetPasswordLink(
  tx: Tx,
  input: { schoolId: string; userId: string; createdById: string },
  now: Date = new Date(),
): Promise<string> {
  await revokeLinks(tx, { schoolId: input.schoolId, userId: input.userId }, now);
  const token = newSecretToken();
  await tx.accountToken.create({
    data: {
      schoolId: input.schoolId,
      userId: input.userId,
      kind: "LINK",
      tokenHash: hashSecretToken(token),
      expiresAt: new Date(now.getTime() + LINK_HOURS * 60 * 60 * 1000),
      createdById: input.createdById,
    },
  });
  return token;
}

/** Stops any unused link of this user at this school (a new link, or the account disabled). */
export async function revokeLinks(tx: Tx, input: { schoolId: string; userId: string }, now: Date = new Date()): Promise<number> {
  const { count } = await tx.accountToken.updateMany({
    where: { schoolId: input.schoolId, userId: input.userId, kind: "LINK", usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  return count;
}

const live = (now: Date) => ({ kind: "LINK" as const, usedAt: null, revokedAt: null, expiresAt: { gt: now } });

/** Whose live link this is, or null (unknown, used, revoked, expired, another school's): for the page. */
export async function findLiveLink(
  schoolId: string,
  token: string,
  now: Date = new Date(),
): Promise<{ userId: string; email: string } | null> {
  if (!SCHOOL_ID.test(schoolId) || !isSecretToken(token)) return null;
  const link = await db.accountToken.findFirst({
    where: { schoolId, tokenHash: hashSecretToken(token), ...live(now) },
    select: { userId: true, user: { select: { email: true } } },
  });
  return link ? { userId: link.userId, email: link.user.email } : null;
}

/**
 * Spends a link, once: a conditional update, so of two redeems at once only one finds it unused (the
 * other waits for the row, then sees it used). Returns the user to set the password of, or null.
 */
export async function redeemLink(
  tx: Tx,
  input: { schoolId: string; token: string },
  now: Date = new Date(),
): Promise<{ userId: string } | null> {
  if (!SCHOOL_ID.test(input.schoolId) || !isSecretToken(input.token)) return null;
  const rows = await tx.accountToken.updateManyAndReturn({
    where: { schoolId: input.schoolId, tokenHash: hashSecretToken(input.token), ...live(now) },
    data: { usedAt: now },
    select: { userId: true },
  });
  return rows.length === 1 ? { userId: rows[0]!.userId } : null;
}
