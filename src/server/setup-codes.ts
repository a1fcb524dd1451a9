import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { newSetUpCode, normaliseSetUpCode } from "@/lib/account-codes";
import { PUPIL_ACCESS_SELECT, pupilMaySignIn } from "./account-access";
import type { Db, Tx } from "./db";
import { open, seal } from "./sealed";

// Pupils' set-up codes (issue 11, ADR 025): an AccountToken of kind CODE per pupil, sealed rather than
// hashed so the A4 sheet can be printed again while a code is unused; 14 days; one use; at most one
// live code per pupil (a new one revokes the old). The sealed value is wiped when the code is used,
// replaced or out of date, so the database keeps no code that could still matter.

export const CODE_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/** What a sealed code is bound to: copied onto another pupil's row, it does not open. */
const contextOf = (schoolId: string, userId: string) => `set-up-code:${schoolId}:${userId}`;

export type MadeCode = { userId: string; code: string; expiresAt: Date };

/** New codes for these users (pupils of the school), each replacing the user's live code. */
export async function makeCodes(
  tx: Tx,
  input: { schoolId: string; userIds: string[]; createdById: string; now?: Date },
): Promise<MadeCode[]> {
  const { schoolId, userIds, createdById } = input;
  if (userIds.length === 0) return [];
  const now = input.now ?? new Date();
  await tx.accountToken.updateMany({
    where: { schoolId, userId: { in: userIds }, kind: "CODE", usedAt: null, revokedAt: null },
    data: { revokedAt: now, sealedCode: null },
  });
  const expiresAt = new Date(now.getTime() + CODE_DAYS * DAY_MS);
  const made = userIds.map((userId) => ({ userId, code: newSetUpCode(randomBytes(10)), expiresAt }));
  await tx.accountToken.createMany({
    data: made.map((m) => ({
      schoolId,
      userId: m.userId,
      kind: "CODE" as const,
      sealedCode: seal(m.code, contextOf(schoolId, m.userId)),
      expiresAt,
      createdById,
    })),
  });
  return made;
}

/** The live, unexpired codes of these users, opened for the printed sheet. */
export async function openCodesFor(
  db: Db | Tx,
  schoolId: string,
  userIds: string[],
  now: Date = new Date(),
): Promise<Map<string, { code: string; expiresAt: Date }>> {
  const tokens = await db.accountToken.findMany({
    where: {
      schoolId,
      userId: { in: userIds },
      kind: "CODE",
      usedAt: null,
      revokedAt: null,
      expiresAt: { gt: now },
      sealedCode: { not: null },
    },
    select: { userId: true, sealedCode: true, expiresAt: true },
  });
  const codes = new Map<string, { code: string; expiresAt: Date }>();
  for (const token of tokens) {
    const code = open(token.sealedCode!, contextOf(schoolId, token.userId));
    if (code) codes.set(token.userId, { code, expiresAt: token.expiresAt });
  }
  return codes;
}

function sameCode(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Spends a pupil's code, once: the pupil's school email and the code they typed (forgiving case,
 * spaces, dashes, O for 0, I or L for 1). Null for anything that does not work: an unknown email, a
 * pupil no longer on roll, no live code, a wrong, used or out-of-date one (which is wiped). Two at
 * once: the conditional write lets one through.
 */
export async function redeemCode(
  tx: Tx,
  input: { email: string; code: string; now?: Date },
): Promise<{ userId: string; schoolId: string } | null> {
  const now = input.now ?? new Date();
  const typed = normaliseSetUpCode(input.code);
  const user = await tx.user.findUnique({
    where: { email: input.email.trim().toLowerCase() },
    select: { id: true, disabledAt: true, students: { select: { schoolId: true, ...PUPIL_ACCESS_SELECT }, take: 1 } },
  });
  const pupil = user?.students[0];
  if (!user || !pupil || user.disabledAt || !pupilMaySignIn(pupil)) return null;
  const { schoolId } = pupil;
  const token = await tx.accountToken.findFirst({
    where: { schoolId, userId: user.id, kind: "CODE", usedAt: null, revokedAt: null, sealedCode: { not: null } },
    select: { id: true, sealedCode: true, expiresAt: true },
  });
  if (!token) return null;
  if (token.expiresAt <= now) {
    await tx.accountToken.updateMany({ where: { schoolId, id: token.id }, data: { sealedCode: null } });
    return null;
  }
  const stored = open(token.sealedCode!, contextOf(schoolId, user.id));
  if (!typed || !stored || !sameCode(stored, typed)) return null;
  const spent = await tx.accountToken.updateMany({
    where: { schoolId, id: token.id, usedAt: null, revokedAt: null },
    data: { usedAt: now, sealedCode: null },
  });
  return spent.count === 1 ? { userId: user.id, schoolId } : null;
}

/** Out-of-date codes lose their sealed value (a scheduled job; redeemCode also wipes one it meets). */
export async function wipeExpiredCodes(db: Db, now: Date = new Date()): Promise<number> {
  const { count } = await db.accountToken.updateMany({
    where: { kind: "CODE", sealedCode: { not: null }, expiresAt: { lte: now } },
    data: { sealedCode: null },
  });
  return count;
}
