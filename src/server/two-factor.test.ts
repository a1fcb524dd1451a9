import { randomUUID } from "node:crypto";
import { generate } from "otplib";
import { beforeAll, describe, expect, it } from "vitest";
import { FACTORY_PASSWORD } from "@/test-support/actors";
import { loadActor } from "./actor";
import { db } from "./db";
import { createSchool, createStaffUser } from "./factories";
import { attemptSignIn } from "./sign-in";
import { openTotpSecret, recoveryCodeHash } from "./totp";
import { checkSecondFactor, confirmTwoFactorSetUp, pendingSecondFactor, resetTwoFactorIn, setUpViewFor } from "./two-factor";

// Issue 12: two-factor for staff, against the database: set up at sign-in, codes once, recovery codes once.
const noSleep = async () => {};
const ip = () => `test-ip-${randomUUID()}`;
const STEP_MS = 30_000;

async function signIn(email: string, now = new Date()) {
  const result = await attemptSignIn(db, { email, password: FACTORY_PASSWORD, ip: ip() }, { sleep: noSleep, now });
  if (result.status !== "ok") throw new Error(`sign-in ${result.status}`);
  const claims = { userId: result.userId, sessionVersion: result.sessionVersion, sessionId: result.sessionId };
  return { result, claims, pending: await pendingSecondFactor(db, claims, now) };
}

/** A code from the user's confirmed app, or (given a set-up's pending session) from the QR code it shows. */
async function appCode(userId: string, at: Date, setUp?: { pendingSecret: string | null }): Promise<string> {
  const sealed = setUp
    ? setUp.pendingSecret
    : (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true } })).totpSecret;
  const secret = openTotpSecret(userId, sealed);
  if (!secret) throw new Error("no secret");
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

