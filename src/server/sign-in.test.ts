import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "./db";
import {
  addressKey,
  ADDRESS_FREE_FAILURES,
  ADDRESS_MAX_DELAY_MS,
  addressDelayMs,
  attemptSignIn,
  ATTEMPT_RETENTION_MS,
  LOCK_MS,
  MAX_FAILURES,
  SESSION_MS,
} from "./sign-in";
import * as password from "./password";
import { addMembership, createSchool, createStaffUser, createStudent } from "./factories";
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
    expect(result).toEqual({ status: "ok", userId: user.id, sessionVersion: 1, sessionId: expect.any(String), secondFactor: null });
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

  it("refuses a staff member every school has disabled, and lets in one a second school still has", async () => {
    const { email, user } = await newUser();
    await db.membership.updateMany({ where: { userId: user.id }, data: { disabledAt: new Date() } });
    const attempt = () => attemptSignIn(db, { email, password: FACTORY_PASSWORD, ip: uniqueIp() }, { sleep: noSleep });
    expect(await attempt()).toEqual({ status: "invalid" });
    const second = await createSchool(db, { withCalendar: false });
    await addMembership(db, { userId: user.id, schoolId: second.id, roles: ["TEACHER"] });
    expect(await attempt()).toMatchObject({ status: "ok" });
  });

  it("refuses a pupil who has left or become an alumnus", async () => {
    for (const status of ["LEFT", "ALUMNI"] as const) {
      const email = uniqueEmail(`pupil-${status}`);
      await createStudent(db, { schoolId, yearGroup: 11, status, account: { email } });
      expect(await attemptSignIn(db, { email, password: FACTORY_PASSWORD, ip: uniqueIp() }, { sleep: noSleep })).toEqual({
        status: "invalid",
      });
    }
  });

  it("records every failure as a security event, for a real account and an unknown one, without the password", async () => {
    const { email, user } = await newUser();
    const ip = uniqueIp();
    await attemptSignIn(db, { email, password: "wrong-1", ip }, { sleep: noSleep });
    await attemptSignIn(db, { email, password: "wrong-2", ip }, { sleep: noSleep });
    const events = await db.securityEvent.findMany({ where: { kind: "auth.sign_in_failed", userId: user.id } });
    expect(events).toHaveLength(2);
    for (const event of events) expect(event).toMatchObject({ schoolId, email, ip });
    expect(JSON.stringify(events)).not.toContain("wrong-");

    const unknown = uniqueEmail("ghost");
    await attemptSignIn(db, { email: unknown, password: "whatever", ip }, { sleep: noSleep });
    expect(await db.securityEvent.findMany({ where: { kind: "auth.sign_in_failed", email: unknown } })).toEqual([
      expect.objectContaining({ userId: null, schoolId: null, ip }),
    ]);
    expect(await db.signInAttempt.count({ where: { ip } })).toBe(3);
    // Nothing about sign-in goes into a school's audit log, which always has a school.
    expect(await db.auditLog.count({ where: { action: { startsWith: "auth.sign_in" }, recordId: user.id } })).toBe(0);
  });

  it("starts a session row for the device on success, which lasts as long as the token", async () => {
    const { email, user } = await newUser();
    const result = await attemptSignIn(db, { email, password: FACTORY_PASSWORD, ip: uniqueIp() }, { sleep: noSleep });
    if (result.status !== "ok") throw new Error("expected a success");
    const session = await db.userSession.findUniqueOrThrow({ where: { id: result.sessionId } });
    expect(session.userId).toBe(user.id);
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBeGreaterThan(SESSION_MS - 5_000);
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
    expect(await db.securityEvent.count({ where: { kind: "auth.sign_in_locked", userId: user.id } })).toBe(1);

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
    expect(afterLock).toEqual({ status: "ok", userId: user.id, sessionVersion: 1, sessionId: expect.any(String), secondFactor: null });
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

  it("never refuses other accounts at an address because of its failures: a school behind one address stays open", async () => {
    // ADR 005: a pupil guessing from the school's shared address must not lock the school out.
    const ip = uniqueIp();
    const start = new Date();
    for (let i = 0; i < 30; i += 1)
      await attemptSignIn(db, { email: uniqueEmail("spray"), password: "wrong", ip }, { now: at(start, i * 1000), sleep: noSleep });
    const { email, user } = await newUser();
    const slept: number[] = [];
    const fromThatIp = await attemptSignIn(
      db,
      { email, password: FACTORY_PASSWORD, ip },
      { now: at(start, 31_000), sleep: async (ms) => void slept.push(ms) },
    );
    expect(fromThatIp).toEqual({ status: "ok", userId: user.id, sessionVersion: 1, sessionId: expect.any(String), secondFactor: null });
    // …but slowed down, by the capped delay.
    expect(slept).toEqual([ADDRESS_MAX_DELAY_MS]);
  });

  it("slows an address down with a growing, capped delay after its first failures, across accounts", async () => {
    const ip = uniqueIp();
    const start = new Date();
    const slept: number[] = [];
    for (let i = 0; i < ADDRESS_FREE_FAILURES + 8; i += 1)
      await attemptSignIn(
        db,
        { email: uniqueEmail("slowed"), password: "wrong", ip },
        { now: at(start, i * 1000), sleep: async (ms) => void slept.push(ms) },
      );
    expect(slept).toEqual([250, 500, 1000, 2000, 4000, 8000, 8000, 8000]);
    expect([0, 9, 10, 11, 15, 100].map(addressDelayMs)).toEqual([0, 0, 250, 500, 8000, 8000]);
  });

  describe("when many requests race", () => {
    afterEach(() => vi.restoreAllMocks());

    it("checks at most five passwords per account per window, however many requests arrive at once", async () => {
      const { email } = await newUser();
      const checks = vi.spyOn(password, "verifyPassword");
      // Each check takes a moment, so the requests really overlap.
      const slowSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(ms, 50)));
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => attemptSignIn(db, { email, password: `wrong-${i}`, ip: uniqueIp() }, { sleep: slowSleep })),
      );
      expect(results.filter((r) => r.status === "invalid")).toHaveLength(MAX_FAILURES);
      expect(results.filter((r) => r.status === "locked")).toHaveLength(20 - MAX_FAILURES);
      expect(checks).toHaveBeenCalledTimes(MAX_FAILURES);
      expect(await db.signInAttempt.count({ where: { email } })).toBe(MAX_FAILURES);
      // The right password is refused too until the lock ends.
      expect((await attemptSignIn(db, { email, password: FACTORY_PASSWORD, ip: uniqueIp() }, { sleep: noSleep })).status).toBe("locked");
    });
  });

  it("slows a burst of parallel requests from one address as it goes, not only after the burst", async () => {
    const ip = uniqueIp();
    const slept: number[] = [];
    await Promise.all(
      Array.from({ length: ADDRESS_FREE_FAILURES + 4 }, () =>
        attemptSignIn(db, { email: uniqueEmail("burst"), password: "wrong", ip }, { sleep: async (ms) => void slept.push(ms) }),
      ),
    );
    // Each request counts the ones still running: the 11th to 14th wait 250 ms, 500 ms, 1 s and 2 s.
    expect(slept.sort((a, b) => a - b)).toEqual([250, 500, 1000, 2000]);
  });

  it("answers a paused account slowly from a busy address, and records each pause once", async () => {
    const ip = uniqueIp();
    const { email, user } = await newUser();
    for (let i = 0; i < ADDRESS_FREE_FAILURES; i += 1)
      await attemptSignIn(db, { email: i < MAX_FAILURES ? email : uniqueEmail("other"), password: "wrong", ip }, { sleep: noSleep });
    const slept: number[] = [];
    for (let i = 0; i < 3; i += 1)
      expect((await attemptSignIn(db, { email, password: "wrong", ip }, { sleep: async (ms) => void slept.push(ms) })).status).toBe(
        "locked",
      );
    expect(slept).toEqual([250, 250, 250]);
    expect(await db.securityEvent.count({ where: { kind: "auth.sign_in_locked", userId: user.id } })).toBe(1);
  });

  it("ends a reserved check as a failure when checking the password fails half-way", async () => {
    const { email } = await newUser();
    const spy = vi.spyOn(password, "verifyPassword").mockRejectedValueOnce(new Error("argon2 went away"));
    try {
      await expect(attemptSignIn(db, { email, password: FACTORY_PASSWORD, ip: uniqueIp() }, { sleep: noSleep })).rejects.toThrow(/argon2/);
    } finally {
      spy.mockRestore();
    }
    expect(await db.signInAttempt.findMany({ where: { email }, select: { succeeded: true } })).toEqual([{ succeeded: false }]);
  });

  it("counts an IPv6 address by its /64, and an IPv4 address as it is", () => {
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:0db8:0001:0002:ffff:0:0:9")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
    expect(addressKey("198.18.0.7")).toBe("198.18.0.7");
    expect(addressKey("not an address")).toBe("not an address");
  });

  it("deletes attempts older than the lock window, and expired sessions", async () => {
    const { email, user } = await newUser();
    const old = await db.signInAttempt.create({
      data: { email, ip: uniqueIp(), succeeded: false, at: new Date(Date.now() - ATTEMPT_RETENTION_MS - 60_000) },
    });
    const recent = await db.signInAttempt.create({ data: { email, ip: uniqueIp(), succeeded: false, at: new Date(Date.now() - 60_000) } });
    const expired = await db.userSession.create({ data: { userId: user.id, expiresAt: new Date(Date.now() - 1000) } });
    await attemptSignIn(db, { email: uniqueEmail("anyone"), password: "wrong", ip: uniqueIp() }, { sleep: noSleep });
    expect(await db.signInAttempt.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db.signInAttempt.findUnique({ where: { id: recent.id } })).not.toBeNull();
    expect(await db.userSession.findUnique({ where: { id: expired.id } })).toBeNull();
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
