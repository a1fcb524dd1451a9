import type { SecondFactorStep } from "@/generated/prisma/client";
import { needsTwoFactor } from "@/lib/two-factor";
import { PUPIL_ACCESS_SELECT, pupilMaySignIn } from "./account-access";
import type { Db } from "./db";
import { dummyPasswordHash, verifyPassword } from "./password";
import { recordSecurityEvent } from "./security-events";
import { newSealedSecret } from "./totp";

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
  | { status: "ok"; userId: string; sessionVersion: number; sessionId: string; secondFactor: SecondFactorStep | null }
  | { status: "invalid" }
  | { status: "locked"; until: Date }
  | { status: "busy" };

/** Not succeeded yet: a failure, or a check still running (a reserved check counts as a failure). */
const NOT_SUCCEEDED = { OR: [{ succeeded: false }, { succeeded: null }] };

/** The delay for an address with this many failures in the window: 0, then 250 ms doubling to 8 s. */
export function addressDelayMs(failures: number): number {
  if (failures < ADDRESS_FREE_FAILURES) return 0;
  return Math.min(ADDRESS_MAX_DELAY_MS, ADDRESS_FIRST_DELAY_MS * 2 ** (failures - ADDRESS_FREE_FAILURES));
}

/**
 * The key an address is counted by: an IPv4 address as it is, an IPv6 address by its /64 (one home or
 * school network gets a whole /64 and could rotate through it).
 */
export function addressKey(ip: string): string {
  const address = ip.trim().toLowerCase();
  if (!address.includes(":")) return address;
  const [head = "", tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = address.includes("::") && tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right] : left;
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return address;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

type Reservation =
  | { status: "reserved"; attemptId: string; failures: number; addressFailures: number }
  | { status: "locked"; until: Date; addressFailures: number }
  | { status: "busy" };

const LOCK_TRIES = 100;
const LOCK_RETRY_MS = 50;

/**
 * Reserves one password check for this account, atomically: holding per-email and per-address
 * transaction locks, counts the account's failures (and checks still running) since its last success,
 * refuses when five fell within the lock window, else records this attempt as running, and counts the
 * address's failures and running checks (so a burst of parallel requests sees itself). However many
 * requests race, at most five checks per account happen per window. The locks are tried, not waited
 * for, so a burst at one email never holds the connection pool.
 */
async function reserveCheck(db: Db, email: string, ip: string, now: Date): Promise<Reservation> {
  for (let tries = 0; tries < LOCK_TRIES; tries += 1) {
    const result = await db.$transaction(async (tx): Promise<Reservation | null> => {
      const [locked] = await tx.$queryRaw<{ ok: boolean }[]>`
        SELECT pg_try_advisory_xact_lock(hashtextextended(${`peerpath.sign-in:${email}`}, 0))
           AND pg_try_advisory_xact_lock(hashtextextended(${`peerpath.sign-in-address:${ip}`}, 0)) AS ok`;
      if (!locked?.ok) return null;
      const addressFailures = await tx.signInAttempt.count({
        where: { ip, ...NOT_SUCCEEDED, at: { gt: new Date(now.getTime() - LOCK_MS) } },
      });
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
        if (until > now) return { status: "locked", until, addressFailures };
      }
      const failures = recent.filter((r) => r.at.getTime() > now.getTime() - LOCK_MS).length;
      const attempt = await tx.signInAttempt.create({ data: { email, ip, succeeded: null, at: now }, select: { id: true } });
      return { status: "reserved", attemptId: attempt.id, failures, addressFailures };
    });
    if (result) return result;
    await new Promise((r) => setTimeout(r, LOCK_RETRY_MS));
  }
  return { status: "busy" };
}

export type ThrottledResult<T> =
  | { status: "ok"; value: T; delayMs: number }
  | { status: "invalid"; delayMs: number }
  | { status: "locked"; until: Date }
  | { status: "busy" };

/**
 * A secret checked for an email under sign-in's locks (ADR 005): a password at sign-in, a pupil's
 * set-up code at /set-up, so five wrong codes pause an email exactly as five wrong passwords do. Per
 * account: slows repeated failures, and refuses for 15 minutes after five, atomically. Per address:
 * slows down, never refuses. `check` answers null for a wrong secret; its attempt is recorded as a
 * success only when it answers something, and as a failure when it throws.
 */
