// The test identity providers answer a real authorization-code flow with PKCE, driven over HTTP the way
// Auth.js drives it (oauth4webapi, its own client library), with the id_token's signature checked
// against the published keys.
import { createRemoteJWKSet, jwtVerify } from "jose";
import * as oauth from "oauth4webapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENTRA_TENANT_ID, startOidcServers, type OidcClientSettings, type OidcServers } from "./oidc-server";

const APP = "http://127.0.0.1:3999";
let servers: OidcServers;

beforeAll(async () => {
  servers = await startOidcServers({});
  servers.allowRedirects(APP);
});
afterAll(() => servers?.close());

/** A browser's cookie jar for one host, enough for the provider's own cookies. */
function browser() {
  const cookies = new Map<string, string>();
  const setCookies: string[] = [];
  return {
    setCookies,
    async fetch(url: string | URL, init: RequestInit = {}) {
      const headers = new Headers(init.headers);
      if (cookies.size) headers.set("cookie", [...cookies].map(([k, v]) => `${k}=${v}`).join("; "));
      const response = await fetch(url, { ...init, headers, redirect: "manual" });
      for (const line of response.headers.getSetCookie()) {
        setCookies.push(line);
        const [pair = ""] = line.split(";");
        const at = pair.indexOf("=");
        const value = pair.slice(at + 1);
        if (value === "" || /expires=Thu, 01 Jan 1970/i.test(line)) cookies.delete(pair.slice(0, at));
        else cookies.set(pair.slice(0, at), value);
      }
      return response;
    },
  };
}

// What Auth.js's Microsoft Entra ID provider does with a multi-tenant discovery document: the issuer
// template gets the tenant segment the document was fetched from (organizations, common, a GUID).
const fillTenant: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const tenant = /\/([^/]+)\/v2\.0\/\.well-known\//.exec(String(input))?.[1];
  if (!tenant) return response;
  const metadata = (await response.json()) as { issuer: string };
  return Response.json({ ...metadata, issuer: metadata.issuer.replace("{tenantid}", tenant) });
};

type Flow = { discoveryIssuer: string; expectedIssuer: string; settings: OidcClientSettings; callback: string; scope: string };

/** Authorize → the provider's sign-in page → code at the callback → tokens, as Auth.js does it. */
async function signIn(flow: Flow, login: string) {
  const discoveryIssuer = new URL(flow.discoveryIssuer);
  let as = await oauth.processDiscoveryResponse(
    discoveryIssuer,
    await oauth.discoveryRequest(discoveryIssuer, { [oauth.allowInsecureRequests]: true, [oauth.customFetch]: fillTenant }),
  );
  const client: oauth.Client = { client_id: flow.settings.clientId };
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const authorize = new URL(as.authorization_endpoint!);
  authorize.search = new URLSearchParams({
    client_id: client.client_id,
    redirect_uri: flow.callback,
    response_type: "code",
    scope: flow.scope,
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
  }).toString();

  const person = browser();
  let response = await person.fetch(authorize);
  expect(response.status).toBe(303);
  const loginUrl = new URL(response.headers.get("location")!, authorize);
  response = await person.fetch(loginUrl);
  expect(response.status).toBe(200);
  const page = await response.text();
  expect(page).toContain('<label for="login">Login</label>');
  expect(page).toContain('<input id="login" name="login" type="text"');
  expect(page).toContain('<button type="submit">Sign in</button>');

  response = await person.fetch(loginUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ login }).toString(),
  });
  let location = new URL(response.headers.get("location")!, loginUrl);
  for (let hops = 0; !location.href.startsWith(flow.callback) && hops < 5; hops++) {
    expect(response.status).toBeGreaterThanOrEqual(302);
    response = await person.fetch(location);
    location = new URL(response.headers.get("location")!, location);
  }
  expect(location.origin + location.pathname).toBe(flow.callback);
  // Nothing here is https, so no cookie may be Secure (a browser would drop it).
  expect(person.setCookies.length).toBeGreaterThan(0);
  expect(person.setCookies.filter((line) => /;\s*secure/i.test(line))).toEqual([]);

  const params = oauth.validateAuthResponse(as, client, location, state);
  const tokenResponse = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    oauth.ClientSecretBasic(flow.settings.clientSecret),
    params,
    flow.callback,
    verifier,
    { [oauth.allowInsecureRequests]: true },
  );
  // A multi-tenant issuer is a template: Auth.js discovers the account's own tenant from the id_token's tid.
  if (as.issuer !== flow.expectedIssuer) {
    const tenantIssuer = new URL(flow.expectedIssuer);
    as = await oauth.processDiscoveryResponse(
      tenantIssuer,
      await oauth.discoveryRequest(tenantIssuer, { [oauth.allowInsecureRequests]: true }),
    );
  }
  const tokens = await oauth.processAuthorizationCodeResponse(as, client, tokenResponse);
  const claims = oauth.getValidatedIdTokenClaims(tokens)!;
  const { payload } = await jwtVerify(tokens.id_token!, createRemoteJWKSet(new URL(as.jwks_uri!)), {
    issuer: flow.expectedIssuer,
    audience: flow.settings.clientId,
  });
  expect(payload).toEqual(claims);
  return { claims: payload, as };
}

