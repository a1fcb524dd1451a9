// Security headers (ADR 011): every page answers with a Content-Security-Policy whose scripts need
// this response's nonce, the app still loads, hydrates and sends forms without one violation, and
// no other origin, not even one on the same site, can frame the signed-in dashboard.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { APIResponse, Page, Response } from "@playwright/test";
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";
import { seedSchool } from "./support/seed";

declare global {
  interface Window {
    hasNotReloaded?: boolean;
  }
}

type AnyResponse = Response | APIResponse;

/** The directives of a response's Content-Security-Policy, by name. */
function policyOf(response: AnyResponse): Map<string, string[]> {
  const header = response.headers()["content-security-policy"];
  expect(header, `${response.url()} has a Content-Security-Policy`).toBeTruthy();
  return new Map(
    header!.split(";").map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

/** Checks a page's policy (scripts by nonce only, no framing) and returns its nonce. */
function expectStrictPolicy(response: AnyResponse): string {
  const policy = policyOf(response);
  const scripts = policy.get("script-src") ?? [];
  const nonce = scripts.map((source) => /^'nonce-(.+)'$/.exec(source)?.[1]).find(Boolean);
  expect(nonce, `${response.url()}: script-src has a nonce (${scripts.join(" ")})`).toBeTruthy();
  expect(scripts).toContain("'strict-dynamic'");
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(policy.get("default-src")).toEqual(["'self'"]);
  expect(policy.get("object-src")).toEqual(["'none'"]);
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  return nonce!;
}

/** The headers every response carries, Next's own files included. */
function expectFixedHeaders(response: AnyResponse) {
  const headers = response.headers();
  const where = response.url();
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["referrer-policy"], where).toBe("same-origin");
  expect(headers["x-frame-options"], where).toBe("DENY");
  expect(headers["permissions-policy"], where).toMatch(/(^|, )camera=\(\)/);
  expect(headers["permissions-policy"], where).toMatch(/(^|, )microphone=\(\)/);
  expect(headers["permissions-policy"], where).toMatch(/(^|, )geolocation=\(\)/);
}

/** Every <script> tag in a server-rendered document carries the response's nonce. */
async function expectEveryScriptNonced(response: Response, nonce: string) {
  const tags = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length, `${response.url()} renders scripts`).toBeGreaterThan(0);
  expect(tags.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
}

/**
 * The browser's complaints about the headers in the console (a refused script or frame, a policy it
 * cannot read). The fixtures fail every test on a violation event already; this also catches what
 * only reaches the console.
 */
function watchConsole(page: Page) {
  const complaints: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy|Permissions-Policy|Refused to|violates/i.test(message.text())) complaints.push(message.text());
  });
  return complaints;
}

