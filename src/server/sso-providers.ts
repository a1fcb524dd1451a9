import type { Provider } from "next-auth/providers";
import Google from "next-auth/providers/google";
import MicrosoftEntraID from "next-auth/providers/microsoft-entra-id";
import type { Env } from "@/env";
import { SSO_PROVIDER_IDS, SSO_PROVIDERS, type SsoProviderKind } from "@/lib/sso";

// The single sign-on providers this deployment offers (issue 12, ADR 026), from the environment:
// each appears only when its client ID and secret are set. Auth.js's own Google and Microsoft Entra ID
// providers, and a generic OpenID Connect one. The issuer and authority can point elsewhere (the test
// run's own OpenID Connect provider does); in production they are Google's and Microsoft's.

export type SsoButton = { id: string; kind: SsoProviderKind; label: string };

const MICROSOFT = "https://login.microsoftonline.com";

type Claims = { sub: string; name?: unknown; email?: unknown; preferred_username?: unknown };
const asUser = (claims: Claims) => ({
  id: claims.sub,
  name: typeof claims.name === "string" ? claims.name : null,
  email: typeof claims.email === "string" ? claims.email : typeof claims.preferred_username === "string" ? claims.preferred_username : null,
});

type Configured = SsoButton & { provider: () => Provider };

/** The providers whose client ID and secret are set: one list for the sign-in page and for Auth.js. */
function configured(env: Env): Configured[] {
  const list: Configured[] = [];
  const scope = { params: { scope: "openid email profile" } };
  const { AUTH_GOOGLE_ID: googleId, AUTH_GOOGLE_SECRET: googleSecret } = env;
  if (googleId && googleSecret) {
    list.push({
      id: SSO_PROVIDER_IDS.GOOGLE,
      kind: "GOOGLE",
      label: "Sign in with Google",
      provider: () =>
        Google({
          clientId: googleId,
          clientSecret: googleSecret,
          ...(env.AUTH_GOOGLE_ISSUER ? { issuer: env.AUTH_GOOGLE_ISSUER } : {}),
          authorization: scope,
          profile: asUser,
        }),
    });
  }
  const { AUTH_MICROSOFT_ENTRA_ID_ID: entraId, AUTH_MICROSOFT_ENTRA_ID_SECRET: entraSecret } = env;
  if (entraId && entraSecret) {
    const authority = (env.AUTH_MICROSOFT_ENTRA_ID_AUTHORITY ?? MICROSOFT).replace(/\/+$/, "");
    // Multi-tenant: the "common" endpoint, with the id token's issuer checked against the discovery
    // document of the token's own tenant (Auth.js does this for this provider); which tenants are
    // accepted is each school's setting. `profile` is ours: the built-in one fetches a photo from Graph.
    list.push({
      id: SSO_PROVIDER_IDS.MICROSOFT,
      kind: "MICROSOFT",
      label: "Sign in with Microsoft",
      provider: () =>
        MicrosoftEntraID({
          clientId: entraId,
          clientSecret: entraSecret,
          issuer: `${authority}/common/v2.0`,
          authorization: scope,
          profile: asUser,
        }),
    });
  }
  const { AUTH_OIDC_ISSUER: issuer, AUTH_OIDC_ID: oidcId, AUTH_OIDC_SECRET: oidcSecret } = env;
  if (issuer && oidcId && oidcSecret) {
    const name = env.AUTH_OIDC_NAME ?? "your school account";
    list.push({
      id: SSO_PROVIDER_IDS.OIDC,
      kind: "OIDC",
      label: `Sign in with ${name}`,
      provider: () => ({
        id: SSO_PROVIDER_IDS.OIDC,
        name,
        type: "oidc",
        issuer,
        clientId: oidcId,
        clientSecret: oidcSecret,
        authorization: scope,
        checks: ["pkce", "state"],
        profile: asUser,
      }),
    });
  }
  return list;
}

export function ssoButtons(env: Env): SsoButton[] {
  return configured(env).map(({ id, kind, label }) => ({ id, kind, label }));
}

export function ssoProviders(env: Env): Provider[] {
  return configured(env).map((c) => c.provider());
}

/** Which rule (lib/sso.ts) a provider id's claims are read by. */
export function ssoKindOf(providerId: string | undefined): SsoProviderKind | null {
  return SSO_PROVIDERS.find((kind) => SSO_PROVIDER_IDS[kind] === providerId) ?? null;
}
