import "server-only";
import type { SecondFactorStep } from "@/generated/prisma/client";
import { normaliseTotpCode } from "@/lib/two-factor";
import type { SessionClaims } from "./actor";
import type { Db, Tx } from "./db";
import { recordSecurityEvent, recordSecurityEventIn } from "./security-events";
import { recordLockOnce, throttledCheck } from "./sign-in";
import { newRecoveryCodes, openTotpSecret, qrCodeSvg, recoveryCodeHash, spacedSecret, totpUri, verifyTotp } from "./totp";

// The second factor of a password sign-in (issue 12, ADR 026). The session row says what is still owed
// (set up, or a code); nothing opens until it is cleared (server/actor.ts). Codes are checked under
// sign-in's locks with their own key, so five wrong codes pause two-factor for 15 minutes.

type Pending = {
  sessionId: string;
  userId: string;
  email: string;
  step: SecondFactorStep;
  schoolId: string | null;
  /** This set-up's own secret, sealed (SET_UP only). */
  pendingSecret: string | null;
};

/** This device's session when it is waiting for its second factor, else null. */
export async function pendingSecondFactor(db: Db, claims: SessionClaims | null, now: Date = new Date()): Promise<Pending | null> {
  if (!claims) return null;
  const session = await db.userSession.findFirst({
    where: { id: claims.sessionId, userId: claims.userId, expiresAt: { gt: now }, secondFactor: { not: null } },
    select: {
      secondFactor: true,
      totpPendingSecret: true,
      user: {
        select: {
          email: true,
          sessionVersion: true,
          disabledAt: true,
          memberships: { select: { schoolId: true }, take: 1, orderBy: { createdAt: "asc" } },
        },
      },
    },
  });
  if (!session?.secondFactor || session.user.disabledAt || session.user.sessionVersion !== claims.sessionVersion) return null;
  return {
    sessionId: claims.sessionId,
    userId: claims.userId,
    email: session.user.email,
    step: session.secondFactor,
    schoolId: session.user.memberships[0]?.schoolId ?? null,
    pendingSecret: session.totpPendingSecret,
  };
}

export type SetUpView = { qrSvg: string; secret: string; email: string };

/** What the set-up page shows: the QR code and the same secret as text. */
export async function setUpViewFor(db: Db, pending: Pending): Promise<SetUpView | null> {
  const secret = openTotpSecret(pending.userId, pending.pendingSecret);
  if (!secret) return null;
  return { qrSvg: await qrCodeSvg(totpUri(secret, pending.email)), secret: spacedSecret(secret), email: pending.email };
}

export type SecondFactorResult =
  | { status: "ok"; recoveryCodes?: string[]; recoveryCodesLeft?: number }
  | { status: "invalid" }
  | { status: "locked"; until: Date }
  | { status: "busy" }
  | { status: "gone" }
  | { status: "now-code" };

const throttleKey = (email: string) => `two-factor:${email}`;

async function finish(tx: Tx | Db, pending: Pending, step: SecondFactorStep): Promise<boolean> {
  const done = await tx.userSession.updateMany({
    where: { id: pending.sessionId, userId: pending.userId, secondFactor: step },
    data: { secondFactor: null, totpPendingSecret: null },
  });
  return done.count === 1;
}

/** Two-factor was set up on another device meanwhile: this session now owes a code from that app. */
async function owesCodeInstead(db: Db, pending: Pending): Promise<void> {
  await db.userSession.updateMany({
    where: { id: pending.sessionId, secondFactor: "SET_UP" },
    data: { secondFactor: "CODE", totpPendingSecret: null },
  });
}

/**
 * Confirms a new authenticator app with its first code: two-factor is set up, ten recovery codes are
 * made (returned once, only their hashes kept) and this session is signed in. This session's own secret
 * becomes the user's, conditional on nobody having set up meanwhile: two devices confirming give one.
 */
