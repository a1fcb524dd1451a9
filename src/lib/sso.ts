// Single sign-on's rules (issue 12, ADR 026): which identity a provider's claims vouch for, and which
// organisation they come from. One definition, read by the sign-in and by the admin's settings form.
export const SSO_PROVIDERS = ["GOOGLE", "MICROSOFT", "OIDC"] as const;
export type SsoProviderKind = (typeof SSO_PROVIDERS)[number];

/** Auth.js's id for each provider: its button's value and its callback path (`/api/auth/callback/<id>`). */
export const SSO_PROVIDER_IDS = { GOOGLE: "google", MICROSOFT: "microsoft-entra-id", OIDC: "oidc" } as const satisfies Record<
  SsoProviderKind,
  string
>;

export type SsoRefusal = "unverified" | "wrong-organisation" | "unknown" | "no-email" | "other-school";

export type SsoIdentity = { ok: true; email: string; organisation: string } | { ok: false; reason: SsoRefusal };

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const EMAIL = /^[^\s@]+@([^\s@]+)$/;

/** "Greenfield.sch.uk " → "greenfield.sch.uk"; null when it cannot be a domain. */
export function normaliseDomain(input: string): string | null {
  const domain = input.trim().toLowerCase().replace(/^@/, "");
  return DOMAIN.test(domain) ? domain : null;
}

/** A Microsoft Entra tenant ID is a GUID; braces and case forgiven. */
export function normaliseTenantId(input: string): string | null {
  const id = input
    .trim()
    .toLowerCase()
    .replace(/^\{|\}$/g, "");
  return GUID.test(id) ? id : null;
}

/** The value a school records for each provider, from what an admin typed; null when it cannot be one. */
export function normaliseBinding(provider: SsoProviderKind, input: string): string | null {
  const value = provider === "MICROSOFT" ? normaliseTenantId(input) : normaliseDomain(input);
  if (!value || PUBLIC_TENANTS.has(value) || PUBLIC_EMAIL_DOMAINS.has(value)) return null;
  return value;
}

/**
 * Organisations anyone can join, which no school may record: Microsoft's tenant of personal accounts,
 * and email services open to the public (a school's own domain is never one of these).
 */
export const PUBLIC_TENANTS = new Set(["9188040d-6c67-4c5b-b112-36a304b66dad"]);
export const PUBLIC_EMAIL_DOMAINS = new Set([
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "hotmail.co.uk",
  "live.com",
  "live.co.uk",
  "msn.com",
  "yahoo.com",
  "yahoo.co.uk",
  "icloud.com",
  "me.com",
  "aol.com",
  "btinternet.com",
  "sky.com",
  "proton.me",
  "protonmail.com",
]);

const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);

/**
 * Who the claims say signed in, and from which organisation, or why they vouch for no one:
 * - Google: a verified email and the Workspace domain (`hd`); a personal Google account has no `hd`.
 * - Microsoft Entra: the tenant (`tid`) and the email the tenant gives (`email`, else
 *   `preferred_username`). A tenant can set its users' email to anything, so the email is trusted
 *   only because the school itself recorded that tenant as its own; an explicit `email_verified: false`
 *   is refused.
 * - Any other OpenID Connect provider: a verified email, whose domain is the organisation.
 */
export function ssoIdentity(provider: SsoProviderKind, claims: Record<string, unknown>): SsoIdentity {
  const rawEmail = provider === "MICROSOFT" ? (text(claims.email) ?? text(claims.preferred_username)) : text(claims.email);
  const email = rawEmail?.toLowerCase() ?? null;
  const emailDomain = email ? (EMAIL.exec(email)?.[1] ?? null) : null;
  if (!email || !emailDomain) return { ok: false, reason: "no-email" };
  if (provider === "MICROSOFT") {
    if (claims.email_verified === false) return { ok: false, reason: "unverified" };
    const tenant = normaliseTenantId(text(claims.tid) ?? "");
    return tenant ? { ok: true, email, organisation: tenant } : { ok: false, reason: "wrong-organisation" };
  }
  if (claims.email_verified !== true && claims.email_verified !== "true") return { ok: false, reason: "unverified" };
  if (provider === "GOOGLE") {
    const hd = normaliseDomain(text(claims.hd) ?? "");
    return hd ? { ok: true, email, organisation: hd } : { ok: false, reason: "wrong-organisation" };
  }
  const domain = normaliseDomain(emailDomain);
  return domain ? { ok: true, email, organisation: domain } : { ok: false, reason: "no-email" };
}

/** What the sign-in page says for each refusal. */
export const SSO_REFUSAL_MESSAGES: Record<SsoRefusal, string> = {
  unverified:
    "Your account's email address has not been verified, so we could not sign you in with it. Ask your school's IT team, or sign in with your PeerPath password.",
  "wrong-organisation":
    "That account is not from an organisation your school uses for signing in. Sign in with your school account, or with your PeerPath password.",
  unknown:
    "There is no PeerPath account for that email address at your school. PeerPath accounts are made by your school's PeerPath admin: ask them to add you.",
  "no-email": "Your account did not tell us an email address, so we could not sign you in with it. Sign in with your PeerPath password.",
  "other-school":
    "Your PeerPath account is also used at another school that does not use this way of signing in, so please sign in with your PeerPath password.",
};