test("pages, redirects, refusals and the auth API carry the policy; Next's files the fixed headers; HSTS only over HTTPS", async ({
  request,
}) => {
  const signIn = await request.get("/sign-in");
  expect(signIn.status()).toBe(200);
  const nonce = expectStrictPolicy(signIn);
  expectFixedHeaders(signIn);
  expect(signIn.headers()["strict-transport-security"]).toBeUndefined();
  expect(policyOf(signIn).has("upgrade-insecure-requests")).toBe(false);
  expect(expectStrictPolicy(await request.get("/sign-in")), "a fresh nonce for every response").not.toBe(nonce);

  // Not signed in: the optimistic redirect, and a 404, carry the policy too.
  const redirect = await request.get("/coordinator", { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expectStrictPolicy(redirect);
  expectFixedHeaders(redirect);
  const missing = await request.get("/no-such-page");
  expect(missing.status()).toBe(404);
  expectStrictPolicy(missing);

  // A server action posted empty is refused by the proxy, with the headers all the same.
  const refused = await request.post("/sign-in", { headers: { "Next-Action": "0".repeat(42), Accept: "text/x-component" }, data: "" });
  expect(refused.status()).toBe(400);
  expectStrictPolicy(refused);
  expectFixedHeaders(refused);

  const authApi = await request.get("/api/auth/csrf");
  expect(authApi.status()).toBe(200);
  expectStrictPolicy(authApi);
  expectFixedHeaders(authApi);

  const html = await signIn.text();
  const script = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  const stylesheet = /<link rel="stylesheet" href="(\/_next\/static\/[^"]+\.css)"/.exec(html)?.[1];
  expect(script, "the sign-in page loads a script from /_next/static").toBeTruthy();
  expect(stylesheet, "the sign-in page loads a stylesheet from /_next/static").toBeTruthy();
  for (const asset of [script!, stylesheet!]) {
    const response = await request.get(asset);
    expect(response.status(), asset).toBe(200);
    expectFixedHeaders(response);
  }

  // Behind the HTTPS front server (which sets x-forwarded-proto truthfully): HSTS on pages and files.
  const overHttps = { headers: { "X-Forwarded-Proto": "https" } };
  const secureSignIn = await request.get("/sign-in", overHttps);
  expect(secureSignIn.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  expect(policyOf(secureSignIn).get("upgrade-insecure-requests")).toEqual([]);
  expect((await request.get(script!, overHttps)).headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  expect((await request.get(script!)).headers()["strict-transport-security"]).toBeUndefined();
});

test("with the policy on, pages load, hydrate and send forms without a single violation, and pass axe", async ({
  page,
  db,
  cspViolations,
}) => {
  const seeded = await seedSchool(db, { label: "Security headers" });
  const complaints = watchConsole(page);
  const expectNoViolations = (where: string) => {
    expect(cspViolations, `CSP violations by ${where}`).toEqual([]);
    expect(complaints, `the browser's console by ${where}`).toEqual([]);
  };

  const signIn = await page.goto("/sign-in");
  await expectEveryScriptNonced(signIn!, expectStrictPolicy(signIn!));
  await expectNoAxeViolations(page);
  await signInAs(page, seeded.accounts.coordinator);
  expectNoViolations("signing in");

  const dashboard = await page.goto("/coordinator");
  const nonce = expectStrictPolicy(dashboard!);
  expectFixedHeaders(dashboard!);
  await expectEveryScriptNonced(dashboard!, nonce);
  await expect(page.getByRole("heading", { level: 1, name: seeded.programme.name })).toBeVisible();
  await expectNoAxeViolations(page);

  // React answers the form in place: a page reloaded by a plain form post would lose this flag.
  await page.evaluate(() => (window.hasNotReloaded = true));
  const form = page.getByRole("form", { name: "Award points" });
  await form
    .getByRole("group", { name: "Pupils", exact: true })
    .getByRole("checkbox", { name: new RegExp(`^${seeded.pupils.aisha.name} Year \\d+`) })
    .check();
  await form.getByLabel("Reason").fill("Helped a new Year 7 find the library");
  await form.getByRole("button", { name: "Award points" }).click();
  await expect(form.getByRole("status")).toHaveText("1 point given to 1 pupil.");
  expect(await page.evaluate(() => window.hasNotReloaded)).toBe(true);

  // A link followed inside the app: client-side navigation loads more of the build's scripts.
  await page.getByRole("banner").getByRole("link", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => window.hasNotReloaded)).toBe(true);
  expectNoViolations("the dashboard's form and a link");

  // The not-found page was prerendered at build time before ADR 011: now it renders with a nonce too.
  const missing = await page.goto("/no-such-page");
  expect(missing!.status()).toBe(404);
  await expectEveryScriptNonced(missing!, expectStrictPolicy(missing!));
  await expect(page.getByRole("heading", { level: 1, name: "We could not find that page" })).toBeVisible();
  await expectNoAxeViolations(page);
  expectNoViolations("a missing page");
});

test("another origin on the same site cannot frame the signed-in dashboard", async ({ page, db, baseURL }) => {
  const seeded = await seedSchool(db, { label: "Security headers" });
  await signInAs(page, seeded.accounts.coordinator);
  const app = new URL(baseURL!);
  const dashboard = `${app.origin}/coordinator`;

  // A real server on the same host and another port: the same site, so the browser sends the session
  // cookie with the frame's request. (A page faked with page.route would count as a public page, and
  // Chromium would refuse its frame to a local address for that reason alone.)
  const framingPage = `<!doctype html><html lang="en"><title>Elsewhere</title><iframe title="PeerPath" src="${dashboard}"></iframe></html>`;
  const elsewhere = http.createServer((_request, response) => response.writeHead(200, { "content-type": "text/html" }).end(framingPage));
  await new Promise<void>((resolve) => elsewhere.listen(0, app.hostname, resolve));
  const other = `http://${app.hostname}:${(elsewhere.address() as AddressInfo).port}`;
  try {
    const complaints = watchConsole(page);
    await page.goto(`${other}/frame`);
    await expect
      .poll(() => complaints.join("\n"), { message: "Chromium says why the frame was refused" })
      .toMatch(/frame-ancestors 'none'/);
    expect(page.frames().map((frame) => frame.url())).not.toContain(dashboard);
    const frame = page.frameLocator("iframe");
    // Chromium's own error page stands in the frame instead.
    await expect(frame.locator("body.neterror")).toHaveCount(1);
    await expect(frame.getByText(seeded.programme.name)).toHaveCount(0);
    await expect(frame.getByRole("form", { name: "Award points" })).toHaveCount(0);

    // The check above can fail: with the two headers taken off, the same frame shows the dashboard.
    await page.route(dashboard, async (route) => {
      const response = await route.fetch();
      const headers = response.headers();
      delete headers["content-security-policy"];
      delete headers["x-frame-options"];
      await route.fulfill({ response, headers });
    });
    await page.goto(`${other}/frame-again`);
    await expect(frame.getByRole("heading", { level: 1, name: seeded.programme.name })).toBeVisible();
  } finally {
    elsewhere.close();
  }
});
