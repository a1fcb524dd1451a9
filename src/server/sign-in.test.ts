import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "./db";
import { attemptSignIn, LOCK_MS, MAX_FAILURES } from "./sign-in";
import { createSchool, createStaffUser } from "./factories";
import { FACTORY_PASSWORD } from "@/test-support/actors";
import { uniqueEmail } from "@/test-support/school";

const uniqueIp = () => `test-ip-${randomUUID()}`;
const noSleep = async () => {};
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

describe("attemptSignIn", () => {
  let schoolId: string;
  beforeAll(async () => {
    schoolId = (await createSchool(db, { withCalendar: false })).id;
  });
  const newUser = async () => {
    const email = uniqueEmail("signin");
    const user = await createStaffUser(db, { schoolId, roles: ["TEACHER"], email });
    return { email, user };
  };

  it("signs in with the right password, whatever the email's case and spaces", async () => {
    const { email, user } = await newUser();
    const result = await attemptSignIn(
      db,
      { email: `  ${email.toUpperCase()} `, password: FACTORY_PASSWORD, ip: uniqueIp() },
      { sleep: noSleep },
    );
    expect(result).toEqual({ status: "ok", userId: user.id, sessionVersion: 1 });
  });

  it("answers a wrong password and an unknown email the same way", async () => {
    const { email } = await newUser();
    const wrongPassword = await attemptSignIn(db, { email, password: "nope", ip: uniqueIp() }, { sleep: noSleep });
    const unknownEmail = await attemptSignIn(
      db,
      { email: uniqueEmail("nobody"), password: FACTORY_PASSWORD, ip: uniqueIp() },
      { sleep: noSleep },
    );
    expect(wrongPassword).toEqual({ status: "invalid" });
    expect(unknownEmail).toEqual(wrongPassword);
  });

  it("refuses a disabled account even with the right password", async () => {
    const { email, user } = await newUser();
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await attemptSignIn(db, { email, password: FACTORY_PASSWORD, ip: uniqueIp() }, { sleep: noSleep })).toEqual({
      status: "invalid",
    });
  });

  it("audits every failure, for a real account and an unknown one, and records each attempt", async () => {
    const { email, user } = await newUser();
    const ip = uniqueIp();
    await attemptSignIn(db, { email, password: "wrong-1", ip }, { sleep: noSleep });
    await attemptSignIn(db, { email, password: "wrong-2", ip }, { sleep: noSleep });
    const audits = await db.auditLog.findMany({ where: { action: "auth.sign_in_failed", recordId: user.id } });
    expect(audits).toHaveLength(2);
    for (const audit of audits) {
      expect(audit).toMatchObject({ recordType: "User", schoolId, actorUserId: null });
      expect(audit.changes).toEqual({ email, ip });
    }
    expect(JSON.stringify(audits)).not.toContain("wrong-");

    const unknown = uniqueEmail("ghost");
    await attemptSignIn(db, { email: unknown, password: "whatever", ip }, { sleep: noSleep });
    const ghostAudit = await db.auditLog.findMany({
      where: { action: "auth.sign_in_failed", changes: { path: ["email"], equals: unknown } },
    });
    expect(ghostAudit).toHaveLength(1);
    expect(ghostAudit[0]).toMatchObject({ recordId: null, schoolId: null });
    expect(await db.signInAttempt.count({ where: { ip } })).toBe(3);
  });

  it("slows repeated failures without really waiting when given a sleep", async () => {
    const { email } = await newUser();
    const ip = uniqueIp();
    const slept: number[] = [];
    const sleep = async (ms: number) => {
      slept.push(ms);
    };
    const start = new Date();
    for (let i = 0; i < MAX_FAILURES; i += 1)
      await attemptSignIn(db, { email, password: "wrong", ip }, { now: at(start, i * 1000), sleep });
    expect(slept).toEqual([250, 500, 1000]);
  });

  it("locks an account for 15 minutes after 5 failures, even for the right password, then lets it in", async () => {
    const { email, user } = await newUser();
    const start = new Date();
    // Each failure from a different address: the lock is on the account.
    for (let i = 0; i < MAX_FAILURES; i += 1) {
      expect(await attemptSignIn(db, { email, password: "wrong", ip: uniqueIp() }, { now: at(start, i * 1000), sleep: noSleep })).toEqual({
        status: "invalid",
      });
    }
    const lastFailure = at(start, (MAX_FAILURES - 1) * 1000);
    const locked = await attemptSignIn(
      db,
      { email, password: FACTORY_PASSWORD, ip: uniqueIp() },
      { now: at(lastFailure, 60_000), sleep: noSleep },
    );
    expect(locked).toEqual({ status: "locked", until: at(lastFailure, LOCK_MS) });
    expect(await db.auditLog.count({ where: { action: "auth.sign_in_refused", recordId: user.id } })).toBe(1);

    const stillLocked = await attemptSignIn(
      db,
      { email, password: FACTORY_PASSWORD, ip: uniqueIp() },
      { now: at(lastFailure, LOCK_MS - 1000), sleep: noSleep },
    );
    expect(stillLocked.status).toBe("locked");

    const afterLock = await attemptSignIn(
      db,
      { email, password: FACTORY_PASSWORD, ip: uniqueIp() },
      { now: at(lastFailure, LOCK_MS + 1000), sleep: noSleep },
    );
    expect(afterLock).toEqual({ status: "ok", userId: user.id, sessionVersion: 1 });
  });

  it("does not lock for failures spread over more than 15 minutes", async () => {
    const { email } = await newUser();
    const start = new Date();
    for (let i = 0; i < MAX_FAILURES; i += 1)
      await attemptSignIn(db, { email, password: "wrong", ip: uniqueIp() }, { now: at(start, i * 4 * 60_000), sleep: noSleep });
    const result = await attemptSignIn(
      db,
      { email, password: FACTORY_PASSWORD, ip: uniqueIp() },
      { now: at(start, 16 * 60_000 + 1000), sleep: noSleep },
    );
    expect(result.status).toBe("ok");
  });

  it("locks an address after 5 failures across different accounts", async () => {
    const ip = uniqueIp();
    const start = new Date();
    for (let i = 0; i < MAX_FAILURES; i += 1)
      await attemptSignIn(db, { email: uniqueEmail("spray"), password: "wrong", ip }, { now: at(start, i * 1000), sleep: noSleep });
    const { email, user } = await newUser();
    const fromThatIp = await attemptSignIn(db, { email, password: FACTORY_PASSWORD, ip }, { now: at(start, 10_000), sleep: noSleep });
    expect(fromThatIp.status).toBe("locked");
    const fromElsewhere = await attemptSignIn(
      db,
      { email, password: FACTORY_PASSWORD, ip: uniqueIp() },
      { now: at(start, 10_000), sleep: noSleep },
    );
    expect(fromElsewhere).toEqual({ status: "ok", userId: user.id, sessionVersion: 1 });
    const afterLock = await attemptSignIn(
      db,
      { email, password: FACTORY_PASSWORD, ip },
      { now: at(start, 4000 + LOCK_MS + 1000), sleep: noSleep },
    );
    expect(afterLock.status).toBe("ok");
  });

  it("locks an address after 5 failures even when a success on another account comes between them", async () => {
    // ADR 005: five failures from one address within 15 minutes lock it. A pupil who signs in to
    // their own account between guesses must not reset the address's count, or one address can
    // try a password against every account in the school without ever being locked.
    const ip = uniqueIp();
    const start = new Date();
    const { email: ownEmail } = await newUser();
    for (let i = 0; i < MAX_FAILURES; i += 1) {
      await attemptSignIn(db, { email: uniqueEmail("sprayed"), password: "Password123", ip }, { now: at(start, i * 2000), sleep: noSleep });
      if (i === 2)
        expect(
          (
            await attemptSignIn(
              db,
              { email: ownEmail, password: FACTORY_PASSWORD, ip },
              { now: at(start, i * 2000 + 1000), sleep: noSleep },
            )
          ).status,
        ).toBe("ok");
    }
    const { email } = await newUser();
    const next = await attemptSignIn(db, { email, password: "Password123", ip }, { now: at(start, 20_000), sleep: noSleep });
    expect(next.status).toBe("locked");
  });

  it("forgets an account's earlier failures after it signs in successfully", async () => {
    const { email } = await newUser();
    const start = new Date();
    // Different addresses, so only the account's own count is in play.
    for (let i = 0; i < MAX_FAILURES - 1; i += 1)
      await attemptSignIn(db, { email, password: "wrong", ip: uniqueIp() }, { now: at(start, i * 1000), sleep: noSleep });
    expect(
      (await attemptSignIn(db, { email, password: FACTORY_PASSWORD, ip: uniqueIp() }, { now: at(start, 5000), sleep: noSleep })).status,
    ).toBe("ok");
    expect(await attemptSignIn(db, { email, password: "wrong", ip: uniqueIp() }, { now: at(start, 6000), sleep: noSleep })).toEqual({
      status: "invalid",
    });
    expect(
      (await attemptSignIn(db, { email, password: FACTORY_PASSWORD, ip: uniqueIp() }, { now: at(start, 7000), sleep: noSleep })).status,
    ).toBe("ok");
  });
});
