// Signs in through Auth.js itself (@auth/core, the library under next-auth) against the test identity
// providers (src/test-support/oidc-server.ts): sign-in, the provider's page, the callback, then the
// session, all as HTTP requests, the app's own answered by Auth(). The providers are set up as the app
// would set them up, so this shows which settings work against these servers.
import crypto from "node:crypto";
import { Auth, type AuthConfig } from "@auth/core";
import Google from "@auth/core/providers/google";
import MicrosoftEntraID from "@auth/core/providers/microsoft-entra-id";
import type { OidcClientSettings } from "./oidc-server";

export type AuthJsProviders = {
  generic?: OidcClientSettings;
  google?: OidcClientSettings;
  entra?: OidcClientSettings & { authority: string };
};

export function authConfigFor(providers: AuthJsProviders, onError: (error: Error) => void = () => {}): AuthConfig {
  const { generic, google, entra } = providers;
  return {
    basePath: "/api/auth",
    trustHost: true,
    secret: crypto.randomBytes(32).toString("base64url"),
    logger: { error: onError, warn: () => {}, debug: () => {} },
    providers: [
      ...(generic ? [{ id: "oidc", name: "School sign-in", type: "oidc" as const, ...settings(generic) }] : []),
      ...(google ? [Google(settings(google))] : []),
      ...(entra
        ? [
            MicrosoftEntraID({
              ...settings(entra),
              // Auth.js fills the discovery document's {tenantid} from a microsoftonline.com issuer only, and
              // falls back to "common": so "common" is the one multi-tenant issuer that works elsewhere.
              issuer: `${entra.authority}/common/v2.0`,
              // The built-in profile fetches a photo from graph.microsoft.com, which a test cannot reach.
              profile: (profile) => ({ id: profile.sub, name: profile.name, email: profile.email }),
            }),
          ]
        : []),
    ],
    callbacks: {
      jwt: ({ token, profile }) => (profile ? { ...token, profile } : token),
      session: ({ session, token }) => ({ ...session, profile: token.profile }),
    },
  };
}

const settings = (s: OidcClientSettings) => ({ issuer: s.issuer, clientId: s.clientId, clientSecret: s.clientSecret });

export type AuthJsSignIn = { landedOn: string; session: { user?: { email?: string }; profile?: Record<string, unknown> } | null };

export async function signInWithAuthJs(config: AuthConfig, app: string, providerId: string, login: string): Promise<AuthJsSignIn> {
  const request = browser(config, app);
  const { csrfToken } = (await (await request(`${app}/api/auth/csrf`)).json()) as { csrfToken: string };
  let response = await request(`${app}/api/auth/signin/${providerId}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: `${app}/` }).toString(),
  });
  let location = new URL(response.headers.get("location")!);
  for (let hops = 0; !location.pathname.startsWith("/interaction/") && hops < 5; hops++) {
    response = await request(location);
    location = new URL(response.headers.get("location")!, location);
  }
  response = await request(location, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ login }).toString(),
  });
  for (let hops = 0; response.headers.get("location") && hops < 6; hops++) {
    location = new URL(response.headers.get("location")!, location);
    if (location.href === `${app}/`) break;
    response = await request(location);
  }
  const session = (await (await request(`${app}/api/auth/session`)).json()) as AuthJsSignIn["session"];
  return { landedOn: location.href, session };
}

/** One browser: cookies per origin, redirects followed by hand, the app's URLs answered by Auth(). */
function browser(config: AuthConfig, app: string) {
  const jars = new Map<string, Map<string, string>>();
  return async function request(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const jar = jars.get(target.origin) ?? new Map<string, string>();
    jars.set(target.origin, jar);
    const headers = new Headers(init.headers);
    if (jar.size) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
    const response =
      target.origin === app
        ? await Auth(new Request(target, { ...init, headers }), config)
        : await fetch(target, { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      if (pair.slice(at + 1) === "" || /max-age=0|expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(pair.slice(0, at));
      else jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  };
}
