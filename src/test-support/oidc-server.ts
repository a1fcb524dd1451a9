// Three real OpenID Connect providers for the single sign-on tests (issue 12): oidc-provider on loopback
// ports in this process, one plain ("oidc"), one shaped like Google (an `hd` claim), one shaped like
// Microsoft Entra ID's multi-tenant endpoints. Each has one confidential client, `peerpath-test`, whose
// redirect URIs are added once the app's address is known (allowRedirects), and a sign-in page whose
// one "Login" box takes the account as a string (src/test-support/oidc-accounts.ts). No consent screen.
// http by default; `https: true` for Auth.js's Microsoft Entra ID provider (see StartOptions.https).
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import Provider, { interactionPolicy, type AdapterPayload, type Configuration, type KoaContextWithOIDC } from "oidc-provider";
import { memoryAdapter, selfSignedCertificate, type Tls } from "./oidc-server-parts";
import { errorPage, loginPage, objectIdFor, parseLogin, type OidcAccount } from "./oidc-accounts";

export const OIDC_CLIENT_ID = "peerpath-test";
export const ENTRA_TENANT_ID = "11111111-2222-3333-4444-555555555555";

export type OidcClientSettings = { issuer: string; clientId: string; clientSecret: string };
export type OidcServers = {
  generic: OidcClientSettings;
  google: OidcClientSettings;
  /** issuer is the default tenant's; discovery lives under `${authority}/organizations/v2.0`. */
  entra: OidcClientSettings & { authority: string; tenantId: string };
  /** Registers `${appBaseUrl}/api/auth/callback/{oidc,google,microsoft-entra-id}` on the running servers (adds; never removes). */
  allowRedirects(appBaseUrl: string): void;
  /** With `https: true`: the servers' self-signed certificate (PEM file), for the app's NODE_EXTRA_CA_CERTS. */
  certificateFile?: string;
  close(): Promise<void>;
};

