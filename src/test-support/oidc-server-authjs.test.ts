// The test identity providers through Auth.js itself (src/test-support/authjs-sign-in.ts): the proof
// that the app's providers, set up the same way, sign people in against them.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authConfigFor, signInWithAuthJs, type AuthJsSignIn } from "./authjs-sign-in";
import { startOidcServers, type OidcServers } from "./oidc-server";

const APP = "http://127.0.0.1:3998";
let servers: OidcServers;
let secure: OidcServers;

beforeAll(async () => {
  [servers, secure] = await Promise.all([startOidcServers({}), startOidcServers({ https: true })]);
  servers.allowRedirects(APP);
  secure.allowRedirects(APP);
});
afterAll(() => Promise.all([servers?.close(), secure?.close()]));

/** A sign-in in a child process that trusts the https servers' certificate, as the app would. */
async function signInTrustingCertificate(providerId: string, login: string): Promise<AuthJsSignIn & { errors: string[] }> {
  const request = { providers: { entra: secure.entra }, app: APP, providerId, login };
  const { stdout } = await promisify(execFile)(
    path.resolve("node_modules/.bin/tsx"),
    [path.resolve("src/test-support/authjs-sign-in-child.ts"), JSON.stringify(request)],
    { env: { ...process.env, NODE_EXTRA_CA_CERTS: secure.certificateFile } },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1)!);
}

describe("the test OpenID Connect providers through Auth.js", () => {
  it("a generic OpenID Connect provider signs in with the id_token's claims as the profile", async () => {
    const config = authConfigFor({ generic: servers.generic });
    const { landedOn, session } = await signInWithAuthJs(config, APP, "oidc", "coord@greenfield.test;name=Cora Ord");
    expect(landedOn).toBe(`${APP}/`);
    expect(session?.user?.email).toBe("coord@greenfield.test");
    expect(session?.profile).toMatchObject({ iss: servers.generic.issuer, email_verified: true, name: "Cora Ord" });
  });

  it("Auth.js's Google provider, its issuer pointed at the test server, sees hd", async () => {
    const config = authConfigFor({ google: servers.google });
    const { landedOn, session } = await signInWithAuthJs(config, APP, "google", "coord@greenfield.test;hd=greenfield.test");
    expect(landedOn).toBe(`${APP}/`);
    expect(session?.profile).toMatchObject({ iss: servers.google.issuer, email: "coord@greenfield.test", hd: "greenfield.test" });
  });

  it("Auth.js's Microsoft Entra ID provider cannot finish over http: it fetches the tenant's discovery again with https only", async () => {
    const errors: Error[] = [];
    const config = authConfigFor({ entra: servers.entra }, (error) => errors.push(error));
    const { landedOn, session } = await signInWithAuthJs(config, APP, "microsoft-entra-id", "head@greenfield.test");
    expect(landedOn).toMatch(/\/api\/auth\/error\?error=Configuration$/);
    expect(session).toBeNull();
    expect(String((errors[0]?.cause as { err?: unknown })?.err)).toContain("only requests to HTTPS are allowed");
  });

  it("Auth.js's Microsoft Entra ID provider signs in over https, each account as its own tenant", async () => {
    const home = await signInTrustingCertificate("microsoft-entra-id", "head@greenfield.test");
    expect(home.errors).toEqual([]);
    expect(home.landedOn).toBe(`${APP}/`);
    expect(home.session?.profile).toMatchObject({
      iss: `${secure.entra.authority}/${secure.entra.tenantId}/v2.0`,
      tid: secure.entra.tenantId,
      email: "head@greenfield.test",
      preferred_username: "head@greenfield.test",
    });
    const otherTenant = "99999999-8888-7777-6666-555555555555";
    const away = await signInTrustingCertificate("microsoft-entra-id", `visitor@elsewhere.test;tid=${otherTenant}`);
    expect(away.session?.profile).toMatchObject({ iss: `${secure.entra.authority}/${otherTenant}/v2.0`, tid: otherTenant });
  });
});
