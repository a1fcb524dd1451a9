import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { loadActor } from "@/server/actor";
import { findLiveLink, makeSetPasswordLink, redeemLink } from "@/server/account-links";
import { verifyPassword } from "@/server/password";
import { addMembership, createSchool, createStaffUser } from "@/server/factories";
import { actorFor, signedInClaims } from "@/test-support/actors";
import { expectRefusedWithoutWrites, submit } from "@/test-support/commands";
import { expectNotFound } from "@/test-support/expectations";
import { buildWorld, uniqueEmail } from "@/test-support/school";
import { startSmtpServer, type TestSmtpServer } from "@/test-support/smtp";
import {
  ADDED_REPLAY_MESSAGE,
  addStaffMember,
  addStaffMemberCommand,
  disableStaffMember,
  enableStaffMember,
  LAST_ADMIN_MESSAGE,
  OWN_ADMIN_MESSAGE,
  SELF_DISABLE_MESSAGE,
  sendSetPasswordLink,
  SHARED_ACCOUNT_MESSAGE,
  SHARED_LINK_MESSAGE,
  updateStaffMember,
} from "./commands";
import { emailingLink, SHOW_ONCE_MESSAGE } from "./link-delivery";
import { setSafeguardingRoles } from "@/features/admin/commands";
import { getStaffMemberForAdmin } from "./queries";
import { LINK_GONE_MESSAGE, setPasswordWithLink } from "./set-password";

type World = Awaited<ReturnType<typeof buildWorld>>;
const NEW_PASSWORD = "a long enough new passphrase";
const tokenOf = (href: string) => href.split("/").pop()!;

