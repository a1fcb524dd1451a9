import "server-only";
import { ssoIdentity, type SsoProviderKind, type SsoRefusal } from "@/lib/sso";
import { LIVE_MEMBERSHIP, PUPIL_ACCESS_SELECT, schoolsOpened } from "./account-access";
import type { Db } from "./db";
import { recordSecurityEvent } from "./security-events";
import { SESSION_MS } from "./sign-in";

export type SsoSignInResult =
  { status: "ok"; userId: string; sessionVersion: number; sessionId: string } | { status: "refused"; reason: SsoRefusal };

/**
 * A sign-in through Google, Microsoft or the school's OpenID Connect provider (issue 12, ADR 026). The
 * organisation comes first: only schools that recorded it are searched, so an organisation no school
 * trusts learns nothing about which emails have accounts. Then the email must belong to an account
 * that can sign in at one of those schools (a live staff membership, or a pupil record that may sign
 * in), and every school that account opens must trust the organisation too. No account is ever made here. Every outcome is a security event; a success starts a session
 * that owes no second factor (the identity provider asks for its own).
 */
export async function ssoSignIn(
  db: Db,
  input: { provider: SsoProviderKind; claims: Record<string, unknown>; ip: string },
  now: Date = new Date(),
): Promise<SsoSignInResult> {
  const identity = ssoIdentity(input.provider, input.claims);
  const email = identity.ok ? identity.email : typeof input.claims.email === "string" ? input.claims.email.toLowerCase() : null;
  const refuse = async (reason: SsoRefusal, who: { userId?: string; schoolId?: string } = {}): Promise<SsoSignInResult> => {
    await recordSecurityEvent({ kind: "auth.sso_refused", email, ip: input.ip, ...who, detail: { provider: input.provider, reason } });
    return { status: "refused", reason };
  };
  if (!identity.ok) return refuse(identity.reason);

  const bindings = await db.ssoBinding.findMany({
    where: { provider: input.provider, value: identity.organisation },
    select: { schoolId: true },
  });
  const schoolIds = bindings.map((b) => b.schoolId);
  if (schoolIds.length === 0) return refuse("wrong-organisation");

  const user = await db.user.findFirst({
    where: {
      email: identity.email,
      disabledAt: null,
      OR: [
        { memberships: { some: { ...LIVE_MEMBERSHIP, schoolId: { in: schoolIds }, NOT: { roles: { isEmpty: true } } } } },
        { students: { some: { schoolId: { in: schoolIds } } } },
      ],
    },
    select: {
      id: true,
      sessionVersion: true,
      memberships: { where: LIVE_MEMBERSHIP, select: { schoolId: true, roles: true } },
      students: { select: { schoolId: true, ...PUPIL_ACCESS_SELECT } },
    },
  });
  // Every school the account opens, not only the one that trusts this organisation.
  const opens = user ? schoolsOpened(user) : [];
  const school = opens.find((id) => schoolIds.includes(id));
  if (!user || !school) return refuse("unknown", { schoolId: schoolIds[0] });
  // An account that also opens a school which does not trust this organisation is refused: one school's
  // admin recording an identity provider must never open a colleague's account at another school.
  if (opens.some((id) => !schoolIds.includes(id))) return refuse("other-school", { userId: user.id, schoolId: school });

  const session = await db.userSession.create({
    data: {
      userId: user.id,
      expiresAt: new Date(now.getTime() + SESSION_MS),
      method: "SSO",
      secondFactor: null,
      // Checked again on every request (server/actor.ts): a school added to the account later, or an
      // organisation a school stops trusting, ends this session.
      ssoProvider: input.provider,
      ssoOrganisation: identity.organisation,
    },
    select: { id: true },
  });
  await recordSecurityEvent({
    kind: "auth.sso_signed_in",
    userId: user.id,
    schoolId: school,
    email: identity.email,
    ip: input.ip,
    detail: { provider: input.provider },
  });
  return { status: "ok", userId: user.id, sessionVersion: user.sessionVersion, sessionId: session.id };
}