export async function throttledCheck<T>(
  db: Db,
  input: { email: string; ip: string },
  check: () => Promise<T | null>,
  options: { now?: Date; sleep?: (ms: number) => Promise<void> } = {},
): Promise<ThrottledResult<T>> {
  const now = options.now ?? new Date();
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const email = input.email.trim().toLowerCase();
  const reservation = await reserveCheck(db, email, addressKey(input.ip), now);
  if (reservation.status === "busy") return reservation;
  if (reservation.status === "locked") {
    // Hammering a paused account costs time too.
    const delay = addressDelayMs(reservation.addressFailures);
    if (delay > 0) await sleep(delay);
    return { status: "locked", until: reservation.until };
  }
  const delayMs = Math.max(
    ACCOUNT_DELAYS[Math.min(reservation.failures, ACCOUNT_DELAYS.length - 1)] ?? 0,
    addressDelayMs(reservation.addressFailures),
  );
  let value: T | null = null;
  try {
    if (delayMs > 0) await sleep(delayMs);
    value = await check();
  } finally {
    // Even when the check fails half-way, the reserved attempt ends: as a failure unless it succeeded.
    await db.signInAttempt.update({ where: { id: reservation.attemptId }, data: { succeeded: value !== null } });
  }
  return value === null ? { status: "invalid", delayMs } : { status: "ok", value, delayMs };
}

/** A pause is recorded once per pause, not once per refused request. */
export async function recordLockOnce(
  db: Db,
  who: { userId: string | null; schoolId: string | null; email: string; ip: string },
  until: Date,
) {
  const at = until.toISOString();
  const known = await db.securityEvent.count({
    where: { kind: "auth.sign_in_locked", email: who.email, detail: { path: ["until"], equals: at } },
  });
  if (known === 0) await recordSecurityEvent({ kind: "auth.sign_in_locked", ...who, detail: { until: at } });
}

/**
 * The one place a password is checked at sign-in (ADR 005), through throttledCheck. Every failure is
 * a security event, and each lock once; a success starts a session row for this device.
 */
export async function attemptSignIn(
  db: Db,
  input: { email: string; password: string; ip: string },
  options: { now?: Date; sleep?: (ms: number) => Promise<void> } = {},
): Promise<SignInResult> {
  const now = options.now ?? new Date();
  const email = input.email.trim().toLowerCase();

  await pruneSignInRecords(db);
  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      passwordHash: true,
      disabledAt: true,
      sessionVersion: true,
      totpConfirmedAt: true,
      memberships: {
        select: { schoolId: true, disabledAt: true, roles: true, school: { select: { requireTwoFactor: true } } },
        orderBy: { createdAt: "asc" },
      },
      students: { select: { schoolId: true, ...PUPIL_ACCESS_SELECT }, take: 1 },
    },
  });
  // Disabled by every school, or a pupil who has left: the password alone no longer opens anything.
  const hasAccess = Boolean(
    user && !user.disabledAt && (user.memberships.some((m) => m.disabledAt === null) || user.students.some((p) => pupilMaySignIn(p))),
  );
  const who = {
    userId: user?.id ?? null,
    schoolId: user?.memberships[0]?.schoolId ?? user?.students[0]?.schoolId ?? null,
    email,
    ip: input.ip,
  };

  const result = await throttledCheck(
    db,
    { email, ip: input.ip },
    async () => {
      const isValid = user
        ? await verifyPassword(user.passwordHash, input.password)
        : await verifyPassword(await dummyPasswordHash(), input.password).then(() => false);
      return user && isValid && hasAccess ? user : null;
    },
    { ...options, now },
  );
  if (result.status === "busy") return result;
  if (result.status === "locked") {
    await recordLockOnce(db, who, result.until);
    return result;
  }
  if (result.status === "invalid") {
    await recordSecurityEvent({ kind: "auth.sign_in_failed", ...who, detail: { delayMs: result.delayMs } });
    return { status: "invalid" };
  }
  // A right password at a school that asks staff for a second factor opens nothing yet: the session
  // waits for a code, or for two-factor to be set up first (issue 12, ADR 026).
  const { id: userId, sessionVersion, totpConfirmedAt, memberships } = result.value;
  const secondFactor: SecondFactorStep | null = needsTwoFactor(memberships.filter((m) => m.disabledAt === null))
    ? totpConfirmedAt
      ? "CODE"
      : "SET_UP"
    : null;
  const session = await db.userSession.create({
    data: {
      userId,
      expiresAt: new Date(now.getTime() + SESSION_MS),
      method: "PASSWORD",
      secondFactor,
      totpPendingSecret: secondFactor === "SET_UP" ? newSealedSecret(userId) : null,
    },
    select: { id: true },
  });
  return { status: "ok", userId, sessionVersion, sessionId: session.id, secondFactor };
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