describe("staff accounts", () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });
  const ids = () => [world.a.school.id, world.b.school.id];
  const roles = (r: Partial<Record<"admin" | "coordinator" | "teacher" | "dsl" | "head" | "chair", string>>) => r;

  it("adds a new member of staff with a password nobody knows and a link shown once; a replay does not show it", async () => {
    const email = uniqueEmail("new-coordinator");
    const form = { name: "Nia Coordinator", email, ...roles({ coordinator: "on" }), idempotencyKey: randomUUID() };
    const first = await addStaffMember.run(world.actors.ADMIN, form);
    expect(first).toMatchObject({ ok: true, message: `Nia Coordinator is added. ${SHOW_ONCE_MESSAGE}` });
    expect(first.link?.href).toMatch(new RegExp(`^/set-password/${world.a.school.id}/[A-Za-z0-9_-]{43}$`));
    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
    expect(user).toMatchObject({ mustChangePassword: false, passwordSetAt: null });
    expect(user.memberships).toMatchObject([{ schoolId: world.a.school.id, roles: ["COORDINATOR"], disabledAt: null }]);
    // Only the hash is stored: the token is nowhere in the database.
    const token = tokenOf(first.link!.href);
    const stored = await db.accountToken.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);
    const replay = await addStaffMember.run(world.actors.ADMIN, form);
    expect(replay).toMatchObject({ ok: true, message: ADDED_REPLAY_MESSAGE });
    expect(replay.link).toBeUndefined();
    expect(await db.user.count({ where: { email } })).toBe(1);
    expect(JSON.stringify(await db.idempotencyKey.findMany({ where: { userId: world.a.staff.admin.id } }))).not.toContain(token);
    const events = await db.securityEvent.findMany({
      where: { schoolId: world.a.school.id, detail: { path: ["targetUserId"], equals: user.id } },
    });
    expect(events.map((e) => e.kind).sort()).toEqual(["account.link_made", "staff.added"]);
  });

  it("adds a trust colleague with an account at another school as a membership, with no new user and no link", async () => {
    const colleague = await createStaffUser(db, {
      schoolId: world.b.school.id,
      roles: ["TEACHER"],
      email: uniqueEmail("trust"),
      name: "Tom Trust",
    });
    const result = await submit(addStaffMember, world.actors.ADMIN, { name: "Someone Else", email: colleague.email, teacher: "on" });
    expect(result.ok).toBe(true);
    expect(result.link).toBeUndefined();
    expect(await db.membership.count({ where: { userId: colleague.id } })).toBe(2);
    expect((await db.user.findUniqueOrThrow({ where: { id: colleague.id } })).name).toBe("Tom Trust");
    const again = await submit(addStaffMember, world.actors.ADMIN, { name: "Tom Trust", email: colleague.email, teacher: "on" });
    expect(again).toMatchObject({ ok: false, message: "They are already on this school's staff." });
  });

  it("never makes a set-password link for a trust colleague: one school's admin could take over their other school", async () => {
    const colleague = await createStaffUser(db, { schoolId: world.b.school.id, roles: ["ADMIN"], email: uniqueEmail("trust-link") });
    expect((await submit(addStaffMember, world.actors.ADMIN, { name: "x", email: colleague.email, teacher: "on" })).ok).toBe(true);
    const result = await submit(sendSetPasswordLink, world.actors.ADMIN, { userId: colleague.id });
    expect(result).toMatchObject({ ok: false, message: SHARED_LINK_MESSAGE });
    expect(result.link).toBeUndefined();
    expect(await db.accountToken.count({ where: { userId: colleague.id } })).toBe(0);
  });

  it("keeps the last enabled admin, and an admin cannot remove their own admin role", async () => {
    const s = await buildWorld();
    const admin = s.actors.ADMIN;
    const base = { userId: admin.userId, name: admin.name, email: admin.email, teacher: "on" };
    await expectRefusedWithoutWrites(updateStaffMember, admin, base, [s.a.school.id], LAST_ADMIN_MESSAGE);
    const second = await createStaffUser(db, { schoolId: s.a.school.id, roles: ["ADMIN"], email: uniqueEmail("admin2") });
    await expectRefusedWithoutWrites(updateStaffMember, admin, base, [s.a.school.id], OWN_ADMIN_MESSAGE);
    // Another admin may take it away; then the second admin is the last, and cannot be disabled or demoted.
    const other = await actorFor(second);
    expect((await submit(updateStaffMember, other, base)).ok).toBe(true);
    const demoted = await db.securityEvent.findFirst({ where: { kind: "staff.roles_changed", userId: second.id } });
    expect(demoted?.detail).toMatchObject({ targetUserId: admin.userId, before: ["ADMIN"], after: ["TEACHER"] });
    await expectRefusedWithoutWrites(disableStaffMember, other, { userId: second.id }, [s.a.school.id], SELF_DISABLE_MESSAGE);
  });

  it("refuses to disable yourself, and another school's member of staff is not found", async () => {
    await expectRefusedWithoutWrites(
      disableStaffMember,
      world.actors.ADMIN,
      { userId: world.a.staff.admin.id },
      ids(),
      SELF_DISABLE_MESSAGE,
    );
    const other = await submit(disableStaffMember, world.actors.ADMIN, { userId: world.b.staff.teacher.id });
    expect(other.message).toMatch(/could not find/);
  });

  it("the safeguarding flags form records its role change as a security event too", async () => {
    const person = await createStaffUser(db, { schoolId: world.a.school.id, roles: ["TEACHER"], email: uniqueEmail("flags") });
    expect((await submit(setSafeguardingRoles, world.actors.ADMIN, { userId: person.id, dsl: "on" })).ok).toBe(true);
    const event = await db.securityEvent.findFirst({
      where: { kind: "staff.roles_changed", detail: { path: ["targetUserId"], equals: person.id } },
    });
    expect(event).toMatchObject({
      userId: world.a.staff.admin.id,
      schoolId: world.a.school.id,
      detail: { before: ["TEACHER"], after: ["TEACHER", "DSL"] },
    });
  });

  it("another school's member of staff is a 404 to read", async () => {
    await expectNotFound(() => getStaffMemberForAdmin(world.actors.ADMIN, world.b.staff.teacher.id));
    await expectNotFound(() => getStaffMemberForAdmin(world.actors.ADMIN, "not an id!"));
  });

  it("changes name and email only for someone with no other school, and says so", async () => {
    const colleague = await createStaffUser(db, { schoolId: world.a.school.id, roles: ["TEACHER"], email: uniqueEmail("shared") });
    await addMembership(db, { userId: colleague.id, schoolId: world.b.school.id, roles: ["TEACHER"] });
    const form = { userId: colleague.id, name: "New Name", email: colleague.email, teacher: "on" };
    const refused = await expectRefusedWithoutWrites(updateStaffMember, world.actors.ADMIN, form, ids(), SHARED_ACCOUNT_MESSAGE);
    expect(refused.fieldErrors).toEqual({ name: [SHARED_ACCOUNT_MESSAGE] });
    const own = await createStaffUser(db, { schoolId: world.a.school.id, roles: ["TEACHER"], email: uniqueEmail("own") });
    const email = uniqueEmail("renamed");
    const saved = await submit(updateStaffMember, world.actors.ADMIN, {
      userId: own.id,
      name: "Renamed Person",
      email,
      teacher: "on",
      dsl: "on",
    });
    expect(saved.ok).toBe(true);
    expect(await db.user.findUniqueOrThrow({ where: { id: own.id }, include: { memberships: true } })).toMatchObject({
      name: "Renamed Person",
      email,
      memberships: [{ roles: ["TEACHER", "DSL"] }],
    });
  });

  it("disabling ends the user's sessions at once; a trust colleague keeps their other school", async () => {
    const solo = await createStaffUser(db, { schoolId: world.a.school.id, roles: ["TEACHER"], email: uniqueEmail("solo") });
    const soloClaims = await signedInClaims(solo);
    const trust = await createStaffUser(db, { schoolId: world.a.school.id, roles: ["TEACHER"], email: uniqueEmail("trust2") });
    await addMembership(db, { userId: trust.id, schoolId: world.b.school.id, roles: ["COORDINATOR"] });
    const trustClaims = await signedInClaims(trust);
    expect(await loadActor(db, soloClaims)).not.toBeNull();

    const off = await submit(disableStaffMember, world.actors.ADMIN, { userId: solo.id });
    expect(off).toMatchObject({ ok: true, message: expect.stringContaining("signed out everywhere") });
    expect(await loadActor(db, soloClaims)).toBeNull();
    expect(await db.userSession.count({ where: { userId: solo.id } })).toBe(0);

    const trustOff = await submit(disableStaffMember, world.actors.ADMIN, { userId: trust.id });
    expect(trustOff).toMatchObject({ ok: true, message: expect.stringContaining("other school") });
    const still = await loadActor(db, trustClaims, world.a.school.id);
    expect(still).toMatchObject({ schoolId: world.b.school.id, schools: [{ id: world.b.school.id }] });

    // Enabled again, they sign in afresh (the old session stays ended).
    expect((await submit(enableStaffMember, world.actors.ADMIN, { userId: solo.id })).ok).toBe(true);
    expect(await loadActor(db, soloClaims)).toBeNull();
    expect(await loadActor(db, await signedInClaims(solo))).toMatchObject({ schoolId: world.a.school.id });
    const kinds = await db.securityEvent.findMany({
      where: { userId: world.a.staff.admin.id, detail: { path: ["targetUserId"], equals: solo.id } },
    });
    expect(kinds.map((e) => e.kind).sort()).toEqual(["account.disabled", "account.enabled"]);
  });

  it("a link sets the password once; two redeems at once make one", async () => {
    const person = await createStaffUser(db, { schoolId: world.a.school.id, roles: ["TEACHER"], email: uniqueEmail("link") });
    const sessionBefore = await signedInClaims(person);
    const result = await submit(sendSetPasswordLink, world.actors.ADMIN, { userId: person.id });
    const token = tokenOf(result.link!.href);
    const schoolId = world.a.school.id;
    // Reading it (the page, a mail scanner) does not spend it.
    expect(await findLiveLink(schoolId, token)).toMatchObject({ userId: person.id });
    expect(await findLiveLink(schoolId, token)).not.toBeNull();
    expect(await findLiveLink(world.b.school.id, token)).toBeNull();
    const answers = await Promise.all([
      setPasswordWithLink({ schoolId, token, newPassword: NEW_PASSWORD }),
      setPasswordWithLink({ schoolId, token, newPassword: "another long passphrase" }),
    ]);
    expect(answers.filter(Boolean)).toHaveLength(1);
    const user = await db.user.findUniqueOrThrow({ where: { id: person.id }, select: { passwordHash: true, passwordSetAt: true } });
    const checks = await Promise.all([
      verifyPassword(user.passwordHash, NEW_PASSWORD),
      verifyPassword(user.passwordHash, "another long passphrase"),
    ]);
    expect({ answers, checks }).toEqual({ answers, checks: answers });
    expect(user.passwordSetAt).not.toBeNull();
    expect(await loadActor(db, sessionBefore)).toBeNull();
    expect(await findLiveLink(schoolId, token)).toBeNull();
    expect(await setPasswordWithLink({ schoolId, token, newPassword: NEW_PASSWORD })).toBe(false);
    expect(await db.securityEvent.count({ where: { kind: "account.password_set", userId: person.id } })).toBe(1);
    expect(LINK_GONE_MESSAGE).toMatch(/expired or been used/);
  });

  it("a link expires after 72 hours, and a new link revokes the old", async () => {
    const person = await createStaffUser(db, { schoolId: world.a.school.id, roles: ["TEACHER"], email: uniqueEmail("expiry") });
    const schoolId = world.a.school.id;
    const long = new Date(Date.now() - 73 * 60 * 60 * 1000);
    const old = await db.$transaction((tx) =>
      makeSetPasswordLink(tx, { schoolId, userId: person.id, createdById: world.a.staff.admin.id }, long),
    );
    expect(await findLiveLink(schoolId, old)).toBeNull();
    expect(await db.$transaction((tx) => redeemLink(tx, { schoolId, token: old }))).toBeNull();
    const first = tokenOf((await submit(sendSetPasswordLink, world.actors.ADMIN, { userId: person.id })).link!.href);
    const second = tokenOf((await submit(sendSetPasswordLink, world.actors.ADMIN, { userId: person.id })).link!.href);
    expect(await findLiveLink(schoolId, first)).toBeNull();
    expect(await findLiveLink(schoolId, second)).not.toBeNull();
    expect(await setPasswordWithLink({ schoolId, token: first, newPassword: NEW_PASSWORD })).toBe(false);
    expect(await setPasswordWithLink({ schoolId, token: second, newPassword: NEW_PASSWORD })).toBe(true);
  });

  it("disabling stops an unused link", async () => {
    const person = await createStaffUser(db, { schoolId: world.a.school.id, roles: ["TEACHER"], email: uniqueEmail("stop") });
    const token = tokenOf((await submit(sendSetPasswordLink, world.actors.ADMIN, { userId: person.id })).link!.href);
    expect((await submit(disableStaffMember, world.actors.ADMIN, { userId: person.id })).ok).toBe(true);
    expect(await findLiveLink(world.a.school.id, token)).toBeNull();
  });
});