type Kind = "generic" | "google" | "entra";
const CALLBACK_ID: Record<Kind, string> = { generic: "oidc", google: "google", entra: "microsoft-entra-id" };
const TITLE: Record<Kind, string> = { generic: "Test sign-in", google: "Test Google sign-in", entra: "Test Microsoft sign-in" };
const ENTRA_ROUTES = {
  authorization: "/organizations/oauth2/v2.0/authorize",
  token: "/organizations/oauth2/v2.0/token",
  jwks: "/organizations/discovery/v2.0/keys",
  userinfo: "/oidc/userinfo",
};
// Microsoft serves discovery per tenant segment; the multi-tenant ones name the issuer as a template.
const discoveryTenant = new WeakMap<http.IncomingMessage, string>();
const ENTRA_DISCOVERY =
  /^\/(common|organizations|consumers|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/v2\.0\/\.well-known\/openid-configuration$/;

type StartOptions = {
  host?: string;
  ports?: { generic?: number; google?: number; entra?: number };
  /** The client secret of all three (random unless given; scripts/oidc-test-server.ts keeps one fixed). */
  clientSecret?: string;
  /**
   * Serve https with a self-signed certificate made by the openssl command. Auth.js's Microsoft Entra ID
   * provider needs it: after the token request it fetches the tenant's discovery document again
   * without allowing http, so over http its callback always fails.
   */
  https?: boolean;
};

export async function startOidcServers(options: StartOptions = {}): Promise<OidcServers> {
  const host = options.host ?? "127.0.0.1";
  // One person typing the same login string into any of the three is the same account.
  const accounts = new Map<string, OidcAccount>();
  const started: Started[] = [];
  const tls = options.https ? await selfSignedCertificate() : undefined;
  const cleanUp = async () => {
    await Promise.all(started.map((s) => s.close()));
    if (tls) fs.rmSync(path.dirname(tls.certificateFile), { recursive: true, force: true });
  };
  try {
    for (const kind of ["generic", "google", "entra"] as const) {
      const clientSecret = options.clientSecret ?? crypto.randomBytes(24).toString("base64url");
      started.push(await startOne(kind, host, options.ports?.[kind] ?? 0, clientSecret, accounts, tls));
    }
  } catch (error) {
    await cleanUp();
    throw error;
  }
  const [generic, google, entra] = started as [Started, Started, Started];
  return {
    generic: generic.settings,
    google: google.settings,
    entra: { ...entra.settings, authority: entra.origin, tenantId: ENTRA_TENANT_ID },
    allowRedirects(appBaseUrl) {
      const base = appBaseUrl.replace(/\/+$/, "");
      new URL(base); // a clear error for a malformed address, here rather than at sign-in
      for (const s of started) s.redirectUris.add(`${base}/api/auth/callback/${CALLBACK_ID[s.kind]}`);
    },
    ...(tls ? { certificateFile: tls.certificateFile } : {}),
    close: cleanUp,
  };
}

type Started = { kind: Kind; origin: string; settings: OidcClientSettings; redirectUris: Set<string>; close(): Promise<void> };

async function startOne(
  kind: Kind,
  host: string,
  port: number,
  clientSecret: string,
  accounts: Map<string, OidcAccount>,
  tls: Tls | undefined,
): Promise<Started> {
  const server = tls ? https.createServer({ key: tls.key, cert: tls.cert }) : http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const origin = `${tls ? "https" : "http"}://${host.includes(":") ? `[${host}]` : host}:${address.port}`;
  const issuer = kind === "entra" ? `${origin}/${ENTRA_TENANT_ID}/v2.0` : origin;

  const { privateKey } = await promisify(crypto.generateKeyPair)("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: crypto.randomUUID(), alg: "RS256", use: "sig" };

  const redirectUris = new Set<string>();
  // oidc-provider caches a client by a hash of its metadata, so new redirect URIs make a new client.
  const findClient = (id: string): AdapterPayload | undefined =>
    id === OIDC_CLIENT_ID && redirectUris.size > 0
      ? {
          client_id: OIDC_CLIENT_ID,
          client_secret: clientSecret,
          redirect_uris: [...redirectUris],
          grant_types: ["authorization_code"],
          response_types: ["code"],
          token_endpoint_auth_method: "client_secret_basic",
        }
      : undefined;

  const provider = new Provider(issuer, providerConfiguration(kind, { jwk, findClient, accounts }));
  // A refused grant says why only in its detail: worth a line in the test run's output.
  provider.on("grant.error", (_ctx, error: Error & { error_detail?: string }) => {
    console.error(
      `The test identity provider (${kind}) refused a grant: ${error.message}${error.error_detail ? ` (${error.error_detail})` : ""}`,
    );
  });
  if (kind === "entra") {
    // Microsoft signs each person's id_token as their own tenant (iss is `${authority}/${tid}/v2.0`), so it
    // cannot name one issuer in the authorization response (RFC 9207) and does not.
    provider.on("authorization.success", (_ctx, out) => {
      if (out) delete out.iss;
    });
    provider.use(async (ctx, next) => {
      await next();
      const body = ctx.body as
        { id_token?: unknown; issuer?: string; authorization_response_iss_parameter_supported?: boolean } | undefined;
      if (ctx.path === "/.well-known/openid-configuration" && ctx.status === 200 && body) {
        body.authorization_response_iss_parameter_supported = false;
        const tenant = discoveryTenant.get(ctx.req);
        if (tenant) body.issuer = `${origin}/${/^(common|organizations|consumers)$/.test(tenant) ? "{tenantid}" : tenant}/v2.0`;
      }
      if (ctx.path === ENTRA_ROUTES.token && ctx.status === 200 && typeof body?.id_token === "string") {
        body.id_token = reissueForTenant(body.id_token, origin, privateKey);
      }
    });
  }
  const handleWithProvider = provider.callback();

  server.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = new URL(req.url ?? "/", origin).pathname;
    const interaction = /^\/interaction\/([\w-]+)$/.exec(path);
    const discovery = kind === "entra" ? ENTRA_DISCOVERY.exec(path) : null;
    if (discovery) {
      // Microsoft's per-tenant discovery is the provider's own document with the tenant's issuer.
      discoveryTenant.set(req, discovery[1]!);
      req.url = "/.well-known/openid-configuration";
    }
    const handled = interaction ? handleInteraction(provider, kind, accounts, req, res) : Promise.resolve(handleWithProvider(req, res));
    handled.catch((error: unknown) => {
      console.error("The test identity provider failed:", error);
      if (!res.headersSent) send(res, 500, errorPage("Something went wrong", "The test identity provider failed."));
      else res.destroy();
    });
  });

  return {
    kind,
    origin,
    settings: { issuer, clientId: OIDC_CLIENT_ID, clientSecret },
    redirectUris,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function providerConfiguration(
  kind: Kind,
  {
    jwk,
    findClient,
    accounts,
  }: { jwk: object; findClient: (id: string) => AdapterPayload | undefined; accounts: Map<string, OidcAccount> },
): Configuration {
  const policy = interactionPolicy.base();
  // Every authorization asks who is signing in, so one browser can sign in as someone else next.
  policy
    .get("login")!
    .checks.add(
      new interactionPolicy.Check("fresh_login", "each sign-in asks for the account", (ctx) =>
        ctx.oidc.result?.login ? interactionPolicy.Check.NO_NEED_TO_PROMPT : interactionPolicy.Check.REQUEST_PROMPT,
      ),
    );
  const openid = { generic: ["sub"], google: ["sub", "hd"], entra: ["sub", "tid", "oid"] }[kind];
  return {
    adapter: memoryAdapter(findClient),
    jwks: { keys: [jwk] },
    // Browsers share cookies across a host's ports: names of its own keep the three (and the app) apart.
    cookies: {
      keys: [crypto.randomBytes(32).toString("base64url")],
      names: { session: `oidc_${kind}_session`, interaction: `oidc_${kind}_interaction`, resume: `oidc_${kind}_resume` },
    },
    claims: { openid, email: ["email", "email_verified"], profile: ["name", "preferred_username"] },
    // The claims go in the id_token itself: Auth.js reads its profile from there.
    conformIdTokenClaims: false,
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          email: account.email,
          email_verified: account.emailVerified,
          name: account.name,
          preferred_username: account.email,
          ...(kind === "google" && account.hd ? { hd: account.hd } : {}),
          ...(kind === "entra" ? { tid: account.tid ?? ENTRA_TENANT_ID, oid: objectIdFor(sub) } : {}),
        }),
      };
    },
    // No consent screen: the grant is everything asked for.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const accountId = ctx.oidc.session?.accountId;
      const clientId = ctx.oidc.client?.clientId;
      if (!accountId || !clientId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ accountId, clientId });
      grant.addOIDCScope([...ctx.oidc.requestParamScopes].join(" "));
      await grant.save();
      return grant;
    },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: false } },
    interactions: { policy, url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    clientBasedCORS: () => false,
    async renderError(ctx, out) {
      ctx.type = "html";
      ctx.body = errorPage("Sign-in failed", `${out.error}: ${out.error_description ?? ""}`);
    },
    ttl: { AccessToken: 3600, AuthorizationCode: 600, IdToken: 3600, Interaction: 3600, Session: 3600, Grant: 3600 },
    ...(kind === "entra" ? { routes: ENTRA_ROUTES } : {}),
  };
}

