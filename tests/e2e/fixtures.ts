// Shared helpers for the browser specs. The pages are driven through the real UI; the data a spec
// needs is written straight into the test database (support/seed.ts). There is no test-only route,
// and none may be added.
import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { createPrismaClient } from "@/server/prisma-client";
import type { Account, Db } from "./support/seed";

export { expect };

declare global {
  interface Window {
    reportCspViolation?: (text: string) => Promise<void>;
  }
}

/**
 * Adds every Content-Security-Policy violation in the context's pages and frames to `violations`.
 * The binding and the init script are the browser's own (DevTools protocol), so the policy under
 * test does not apply to them.
 */
async function recordCspViolations(context: BrowserContext, violations: string[]) {
  await context.exposeBinding("reportCspViolation", ({ frame }, text: string) => {
    violations.push(`${frame.url()}: ${text}`);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const where = event.sourceFile ? ` (${event.sourceFile}:${event.lineNumber})` : "";
      void window.reportCspViolation?.(`${event.effectiveDirective} blocked ${event.blockedURI || "inline code"}${where}`);
    });
  });
}

/**
 * `test` with a worker-scoped `db`: a Prisma client on the database the app under test uses, for
 * seeding. `npm test` passes DATABASE_URL; closed when the worker ends. Every test also fails on
 * any Content-Security-Policy violation in any page or frame it opened (ADR 011), in its own
 * browser context and in any it opens with `browser.newContext()`; `cspViolations` is the list so far.
 */
export const test = base.extend<{ cspViolations: string[] }, { db: Db }>({
  cspViolations: [
    async ({ browser, context }, use) => {
      const violations: string[] = [];
      await recordCspViolations(context, violations);
      // A second user's browser, opened by the test itself, is watched too (tests in a worker run
      // one at a time, so the wrapper is this test's alone).
      const newContext = browser.newContext;
      browser.newContext = async (options) => {
        const opened = await newContext.call(browser, options);
        await recordCspViolations(opened, violations);
        return opened;
      };
      await use(violations);
      browser.newContext = newContext;
      expect(violations, "Content-Security-Policy violations (ADR 011)").toEqual([]);
    },
    { auto: true },
  ],
  db: [
    async ({}, use) => {
      const url = process.env.DATABASE_URL;
      if (!url)
        throw new Error(
          "DATABASE_URL is not set: the browser specs seed their own data. Run them with `npm run test:e2e`, or set DATABASE_URL to the database of the app at BASE_URL.",
        );
      const db = createPrismaClient(url, { max: 2 });
      await use(db);
      await db.$disconnect();
    },
    { scope: "worker" },
  ],
});

/** What a coordinator reads after creating a pairing: the trial's end in the staff date style, "13 Dec 2026". */
export const PAIRING_CREATED_AS_TRIAL = /^Pairing created as a trial until \d{1,2} [A-Z][a-z]{2} \d{4}\.$/;

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * Runs axe on the page as it is now, with the WCAG 2.0/2.1/2.2 A and AA rules and no rule turned
 * off. A soft assertion: the journey goes on, so one run reports every page with a problem.
 */
export async function expectNoAxeViolations(page: Page, label?: string) {
  // Every page has an h1; until it shows, the page may still be streaming in or redirecting.
  await page.waitForLoadState("load");
  await expect(page.locator("h1").first()).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const where = label ?? new URL(page.url()).pathname;
  const summary = results.violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `      ${n.target.join(" ")}\n        ${(n.failureSummary ?? "").replace(/\n/g, "\n        ")}`)
        .join("\n");
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} element${v.nodes.length === 1 ? "" : "s"})\n${nodes}`;
    })
    .join("\n");
  expect.soft(results.violations, `axe found accessibility problems on ${where}:\n${summary}`).toEqual([]);
}

/** The sign-in form's parts. */
export function signInForm(page: Page) {
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: /^(Sign in|Signing in…)$/ }) });
  return {
    form,
    email: form.getByLabel("Email address"),
    password: form.getByLabel("Password", { exact: true }),
    submit: form.getByRole("button", { name: /^(Sign in|Signing in…)$/ }),
    message: form.getByRole("alert"),
  };
}

/** Fills and sends the sign-in form once, and waits for the server's answer. */
export async function submitSignIn(page: Page, email: string, password: string) {
  const { email: emailField, password: passwordField, submit } = signInForm(page);
  // The previous answer must have been applied first (React resets the form when it lands).
  await expect(submit).toHaveText("Sign in");
  await expect(submit).toBeEnabled();
  await emailField.fill(email);
  await passwordField.fill(password);
  await expect(emailField).toHaveValue(email);
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/sign-in");
  await submit.click();
  await answered;
  await expect(submit).toHaveText("Sign in");
}

/**
 * Signs in through the real sign-in form and waits for the account's home page. The sign-in page
 * itself is checked with axe by the access matrix and the throttling spec, not on every sign-in.
 */
export async function signInAs(page: Page, account: Account) {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  const { email, password, submit, message } = signInForm(page);
  await email.fill(account.email);
  await password.fill(account.password);
  await expect(email).toHaveValue(account.email);
  await submit.click();
  // Either the home page, or the form's answer saying why not.
  const toHome = page.waitForURL((url) => url.pathname === account.home, { timeout: 20_000 }).then(() => "home" as const);
  const toMessage = message.waitFor({ state: "visible", timeout: 20_000 }).then(() => "message" as const);
  toHome.catch(() => {});
  toMessage.catch(() => {});
  if ((await Promise.race([toHome, toMessage])) === "message") {
    throw new Error(`Signing in as ${account.email} did not work; the form says: "${await message.textContent()}"`);
  }
  await expect(page.locator("h1").first()).toBeVisible();
}

/** Reads a table's body rows as arrays of cell texts (visible text plus screen-reader text). */
export async function tableRows(table: Locator): Promise<string[][]> {
  return table
    .locator("tbody tr")
    .evaluateAll((rows) =>
      rows.map((row) => Array.from(row.querySelectorAll("td, th")).map((cell) => (cell.textContent ?? "").replace(/\s+/g, " ").trim())),
    );
}

/** True when the page scrolls sideways (UI.md: no sideways scrolling on phones). */
export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

/** `text` with RegExp's special characters escaped, to match it literally. */
export function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
