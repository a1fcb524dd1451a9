import type { Db } from "./db";
import { writeAudit } from "./audit";
import { dummyPasswordHash, verifyPassword } from "./password";

export const MAX_FAILURES = 5;
export const LOCK_MS = 15 * 60 * 1000;
// Each earlier failure in the window slows the next attempt a little more (ms).
const DELAYS = [0, 0, 250, 500, 1000];

export type SignInResult =
  { status: "ok"; userId: string; sessionVersion: number } | { status: "invalid" } | { status: "locked"; until: Date };

type Lock = { failures: number; lockedUntil: Date | null };

async function lockFor(db: Db, where: { email: string } | { ip: string }, now: Date): Promise<Lock> {
  // A success clears an account's own failures; an address's failures are never cleared by a
  // success, or one could guess other accounts' passwords between sign-ins to one's own.
  const lastSuccess =
    "email" in where
      ? await db.signInAttempt.findFirst({ where: { ...where, succeeded: true }, orderBy: { at: "desc" }, select: { at: true } })
      : null;
  const since = new Date(Math.max(now.getTime() - 2 * LOCK_MS, lastSuccess?.at.getTime() ?? 0));
  const recent = await db.signInAttempt.findMany({
    where: { ...where, succeeded: false, at: { gt: since } },
    orderBy: { at: "desc" },
    take: MAX_FAILURES,
    select: { at: true },
  });
  const newest = recent[0]?.at;
  const fifth = recent[MAX_FAILURES - 1]?.at;
  if (newest && fifth && newest.getTime() - fifth.getTime() <= LOCK_MS) {
    const until = new Date(newest.getTime() + LOCK_MS);
    if (until > now) return { failures: recent.length, lockedUntil: until };
  }
  const inWindow = recent.filter((r) => r.at.getTime() > now.getTime() - LOCK_MS).length;
  return { failures: inWindow, lockedUntil: null };
}

/**
 * The one place a password is checked. Slows repeated failures, refuses for 15 minutes after five
 * failures per account or per address, and audits every failure (ADR 005).
 */
export async function attemptSignIn(
  db: Db,
  input: { email: string; password: string; ip: string },
  options: { now?: Date; sleep?: (ms: number) => Promise<void> } = {},
): Promise<SignInResult> {
  const now = options.now ?? new Date();
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const email = input.email.trim().toLowerCase();

  const [byEmail, byIp] = await Promise.all([lockFor(db, { email }, now), lockFor(db, { ip: input.ip }, now)]);
  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      passwordHash: true,
      disabledAt: true,
      sessionVersion: true,
      memberships: { select: { schoolId: true }, take: 1 },
      student: { select: { schoolId: true } },
    },
  });
  const schoolId = user?.memberships[0]?.schoolId ?? user?.student?.schoolId ?? null;
  const lockedUntil = [byEmail.lockedUntil, byIp.lockedUntil]
    .filter((d): d is Date => d !== null)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  if (lockedUntil) {
    await db.$transaction((tx) =>
      writeAudit(
        tx,
        { userId: null, schoolId },
        { action: "auth.sign_in_refused", recordType: "User", recordId: user?.id ?? null, changes: { email, ip: input.ip } },
      ),
    );
    return { status: "locked", until: lockedUntil };
  }

  const delay = DELAYS[Math.min(Math.max(byEmail.failures, byIp.failures), DELAYS.length - 1)] ?? 0;
  if (delay > 0) await sleep(delay);

  const isValid = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyPassword(await dummyPasswordHash(), input.password).then(() => false);
  const succeeded = Boolean(user && isValid && !user.disabledAt);
  await db.$transaction(async (tx) => {
    await tx.signInAttempt.create({ data: { email, ip: input.ip, succeeded, at: now } });
    if (!succeeded) {
      await writeAudit(
        tx,
        { userId: null, schoolId },
        { action: "auth.sign_in_failed", recordType: "User", recordId: user?.id ?? null, changes: { email, ip: input.ip } },
      );
    }
  });
  if (!succeeded || !user) return { status: "invalid" };
  return { status: "ok", userId: user.id, sessionVersion: user.sessionVersion };
}
