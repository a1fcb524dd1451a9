import type { Db } from "./db";
import { dummyPasswordHash, verifyPassword } from "./password";
import { recordSecurityEvent } from "./security-events";

export const MAX_FAILURES = 5;
export const LOCK_MS = 15 * 60 * 1000;
/** How long a signed-in device stays signed in (the session token's own lifetime too). */
export const SESSION_MS = 8 * 60 * 60 * 1000;
/** Attempts older than this can no longer lock anything, so they are deleted. */
export const ATTEMPT_RETENTION_MS = 2 * LOCK_MS;
// Each earlier failure for the account slows the next attempt a little more (ms).
const ACCOUNT_DELAYS = [0, 0, 250, 500, 1000];
// Per address (a whole school may share one): no delay for a classroom's usual typos, then a delay
// that doubles with each further failure in the window, up to a cap. Never a refusal (ADR 005).
export const ADDRESS_FREE_FAILURES = 10;
const ADDRESS_FIRST_DELAY_MS = 250;
export const ADDRESS_MAX_DELAY_MS = 8_000;

export type SignInResult =
  { status: "ok"; userId: string; sessionVersion: number; sessionId: string } | { status: "invalid" } | { status: "locked"; until: Date };

/** Not succeeded yet: a failure, or a check still running (a reserved check counts as a failure). */
const NOT_SUCCEEDED = { OR: [{ succeeded: false }, { succeeded: null }] };

/** The delay for an address with this many failures in the window: 0, then 250 ms doubling to 8 s. */
export function addressDelayMs(failures: number): number {
  if (failures < ADDRESS_FREE_FAILURES) return 0;
  return Math.min(ADDRESS_MAX_DELAY_MS, ADDRESS_FIRST_DELAY_MS * 2 ** (failures - ADDRESS_FREE_FAILURES));
}

type Reservation = { status: "reserved"; attemptId: string; failures: number } | { status: "locked"; until: Date };

/**
 * Reserves one password check for this account, atomically: under a per-account transaction lock,
 * counts the failures (and checks still running) since the last success, refuses when five fell within
 * the lock window, else records this attempt as running. However many requests race, at most five
 * checks per account happen per window.
 */
async function reserveCheck(db: Db, email: string, ip: string, now: Date): Promise<Reservation> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`peerpath.sign-in:${email}`}, 0))::text`;
    const lastSuccess = await tx.signInAttempt.findFirst({
      where: { email, succeeded: true },
      orderBy: { at: "desc" },
      select: { at: true },
    });
    const since = new Date(Math.max(now.getTime() - ATTEMPT_RETENTION_MS, lastSuccess?.at.getTime() ?? 0));
    const recent = await tx.signInAttempt.findMany({
      where: { email, ...NOT_SUCCEEDED, at: { gt: since } },
      orderBy: { at: "desc" },
      take: MAX_FAILURES,
      select: { at: true },
    });
    const newest = recent[0]?.at;
    const fifth = recent[MAX_FAILURES - 1]?.at;
    if (newest && fifth && newest.getTime() - fifth.getTime() <= LOCK_MS) {
      const until = new Date(newest.getTime() + LOCK_MS);
      if (until > now) return { status: "locked", until };
    }
    const failures = recent.filter((r) => r.at.getTime() > now.getTime() - LOCK_MS).length;
    const attempt = await tx.signInAttempt.create({ data: { email, ip, succeeded: null, at: now }, select: { id: true } });
    return { status: "reserved", attemptId: attempt.id, failures };
  });
}

/**
 * The one place a password is checked (ADR 005). Per account: slows repeated failures, and refuses for
 * 15 minutes after five failures, atomically. Per address: slows down, never refuses, so one pupil
 * behind a school's shared address cannot lock out the school. Every failure and refusal is a
 * security event; a success starts a session row for this device.
 */
export async function attemptSignIn(
  db: Db,
  input: { email: string; password: string; ip: string },
  options: { now?: Date; sleep?: (ms: number) => Promise<void> } = {},
): Promise<SignInResult> {
  const now = options.now ?? new Date();
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const email = input.email.trim().toLowerCase();

  await pruneSignInRecords(db);
  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      passwordHash: true,
      disabledAt: true,
      sessionVersion: true,
      memberships: { select: { schoolId: true }, take: 1 },
      students: { select: { schoolId: true }, take: 1 },
    },
  });
  const who = {
    userId: user?.id ?? null,
    schoolId: user?.memberships[0]?.schoolId ?? user?.students[0]?.schoolId ?? null,
    email,
    ip: input.ip,
  };

  const reservation = await reserveCheck(db, email, input.ip, now);
  if (reservation.status === "locked") {
    await recordSecurityEvent({ kind: "auth.sign_in_locked", ...who, detail: { until: reservation.until.toISOString() } });
    return reservation;
  }

  const addressFailures = await db.signInAttempt.count({
    where: { ip: input.ip, succeeded: false, at: { gt: new Date(now.getTime() - LOCK_MS) } },
  });
  const delay = Math.max(ACCOUNT_DELAYS[Math.min(reservation.failures, ACCOUNT_DELAYS.length - 1)] ?? 0, addressDelayMs(addressFailures));
  if (delay > 0) await sleep(delay);

  const isValid = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyPassword(await dummyPasswordHash(), input.password).then(() => false);
  const succeeded = Boolean(user && isValid && !user.disabledAt);
  await db.signInAttempt.update({ where: { id: reservation.attemptId }, data: { succeeded } });
  if (!succeeded || !user) {
    await recordSecurityEvent({ kind: "auth.sign_in_failed", ...who, detail: { delayMs: delay } });
    return { status: "invalid" };
  }
  const session = await db.userSession.create({
    data: { userId: user.id, expiresAt: new Date(now.getTime() + SESSION_MS) },
    select: { id: true },
  });
  return { status: "ok", userId: user.id, sessionVersion: user.sessionVersion, sessionId: session.id };
}

/** Attempts that can no longer lock anything, and expired sessions, are deleted (by the clock, not `now`). */
export async function pruneSignInRecords(db: Db): Promise<void> {
  const clock = Date.now();
  await Promise.all([
    db.signInAttempt.deleteMany({ where: { at: { lt: new Date(clock - ATTEMPT_RETENTION_MS) } } }),
    db.userSession.deleteMany({ where: { expiresAt: { lt: new Date(clock) } } }),
  ]);
}

/** Signing out on this device: its session row goes, other devices stay signed in. */
export async function endSession(db: Db, claims: { userId: string; sessionId: string }): Promise<void> {
  await db.userSession.deleteMany({ where: { id: claims.sessionId, userId: claims.userId } });
}

/** "Sign out everywhere": every session of this user ends, and tokens issued before now stop working. */
export async function endEverySession(db: Db, userId: string): Promise<void> {
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } }),
    db.userSession.deleteMany({ where: { userId } }),
  ]);
}
