// Single sign-on (issue 12) against the real OpenID Connect providers the test run starts
// (src/test-support/oidc-server.ts, over https with their own certificate): the admin records the
// school's organisations; a coordinator signs in through the generic provider, Google and Microsoft;
// another organisation, an unverified email and an unknown email are refused with their message.
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";
import { seedSchool } from "./support/seed";

// The providers' own pages use the test run's certificate, which the browser does not know. The app is
// browsed as "localhost": Next spells loopback addresses that way in a route handler's URL, so the
// callback address Auth.js checks is the one it sent only under that name (scripts/test.ts).
const BASE = (process.env.BASE_URL ?? "http://127.0.0.1:3000").replace("//127.0.0.1:", "//localhost:");
test.use({ ignoreHTTPSErrors: true, baseURL: BASE });

const TENANT = process.env.OIDC_ENTRA_TENANT ?? "";

/** From the sign-in page, through the provider's login page, with a login string carrying the claims. */
async function viaProvider(page: Page, button: string, login: string) {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: button }).click();
  const field = page.getByLabel("Login");
  await expect(field).toBeVisible();
  await field.fill(login);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("a coordinator signs in through the school's identity providers; others are refused with a reason", async ({ page, browser, db }) => {
  expect(TENANT, "the test run's Entra-like provider's tenant").toMatch(/^[0-9a-f-]{36}$/);
  const s = await seedSchool(db, { label: "Single sign-on", history: false });
  const domain = s.accounts.coordinator.email.split("@")[1]!;

  // The admin records the school's Google domain, Entra tenant and generic provider's email domain.
  await signInAs(page, s.accounts.admin);
  await page.goto("/admin/sign-in");
  await expect(page.getByRole("heading", { level: 1, name: "Sign-in settings" })).toBeVisible();
  await expectNoAxeViolations(page, "/admin/sign-in");
  await page.getByLabel("Google Workspace domains").fill(`${domain}\nnot a domain`);
  await page.getByLabel("Microsoft Entra tenant IDs").fill(TENANT);
  await page.getByLabel("Email domains for Test school account").fill(domain);
  await page.getByRole("button", { name: "Save sign-in settings" }).click();
  await expect(page.getByText("“not” is not a domain like greenfield.sch.uk. Check it and try again.")).toBeVisible();
  await expect(page.getByLabel("Google Workspace domains")).toHaveValue(`${domain}\nnot a domain`);
  await expect(page.getByLabel("Google Workspace domains")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, "/admin/sign-in with a field error");
  await page.getByLabel("Google Workspace domains").fill(domain);
  await page.getByRole("button", { name: "Save sign-in settings" }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
  expect(
    (
      await db.ssoBinding.findMany({
        where: { schoolId: s.school.id },
        select: { provider: true, value: true },
        orderBy: { provider: "asc" },
      })
    ).map((b) => `${b.provider} ${b.value}`),
  ).toEqual([`GOOGLE ${domain}`, `MICROSOFT ${TENANT}`, `OIDC ${domain}`]);

  // The coordinator, in a browser of their own: the generic provider, then Google, then Microsoft.
  const coordinator = s.accounts.coordinator.email;
  for (const [button, login] of [
    ["Sign in with Test school account", coordinator],
    ["Sign in with Google", `${coordinator};hd=${domain}`],
    ["Sign in with Microsoft", coordinator],
  ] as const) {
    const context = await browser.newContext({ ignoreHTTPSErrors: true, baseURL: BASE });
    const theirs = await context.newPage();
    await theirs.goto("/sign-in");
    await expectNoAxeViolations(theirs, "/sign-in with single sign-on");
    await viaProvider(theirs, button, login);
    await theirs.waitForURL((url) => url.pathname === "/coordinator");
    await expect(theirs.locator("h1").first()).toBeVisible();
    await context.close();
  }
  expect(await db.securityEvent.count({ where: { kind: "auth.sso_signed_in", email: coordinator } })).toBe(3);

  // Refusals, each back on the sign-in page with its reason; nobody is signed in or made.
  const refused = async (button: string, login: string, message: string) => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true, baseURL: BASE });
    const theirs = await context.newPage();
    await viaProvider(theirs, button, login);
    await theirs.waitForURL((url) => url.pathname === "/sign-in" && url.searchParams.has("sso"));
    await expect(theirs.getByRole("alert").filter({ hasText: message })).toBeVisible();
    await expectNoAxeViolations(theirs, `/sign-in refusing ${login}`);
    await theirs.goto("/coordinator");
    await theirs.waitForURL((url) => url.pathname === "/sign-in");
    await context.close();
  };
  const otherDomain = `someone@elsewhere-${Date.now()}.example`;
  await refused(
    "Sign in with Test school account",
    otherDomain,
    "That account is not from an organisation your school uses for signing in.",
  );
  await refused(
    "Sign in with Google",
    `${coordinator};hd=elsewhere.example`,
    "That account is not from an organisation your school uses for signing in.",
  );
  await refused(
    "Sign in with Microsoft",
    `${coordinator};tid=99999999-8888-7777-6666-555555555555`,
    "That account is not from an organisation your school uses for signing in.",
  );
  await refused("Sign in with Test school account", `${coordinator};verified=false`, "Your account's email address has not been verified");
  const unknown = `nobody-${Date.now()}@${domain}`;
  await refused("Sign in with Test school account", unknown, "There is no PeerPath account for that email address at your school.");
  expect(await db.user.count({ where: { email: unknown } })).toBe(0);
  expect(await db.securityEvent.count({ where: { kind: "auth.sso_refused", email: { in: [coordinator, unknown, otherDomain] } } })).toBe(5);
});
