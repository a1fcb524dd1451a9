import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { normaliseBinding, ssoIdentity } from "@/lib/sso";
import { loadActor } from "./actor";
import { db } from "./db";
import { addMembership, createSchool, createStaffUser, createStudent } from "./factories";
import { ssoSignIn } from "./sso";

// Issue 12: the domain and tenant rules, against the database.
const ip = "203.0.113.9";
const tenant = () => randomUUID();
const domain = () => `school-${randomUUID().slice(0, 8)}.sch.uk`;

async function bind(schoolId: string, provider: "GOOGLE" | "MICROSOFT" | "OIDC", value: string) {
  const admin = await createStaffUser(db, { schoolId, roles: ["ADMIN"] });
  await db.ssoBinding.create({ data: { schoolId, provider, value, createdById: admin.id } });
}

describe("ssoIdentity", () => {
  it("reads Google's verified email and Workspace domain, and refuses a personal account or an unverified email", () => {
    expect(ssoIdentity("GOOGLE", { email: "A@Green.sch.uk", email_verified: true, hd: "Green.sch.uk" })).toEqual({
      ok: true,
      email: "a@green.sch.uk",
      organisation: "green.sch.uk",
    });
    expect(ssoIdentity("GOOGLE", { email: "a@gmail.com", email_verified: true })).toEqual({ ok: false, reason: "wrong-organisation" });
    expect(ssoIdentity("GOOGLE", { email: "a@green.sch.uk", email_verified: false, hd: "green.sch.uk" })).toEqual({
      ok: false,
      reason: "unverified",
    });
    expect(ssoIdentity("GOOGLE", { email_verified: true, hd: "green.sch.uk" })).toEqual({ ok: false, reason: "no-email" });
  });

  it("reads Microsoft's tenant and the email the tenant gives, falling back to preferred_username", () => {
    const tid = tenant();
    expect(ssoIdentity("MICROSOFT", { tid: tid.toUpperCase(), preferred_username: "B@Green.sch.uk" })).toEqual({
      ok: true,
      email: "b@green.sch.uk",
      organisation: tid,
    });
    expect(ssoIdentity("MICROSOFT", { tid, email: "b@green.sch.uk", email_verified: false })).toEqual({ ok: false, reason: "unverified" });
    expect(ssoIdentity("MICROSOFT", { email: "b@green.sch.uk" })).toEqual({ ok: false, reason: "wrong-organisation" });
  });

  it("takes a generic provider's verified email's domain as the organisation", () => {
    expect(ssoIdentity("OIDC", { email: "c@Green.sch.uk", email_verified: true })).toEqual({
      ok: true,
      email: "c@green.sch.uk",
      organisation: "green.sch.uk",
    });
    expect(ssoIdentity("OIDC", { email: "c@green.sch.uk" })).toEqual({ ok: false, reason: "unverified" });
  });
});

