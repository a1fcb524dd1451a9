// Shared helpers for the browser journeys. Everything goes through the real UI: there is no
// test-only route, and none may be added.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

/** The demo password every seeded account starts with (src/features/demo/seed-demo.ts). */
export const DEMO_PASSWORD = "peerpath-demo";

/** The seeded accounts, and the home page each one should land on after signing in. */
export const accounts = {
  admin: { email: "admin@northfield.example", home: "/admin" },
  coordinator: { email: "coordinator@northfield.example", home: "/coordinator" },
  teacher: { email: "teacher@northfield.example", home: "/staff" },
  dsl: { email: "dsl@northfield.example", home: "/staff" },
  mentor: { email: "mentor@northfield.example", home: "/mentor" },
  mentee: { email: "mentee@northfield.example", home: "/student" },
  otherSchoolCoordinator: { email: "coordinator@southbank.example", home: "/coordinator" },
} as const;

export type Who = keyof typeof accounts;

/** Shared between the coordinator journey (which awards it) and the mentee journey (which reads it). */
export const AWARD_REASON = "Showed the new Year 7s round on welcome morning";

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
 * Signs in through the real sign-in form and waits for the account's home page. Checks the
 * sign-in page with axe on the way unless told not to (the access matrix signs in many times).
 */
/** Pupils the matching journey signs in as; kept out of `accounts`, which the access matrix walks. */
export const matchingAccounts = {
  waitingMentee: { email: "mentee2@northfield.example", home: "/student", name: "Nia C.", firstName: "Nia" },
  freeMentor: { email: "mentor2@northfield.example", home: "/mentor", name: "Kofi M.", firstName: "Kofi" },
} as const;

export async function signInAs(page: Page, who: Who | { email: string; home: string }, options: { axe?: boolean } = {}) {
  const account = typeof who === "string" ? accounts[who] : who;
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  if (options.axe !== false) await expectNoAxeViolations(page, "/sign-in");
  const { email, password, submit, message } = signInForm(page);
  await email.fill(account.email);
  await password.fill(DEMO_PASSWORD);
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