describe("set-password links by email", () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
  });

  it("emails the link, and the answer no longer holds it", async () => {
    const school = await createSchool(db, {});
    const admin = await actorFor(await createStaffUser(db, { schoolId: school.id, roles: ["ADMIN"], email: uniqueEmail("mail-admin") }));
    const withMail = emailingLink(addStaffMemberCommand, () => ({
      smtpUrl: smtp.url,
      from: "PeerPath <peerpath@test.example>",
      appUrl: "https://peerpath.test.example",
    }));
    const email = uniqueEmail("emailed");
    const result = await submit(withMail, admin, { name: "Emma Emailed", email, teacher: "on" });
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining(`We have emailed ${email}`) });
    expect(result.link).toBeUndefined();
    await smtp.waitFor((received) => received.some((r) => r.to.includes(email)));
    const mail = smtp.received.find((r) => r.to.includes(email))!.mail;
    expect(mail.subject).toBe("Set your PeerPath password");
    const match = mail.text?.match(new RegExp(`https://peerpath\\.test\\.example/set-password/${school.id}/([A-Za-z0-9_-]{43})`));
    expect(match).not.toBeNull();
    expect(await findLiveLink(school.id, match![1]!)).not.toBeNull();
  });

  it("shows the link when the mail server refuses it", async () => {
    const school = await createSchool(db, {});
    const admin = await actorFor(await createStaffUser(db, { schoolId: school.id, roles: ["ADMIN"], email: uniqueEmail("mail-admin2") }));
    const withMail = emailingLink(addStaffMemberCommand, () => ({
      smtpUrl: smtp.url,
      from: "PeerPath <peerpath@test.example>",
      appUrl: "https://x.example",
    }));
    smtp.setRefusing(true);
    try {
      const result = await submit(withMail, admin, { name: "Refused Person", email: uniqueEmail("refused"), teacher: "on" });
      expect(result).toMatchObject({ ok: true, message: `Refused Person is added. ${SHOW_ONCE_MESSAGE}` });
      expect(result.link?.href).toMatch(/^\/set-password\//);
    } finally {
      smtp.setRefusing(false);
    }
  });
});