describe("ssoSignIn", () => {
  let schoolId: string;
  let otherSchoolId: string;
  const google = domain();
  const entra = tenant();
  const oidc = domain();
  beforeAll(async () => {
    schoolId = (await createSchool(db, { withCalendar: false })).id;
    otherSchoolId = (await createSchool(db, { withCalendar: false })).id;
    await bind(schoolId, "GOOGLE", google);
    await bind(schoolId, "MICROSOFT", entra);
    await bind(schoolId, "OIDC", oidc);
  });

  it("signs a coordinator in from the school's Google domain, with a session that owes no second factor", async () => {
    const email = `coord-${randomUUID().slice(0, 8)}@${google}`;
    const user = await createStaffUser(db, { schoolId, roles: ["COORDINATOR"], email });
    const result = await ssoSignIn(db, { provider: "GOOGLE", claims: { email, email_verified: true, hd: google }, ip });
    expect(result).toMatchObject({ status: "ok", userId: user.id, sessionVersion: user.sessionVersion });
    const session = await db.userSession.findUniqueOrThrow({ where: { id: (result as { sessionId: string }).sessionId } });
    expect(session).toMatchObject({ method: "SSO", secondFactor: null, userId: user.id });
    expect(await db.securityEvent.count({ where: { kind: "auth.sso_signed_in", userId: user.id } })).toBe(1);
  });

  it("refuses a domain or tenant the school has not recorded, even for an existing account", async () => {
    const email = `t-${randomUUID().slice(0, 8)}@${google}`;
    await createStaffUser(db, { schoolId, roles: ["TEACHER"], email });
    expect(await ssoSignIn(db, { provider: "GOOGLE", claims: { email, email_verified: true, hd: domain() }, ip })).toEqual({
      status: "refused",
      reason: "wrong-organisation",
    });
    expect(await ssoSignIn(db, { provider: "MICROSOFT", claims: { email, tid: tenant() }, ip })).toEqual({
      status: "refused",
      reason: "wrong-organisation",
    });
    // The school's Google domain is not its Microsoft tenant, nor its generic provider's domain.
    expect(await ssoSignIn(db, { provider: "OIDC", claims: { email, email_verified: true }, ip })).toEqual({
      status: "refused",
      reason: "wrong-organisation",
    });
    expect(await db.securityEvent.count({ where: { kind: "auth.sso_refused", email } })).toBe(3);
  });

  it("trusts an Entra tenant's email only from a tenant the school recorded", async () => {
    const email = `m-${randomUUID().slice(0, 8)}@anything.example`;
    const user = await createStaffUser(db, { schoolId, roles: ["DSL"], email });
    expect(await ssoSignIn(db, { provider: "MICROSOFT", claims: { tid: entra, preferred_username: email }, ip })).toMatchObject({
      status: "ok",
      userId: user.id,
    });
    // Another tenant may set the same email on its own user: refused.
    expect(await ssoSignIn(db, { provider: "MICROSOFT", claims: { tid: tenant(), email }, ip })).toEqual({
      status: "refused",
      reason: "wrong-organisation",
    });
  });

  it("refuses an unverified email and an email with no account (no self-sign-up)", async () => {
    const email = `new-${randomUUID().slice(0, 8)}@${oidc}`;
    expect(await ssoSignIn(db, { provider: "OIDC", claims: { email, email_verified: false }, ip })).toEqual({
      status: "refused",
      reason: "unverified",
    });
    expect(await ssoSignIn(db, { provider: "OIDC", claims: { email, email_verified: true }, ip })).toEqual({
      status: "refused",
      reason: "unknown",
    });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("refuses a disabled membership, and signs in a pupil on roll", async () => {
    const email = `gone-${randomUUID().slice(0, 8)}@${oidc}`;
    const user = await createStaffUser(db, { schoolId, roles: ["TEACHER"], email });
    await db.membership.updateMany({ where: { userId: user.id }, data: { disabledAt: new Date() } });
    expect(await ssoSignIn(db, { provider: "OIDC", claims: { email, email_verified: true }, ip })).toEqual({
      status: "refused",
      reason: "unknown",
    });
    const pupilEmail = `pupil-${randomUUID().slice(0, 8)}@${oidc}`;
    const pupil = await createStudent(db, { schoolId, yearGroup: 8, account: { email: pupilEmail } });
    expect(await ssoSignIn(db, { provider: "OIDC", claims: { email: pupilEmail, email_verified: true }, ip })).toMatchObject({
      status: "ok",
      userId: pupil.userId,
    });
  });

  it("refuses an account that also opens a school which does not trust the organisation", async () => {
    // A second school's admin records their own tenant and adds a colleague's existing account: that
    // tenant must not open the colleague's account, which opens the first school too.
    const evilTenant = tenant();
    await bind(otherSchoolId, "MICROSOFT", evilTenant);
    const email = `head-${randomUUID().slice(0, 8)}@${google}`;
    const head = await createStaffUser(db, { schoolId, roles: ["HEAD"], email });
    await addMembership(db, { userId: head.id, schoolId: otherSchoolId, roles: ["TEACHER"] });
    expect(await ssoSignIn(db, { provider: "MICROSOFT", claims: { tid: evilTenant, email }, ip })).toEqual({
      status: "refused",
      reason: "other-school",
    });
    // Both schools trusting the same organisation (one trust, one Workspace) is fine.
    await bind(otherSchoolId, "GOOGLE", google);
    expect(await ssoSignIn(db, { provider: "GOOGLE", claims: { email, email_verified: true, hd: google }, ip })).toMatchObject({
      status: "ok",
      userId: head.id,
    });
  });

  it("ends an SSO session when a school that does not trust the organisation is added later, or trust is withdrawn", async () => {
    // A school records its own tenant and signs in as an account before a second school adds it.
    const tenantOfA = tenant();
    const schoolA = (await createSchool(db, { withCalendar: false })).id;
    const schoolB = (await createSchool(db, { withCalendar: false })).id;
    await bind(schoolA, "MICROSOFT", tenantOfA);
    const email = `later-${randomUUID().slice(0, 8)}@b.example`;
    const user = await createStaffUser(db, { schoolId: schoolA, roles: ["TEACHER"], email });
    const result = await ssoSignIn(db, { provider: "MICROSOFT", claims: { tid: tenantOfA, email }, ip });
    if (result.status !== "ok") throw new Error("expected a sign-in");
    const claims = { userId: result.userId, sessionVersion: result.sessionVersion, sessionId: result.sessionId };
    expect(await loadActor(db, claims)).not.toBeNull();
    await addMembership(db, { userId: user.id, schoolId: schoolB, roles: ["HEAD"] });
    expect(await loadActor(db, claims)).toBeNull();
    // Both trusting it again opens it; school A withdrawing trust ends it.
    await bind(schoolB, "MICROSOFT", tenantOfA);
    expect(await loadActor(db, claims)).not.toBeNull();
    await db.ssoBinding.deleteMany({ where: { schoolId: schoolA, provider: "MICROSOFT", value: tenantOfA } });
    expect(await loadActor(db, claims)).toBeNull();
  });

  it("never lets a school record an organisation anyone can join", () => {
    expect(normaliseBinding("MICROSOFT", "9188040D-6C67-4C5B-B112-36A304B66DAD")).toBeNull();
    expect(normaliseBinding("OIDC", "gmail.com")).toBeNull();
    expect(normaliseBinding("GOOGLE", "@Outlook.com")).toBeNull();
    expect(normaliseBinding("GOOGLE", "greenfield.sch.uk")).toBe("greenfield.sch.uk");
  });
});