const flows = () => ({
  generic: {
    discoveryIssuer: servers.generic.issuer,
    expectedIssuer: servers.generic.issuer,
    settings: servers.generic,
    callback: `${APP}/api/auth/callback/oidc`,
    scope: "openid email profile",
  },
  google: {
    discoveryIssuer: servers.google.issuer,
    expectedIssuer: servers.google.issuer,
    settings: servers.google,
    callback: `${APP}/api/auth/callback/google`,
    scope: "openid email profile",
  },
  entra: (tid: string) => ({
    discoveryIssuer: `${servers.entra.authority}/${tid}/v2.0`,
    expectedIssuer: `${servers.entra.authority}/${tid}/v2.0`,
    settings: servers.entra,
    callback: `${APP}/api/auth/callback/microsoft-entra-id`,
    // What Auth.js's Microsoft Entra ID provider asks for, Graph scope and all.
    scope: "openid profile email User.Read",
  }),
});

describe("the test OpenID Connect providers", () => {
  it("the generic provider signs a person in with their email, name and a stable subject", async () => {
    const { claims } = await signIn(flows().generic, "coord@greenfield.test");
    expect(claims).toMatchObject({
      iss: servers.generic.issuer,
      aud: "peerpath-test",
      email: "coord@greenfield.test",
      email_verified: true,
      name: "coord",
      preferred_username: "coord@greenfield.test",
    });
    expect(claims.hd).toBeUndefined();
    const again = await signIn(flows().generic, "coord@greenfield.test");
    expect(again.claims.sub).toBe(claims.sub);
    const other = await signIn(flows().generic, "coord@greenfield.test;verified=false;name=Cora Ord");
    expect(other.claims).toMatchObject({ email: "coord@greenfield.test", email_verified: false, name: "Cora Ord" });
    expect(other.claims.sub).not.toBe(claims.sub);
  });

  it("the Google-shaped provider carries hd only for a Workspace account", async () => {
    const workspace = await signIn(flows().google, "coord@greenfield.test;hd=greenfield.test");
    expect(workspace.claims).toMatchObject({
      iss: servers.google.issuer,
      aud: "peerpath-test",
      email: "coord@greenfield.test",
      email_verified: true,
      hd: "greenfield.test",
    });
    const personal = await signIn(flows().google, "someone@gmail.test");
    expect(personal.claims.hd).toBeUndefined();
  });

  it("the Entra-shaped provider serves Microsoft's multi-tenant layout and signs each id_token as the account's tenant", async () => {
    const { authority } = servers.entra;
    expect(servers.entra.issuer).toBe(`${authority}/${ENTRA_TENANT_ID}/v2.0`);
    const discovery = (await (await fetch(`${authority}/organizations/v2.0/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(discovery).toMatchObject({
      issuer: `${authority}/{tenantid}/v2.0`,
      authorization_endpoint: `${authority}/organizations/oauth2/v2.0/authorize`,
      token_endpoint: `${authority}/organizations/oauth2/v2.0/token`,
      jwks_uri: `${authority}/organizations/discovery/v2.0/keys`,
      userinfo_endpoint: `${authority}/oidc/userinfo`,
    });

    const home = await signIn(
      { ...flows().entra(ENTRA_TENANT_ID), discoveryIssuer: `${authority}/organizations/v2.0` },
      "head@greenfield.test",
    );
    expect(home.claims).toMatchObject({
      iss: `${authority}/${ENTRA_TENANT_ID}/v2.0`,
      aud: "peerpath-test",
      tid: ENTRA_TENANT_ID,
      email: "head@greenfield.test",
      preferred_username: "head@greenfield.test",
      name: "head",
    });
    expect(home.claims.oid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    // The templated issuer, with the id_token's tid put in, is the id_token's issuer.
    expect(String(discovery.issuer).replace("{tenantid}", String(home.claims.tid))).toBe(home.claims.iss);

    const otherTenant = "99999999-8888-7777-6666-555555555555";
    const away = await signIn(
      { ...flows().entra(otherTenant), discoveryIssuer: `${authority}/organizations/v2.0` },
      `visitor@elsewhere.test;tid=${otherTenant}`,
    );
    expect(away.claims).toMatchObject({ iss: `${authority}/${otherTenant}/v2.0`, tid: otherTenant });
  });

  it("a callback address that was never allowed is refused, and so is an unknown client", async () => {
    for (const { settings, callback } of [flows().generic, flows().google, flows().entra(ENTRA_TENANT_ID)]) {
      const as = await oauth.processDiscoveryResponse(
        new URL(settings.issuer),
        await oauth.discoveryRequest(new URL(settings.issuer), { [oauth.allowInsecureRequests]: true }),
      );
      const authorize = (redirectUri: string, clientId = settings.clientId) => {
        const url = new URL(as.authorization_endpoint!);
        url.search = new URLSearchParams({
          client_id: clientId,
          redirect_uri: redirectUri,
          response_type: "code",
          scope: "openid email",
          code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
          code_challenge_method: "S256",
        }).toString();
        return fetch(url, { redirect: "manual" });
      };
      for (const response of [
        await authorize("http://127.0.0.1:4000/api/auth/callback/oidc"),
        await authorize(callback.replace(/[^/]+$/, "github")),
        await authorize(callback, "someone-else"),
      ]) {
        expect(response.status).toBe(400);
        expect(response.headers.get("location")).toBeNull();
      }
      expect((await authorize(callback)).status).toBe(303);
    }
  });

  it("the token endpoint takes the client secret in the body too, and refuses a wrong one", async () => {
    const settings = servers.generic;
    const token = (init: RequestInit) => fetch(`${settings.issuer}/token`, { method: "POST", ...init });
    const form = { grant_type: "authorization_code", code: "not-a-code", redirect_uri: `${APP}/api/auth/callback/oidc` };
    const post = await token({
      body: new URLSearchParams({ ...form, client_id: settings.clientId, client_secret: settings.clientSecret }),
    });
    expect(await post.json()).toMatchObject({ error: "invalid_grant" });
    const wrong = await token({ body: new URLSearchParams({ ...form, client_id: settings.clientId, client_secret: "wrong" }) });
    expect(await wrong.json()).toMatchObject({ error: "invalid_client" });
  });

  it("the sign-in page explains a login that is not an email address and keeps what was typed", async () => {
    const flow = flows().generic;
    const authorize = new URL(`${servers.generic.issuer}/auth`);
    authorize.search = new URLSearchParams({
      client_id: "peerpath-test",
      redirect_uri: flow.callback,
      response_type: "code",
      scope: "openid",
    }).toString();
    const person = browser();
    const loginUrl = new URL((await person.fetch(authorize)).headers.get("location")!, authorize);
    const response = await person.fetch(loginUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "login=coord",
    });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain("Start with an email address");
    expect(page).toContain('value="coord"');
  });
});