async function handleInteraction(
  provider: Provider,
  kind: Kind,
  accounts: Map<string, OidcAccount>,
  req: http.IncomingMessage,
  res: http.ServerResponse,
) {
  const action = req.url ?? "/";
  try {
    await provider.interactionDetails(req, res);
  } catch {
    return send(res, 400, errorPage("Sign-in expired", "Go back to the app and start signing in again."));
  }
  if (req.method === "GET") return send(res, 200, loginPage({ title: TITLE[kind], action }));
  if (req.method !== "POST") return send(res, 405, errorPage("Not allowed", "Use the form."));
  const login = new URLSearchParams(await readBody(req)).get("login") ?? "";
  const account = parseLogin(login);
  if ("error" in account) return send(res, 400, loginPage({ title: TITLE[kind], action, value: login, error: account.error }));
  accounts.set(account.sub, account);
  await provider.interactionFinished(req, res, { login: { accountId: account.sub } }, { mergeWithLastSubmission: false });
}

/** The same id_token, its iss naming the account's own tenant, signed again with the provider's key. */
function reissueForTenant(idToken: string, origin: string, privateKey: crypto.KeyObject): string {
  const [header, payload] = idToken.split(".") as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { iss: string; tid?: string };
  const iss = `${origin}/${claims.tid ?? ENTRA_TENANT_ID}/v2.0`;
  if (claims.iss === iss) return idToken;
  const input = `${header}.${Buffer.from(JSON.stringify({ ...claims, iss })).toString("base64url")}`;
  return `${input}.${crypto.sign("sha256", Buffer.from(input), privateKey).toString("base64url")}`;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
      if (body.length > 10_000) req.destroy(new Error("Too large"));
    });
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

function send(res: http.ServerResponse, status: number, html: string) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(html);
}