export async function confirmTwoFactorSetUp(
  db: Db,
  pending: Pending,
  input: { code: string; ip: string },
  options: { now?: Date; sleep?: (ms: number) => Promise<void> } = {},
): Promise<SecondFactorResult> {
  const now = options.now ?? new Date();
  if (pending.step !== "SET_UP") return { status: "gone" };
  const user = await db.user.findUnique({ where: { id: pending.userId }, select: { totpConfirmedAt: true } });
  if (!user) return { status: "gone" };
  if (user.totpConfirmedAt) {
    await owesCodeInstead(db, pending);
    return { status: "now-code" };
  }
  const sealed = pending.pendingSecret;
  const secret = openTotpSecret(pending.userId, sealed);
  const code = normaliseTotpCode(input.code);
  if (!secret || !sealed) return { status: "gone" };
  const codes = newRecoveryCodes();
  const result = await throttledCheck(
    db,
    { email: throttleKey(pending.email), ip: input.ip },
    async () => {
      const step = code ? await verifyTotp(secret, code, null, now) : null;
      if (step === null) return null;
      return db.$transaction(async (tx) => {
        const confirmed = await tx.user.updateMany({
          where: { id: pending.userId, totpConfirmedAt: null },
          data: { totpSecret: sealed, totpConfirmedAt: now, totpLastStep: step },
        });
        if (confirmed.count !== 1) return "raced" as const;
        await tx.recoveryCode.deleteMany({ where: { userId: pending.userId } });
        await tx.recoveryCode.createMany({
          data: codes.map((c) => ({ userId: pending.userId, codeHash: recoveryCodeHash(pending.userId, c)! })),
        });
        await finish(tx, pending, "SET_UP");
        await recordSecurityEventIn(tx, {
          kind: "auth.two_factor_set_up",
          userId: pending.userId,
          schoolId: pending.schoolId,
          email: pending.email,
          ip: input.ip,
        });
        return "done" as const;
      });
    },
    { ...options, now },
  );
  if (result.status === "ok" && result.value === "raced") {
    await owesCodeInstead(db, pending);
    return { status: "now-code" };
  }
  if (result.status === "ok") return { status: "ok", recoveryCodes: codes };
  return refusal(db, pending, input.ip, result);
}

/**
 * A code from the authenticator app (each works once: its time step must be later than the last one
 * used), or a recovery code (used once, then never again). Either clears this session's second factor.
 * Recovery codes work even when the app's secret cannot be opened (AUTH_SECRET changed).
 */
export async function checkSecondFactor(
  db: Db,
  pending: Pending,
  input: { code: string; ip: string },
  options: { now?: Date; sleep?: (ms: number) => Promise<void> } = {},
): Promise<SecondFactorResult> {
  const now = options.now ?? new Date();
  if (pending.step !== "CODE") return { status: "gone" };
  const user = await db.user.findUnique({
    where: { id: pending.userId },
    select: { totpSecret: true, totpConfirmedAt: true, totpLastStep: true },
  });
  if (!user?.totpConfirmedAt) return { status: "gone" };
  const secret = openTotpSecret(pending.userId, user.totpSecret);
  const totpCode = normaliseTotpCode(input.code);
  const recoveryHash = totpCode ? null : recoveryCodeHash(pending.userId, input.code);
  const result = await throttledCheck(
    db,
    { email: throttleKey(pending.email), ip: input.ip },
    async () => {
      if (totpCode) {
        const step = secret ? await verifyTotp(secret, totpCode, user.totpLastStep, now) : null;
        if (step === null) return null;
        const used = await db.user.updateMany({
          where: { id: pending.userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
          data: { totpLastStep: step },
        });
        return used.count === 1 ? { how: "app" as const } : null;
      }
      if (!recoveryHash) return null;
      return db.$transaction(async (tx) => {
        const used = await tx.recoveryCode.updateMany({
          where: { userId: pending.userId, codeHash: recoveryHash, usedAt: null },
          data: { usedAt: now },
        });
        if (used.count !== 1) return null;
        const left = await tx.recoveryCode.count({ where: { userId: pending.userId, usedAt: null } });
        await recordSecurityEventIn(tx, {
          kind: "auth.recovery_code_used",
          userId: pending.userId,
          schoolId: pending.schoolId,
          email: pending.email,
          ip: input.ip,
          detail: { left },
        });
        return { how: "recovery" as const, left };
      });
    },
    { ...options, now },
  );
  if (result.status !== "ok") return refusal(db, pending, input.ip, result);
  if (!(await finish(db, pending, "CODE"))) return { status: "gone" };
  return result.value.how === "recovery" ? { status: "ok", recoveryCodesLeft: result.value.left } : { status: "ok" };
}

async function refusal(
  db: Db,
  pending: Pending,
  ip: string,
  result: { status: "invalid" } | { status: "locked"; until: Date } | { status: "busy" },
): Promise<SecondFactorResult> {
  const who = { userId: pending.userId, schoolId: pending.schoolId, email: pending.email, ip };
  if (result.status === "locked") await recordLockOnce(db, who, result.until);
  if (result.status === "invalid") await recordSecurityEvent({ kind: "auth.two_factor_failed", ...who });
  return result.status === "invalid" ? { status: "invalid" } : result;
}

/**
 * An admin's reset of a colleague's second factor (a lost phone): the app's secret and every recovery
 * code go, and they are signed out everywhere; their next password sign-in sets it up again.
 */
export async function resetTwoFactorIn(tx: Tx, userId: string): Promise<void> {
  await tx.user.update({
    where: { id: userId },
    data: { totpSecret: null, totpConfirmedAt: null, totpLastStep: null, sessionVersion: { increment: 1 } },
  });
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.userSession.deleteMany({ where: { userId } });
}