describe("two-factor for staff", () => {
  let schoolId: string;
  beforeAll(async () => {
    schoolId = (await createSchool(db, { withCalendar: false })).id;
    await db.school.update({ where: { id: schoolId }, data: { requireTwoFactor: true } });
  });
  const staff = async (roles: ("ADMIN" | "COORDINATOR" | "TEACHER" | "DSL" | "HEAD")[]) => {
    const email = `tf-${randomUUID().slice(0, 8)}@test.example`;
    return { email, user: await createStaffUser(db, { schoolId, roles, email }) };
  };

  it("asks a coordinator to set it up at sign-in, and the session opens nothing until they do", async () => {
    const { email, user } = await staff(["COORDINATOR"]);
    const { result, claims, pending } = await signIn(email);
    expect(result).toMatchObject({ secondFactor: "SET_UP" });
    expect(pending).toMatchObject({ step: "SET_UP", userId: user.id });
    expect(await loadActor(db, claims)).toBeNull();
    const view = await setUpViewFor(db, pending!);
    expect(view?.qrSvg).toContain("<svg");
    expect(view?.secret.replace(/ /g, "")).toMatch(/^[A-Z2-7]{16,}$/);
    // The secret is sealed on this session's row, never stored as the text the page shows, and is not
    // the user's until confirmed.
    const session = await db.userSession.findUniqueOrThrow({ where: { id: claims.sessionId }, select: { totpPendingSecret: true } });
    expect(session.totpPendingSecret).toBeTruthy();
    expect(session.totpPendingSecret).not.toContain(view!.secret.replace(/ /g, ""));
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpSecret).toBeNull();
  });

  it("does not ask a teacher, or anyone at a school that has not switched it on", async () => {
    const { email } = await staff(["TEACHER"]);
    expect((await signIn(email)).result).toMatchObject({ secondFactor: null });
    const otherSchool = (await createSchool(db, { withCalendar: false })).id;
    const adminEmail = `tf-${randomUUID().slice(0, 8)}@test.example`;
    await createStaffUser(db, { schoolId: otherSchool, roles: ["ADMIN"], email: adminEmail });
    const { result, claims } = await signIn(adminEmail);
    expect(result).toMatchObject({ secondFactor: null });
    expect(await loadActor(db, claims)).not.toBeNull();
  });

  it("sets up with the app's first code, gives ten recovery codes once, and then asks for a code at each sign-in", async () => {
    const { email, user } = await staff(["DSL"]);
    const now = new Date();
    const first = await signIn(email, now);
    expect(await confirmTwoFactorSetUp(db, first.pending!, { code: "000000", ip: ip() }, { sleep: noSleep, now })).toEqual({
      status: "invalid",
    });
    const done = await confirmTwoFactorSetUp(
      db,
      first.pending!,
      { code: await appCode(user.id, now, first.pending!), ip: ip() },
      { sleep: noSleep, now },
    );
    expect(done.status).toBe("ok");
    const codes = (done as { recoveryCodes: string[] }).recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(await loadActor(db, first.claims)).not.toBeNull();
    // Only hashes are kept.
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id }, select: { codeHash: true } });
    expect(stored).toHaveLength(10);
    expect(stored.map((r) => r.codeHash).sort()).toEqual(codes.map((c) => recoveryCodeHash(user.id, c)).sort());
    expect(JSON.stringify(stored)).not.toContain(codes[0]!.replace("-", ""));
    expect((await db.userSession.findUniqueOrThrow({ where: { id: first.claims.sessionId } })).totpPendingSecret).toBeNull();
    expect(await db.securityEvent.count({ where: { kind: "auth.two_factor_set_up", userId: user.id } })).toBe(1);

    // The next sign-in owes a code; the one used to set up is spent, a later one works once.
    const later = new Date(now.getTime() + 2 * STEP_MS);
    const second = await signIn(email, later);
    expect(second.pending?.step).toBe("CODE");
    const spent = await appCode(user.id, now);
    expect(await checkSecondFactor(db, second.pending!, { code: spent, ip: ip() }, { sleep: noSleep, now })).toEqual({ status: "invalid" });
    const fresh = await appCode(user.id, later);
    expect(await checkSecondFactor(db, second.pending!, { code: fresh, ip: ip() }, { sleep: noSleep, now: later })).toEqual({
      status: "ok",
    });
    expect(await loadActor(db, second.claims)).not.toBeNull();
    const third = await signIn(email, later);
    expect(await checkSecondFactor(db, third.pending!, { code: fresh, ip: ip() }, { sleep: noSleep, now: later })).toEqual({
      status: "invalid",
    });

    // A recovery code works once, typed any way, and then never again.
    const recovery = codes[3]!;
    expect(
      await checkSecondFactor(db, third.pending!, { code: ` ${recovery.toLowerCase()} `, ip: ip() }, { sleep: noSleep, now: later }),
    ).toEqual({ status: "ok", recoveryCodesLeft: 9 });
    const fourth = await signIn(email, later);
    expect(await checkSecondFactor(db, fourth.pending!, { code: recovery, ip: ip() }, { sleep: noSleep, now: later })).toEqual({
      status: "invalid",
    });
    expect(await loadActor(db, fourth.claims)).toBeNull();
    expect(await db.securityEvent.count({ where: { kind: "auth.recovery_code_used", userId: user.id } })).toBe(1);
  });

  it("gives one set-up for a double submit, and each sign-in's set-up its own secret", async () => {
    const { email, user } = await staff(["HEAD"]);
    const now = new Date();
    const a = await signIn(email, now);
    const b = await signIn(email, now);
    // Someone who saw one set-up's QR code learns nothing about another's.
    expect(openTotpSecret(user.id, a.pending!.pendingSecret)).not.toBe(openTotpSecret(user.id, b.pending!.pendingSecret));
    const code = await appCode(user.id, now, a.pending!);
    const results = await Promise.all([
      confirmTwoFactorSetUp(db, a.pending!, { code, ip: ip() }, { sleep: noSleep, now }),
      confirmTwoFactorSetUp(db, a.pending!, { code, ip: ip() }, { sleep: noSleep, now }),
    ]);
    expect(results.filter((r) => r.status === "ok")).toHaveLength(1);
    expect(results.filter((r) => r.status === "now-code")).toHaveLength(1);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(10);
    // The other device's set-up now asks for a code from the app that was set up instead.
    expect(
      await confirmTwoFactorSetUp(db, b.pending!, { code: await appCode(user.id, now, b.pending!), ip: ip() }, { sleep: noSleep, now }),
    ).toEqual({
      status: "now-code",
    });
    expect((await pendingSecondFactor(db, b.claims, now))?.step).toBe("CODE");
  });

  it("spends a recovery code once when two requests use it at once, and takes one even without the app's key", async () => {
    const { email, user } = await staff(["ADMIN"]);
    const now = new Date();
    const first = await signIn(email, now);
    const done = await confirmTwoFactorSetUp(
      db,
      first.pending!,
      { code: await appCode(user.id, now, first.pending!), ip: ip() },
      { sleep: noSleep, now },
    );
    const recovery = (done as { recoveryCodes: string[] }).recoveryCodes[0]!;
    const [a, b] = [await signIn(email, now), await signIn(email, now)];
    const results = await Promise.all([
      checkSecondFactor(db, a.pending!, { code: recovery, ip: ip() }, { sleep: noSleep, now }),
      checkSecondFactor(db, b.pending!, { code: recovery, ip: ip() }, { sleep: noSleep, now }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["invalid", "ok"]);
    // AUTH_SECRET changed (the sealed key no longer opens): recovery codes still work.
    await db.user.update({ where: { id: user.id }, data: { totpSecret: "v1.not.a.sealed-value" } });
    const c = await signIn(email, now);
    const other = (done as { recoveryCodes: string[] }).recoveryCodes[1]!;
    expect((await checkSecondFactor(db, c.pending!, { code: other, ip: ip() }, { sleep: noSleep, now })).status).toBe("ok");
  });

  it("pauses two-factor for 15 minutes after five wrong codes", async () => {
    const { email, user } = await staff(["ADMIN"]);
    const now = new Date();
    const first = await signIn(email, now);
    await confirmTwoFactorSetUp(
      db,
      first.pending!,
      { code: await appCode(user.id, now, first.pending!), ip: ip() },
      { sleep: noSleep, now },
    );
    const later = new Date(now.getTime() + 2 * STEP_MS);
    const second = await signIn(email, later);
    for (let i = 0; i < 5; i += 1) {
      expect((await checkSecondFactor(db, second.pending!, { code: "123456", ip: ip() }, { sleep: noSleep, now: later })).status).toBe(
        "invalid",
      );
    }
    const right = await appCode(user.id, later);
    expect((await checkSecondFactor(db, second.pending!, { code: right, ip: ip() }, { sleep: noSleep, now: later })).status).toBe("locked");
    expect(await loadActor(db, second.claims)).toBeNull();
  });

  it("an admin's reset clears the app and the recovery codes and signs them out; the next sign-in sets up again", async () => {
    const { email, user } = await staff(["COORDINATOR"]);
    const now = new Date();
    const first = await signIn(email, now);
    await confirmTwoFactorSetUp(
      db,
      first.pending!,
      { code: await appCode(user.id, now, first.pending!), ip: ip() },
      { sleep: noSleep, now },
    );
    await db.$transaction((tx) => resetTwoFactorIn(tx, user.id));
    expect(await loadActor(db, first.claims)).toBeNull();
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ totpConfirmedAt: null, totpLastStep: null });
    expect((await signIn(email)).result).toMatchObject({ secondFactor: "SET_UP" });
  });
});
