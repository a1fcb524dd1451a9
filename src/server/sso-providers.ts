import type { Provider } from "next-auth/providers";
import Google from "next-auth/providers/google";
import MicrosoftEntraID from "next-auth/providers/microsoft-entra-id";
import type { Env } from "@/env";
import type { SsoProviderKind } from "@/lib/sso";

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

export function ssoButtons(env: Env): SsoButton[] {
  const buttons: SsoButton[] = [];
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) buttons.push({ id: "google", kind: "GOOGLE", label: "Sign in with Google" });
  if (env.AUTH_MICROSOFT_ENTRA_ID_ID && env.AUTH_MICROSOFT_ENTRA_ID_SECRET)
    buttons.push({ id: "microsoft-entra-id", kind: "MICROSOFT", label: "Sign in with Microsoft" });
  if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET)
    buttons.push({ id: "oidc", kind: "OIDC", label: `Sign in with ${env.AUTH_OIDC_NAME ?? "your school account"}` });
  return buttons;
}

/** Which rule (lib/sso.ts) a provider id's claims are read by. */
export function ssoKindOf(providerId: string | undefined): SsoProviderKind | null {
  if (providerId === "google") return "GOOGLE";
  if (providerId === "microsoft-entra-id") return "MICROSOFT";
  if (providerId === "oidc") return "OIDC";
  return null;
}

export function ssoProviders(env: Env): Provider[] {
  const providers: Provider[] = [];
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) {
    providers.push(
      Google({
        clientId: env.AUTH_GOOGLE_ID,
        clientSecret: env.AUTH_GOOGLE_SECRET,
        ...(env.AUTH_GOOGLE_ISSUER ? { issuer: env.AUTH_GOOGLE_ISSUER } : {}),
        authorization: { params: { scope: "openid email profile" } },
        profile: asUser,
      }),
    );
  }
  if (env.AUTH_MICROSOFT_ENTRA_ID_ID && env.AUTH_MICROSOFT_ENTRA_ID_SECRET) {
    const authority = (env.AUTH_MICROSOFT_ENTRA_ID_AUTHORITY ?? MICROSOFT).replace(/\/+$/, "");
    // Multi-tenant: the "common" endpoint, with the id token's issuer checked against the discovery
    // document of the token's own tenant (Auth.js does this for this provider); which tenants are
    // accepted is each school's setting. `profile` is ours: the built-in one fetches a photo from Graph.
    providers.push(
      MicrosoftEntraID({
        clientId: env.AUTH_MICROSOFT_ENTRA_ID_ID,
        clientSecret: env.AUTH_MICROSOFT_ENTRA_ID_SECRET,
        issuer: `${authority}/common/v2.0`,
        authorization: { params: { scope: "openid email profile" } },
        profile: asUser,
      }),
    );
  }
  if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET) {
    providers.push({
      id: "oidc",
      name: env.AUTH_OIDC_NAME ?? "your school account",
      type: "oidc",
      issuer: env.AUTH_OIDC_ISSUER,
      clientId: env.AUTH_OIDC_ID,
      clientSecret: env.AUTH_OIDC_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      checks: ["pkce", "state"],
      profile: asUser,
    });
  }
  return providers;
}
