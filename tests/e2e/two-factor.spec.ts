// Two-factor for staff (issue 12): the admin switches it on; a coordinator sets it up at their next
// password sign-in (QR code and the key as text), signs in with a code, then with a recovery code,
// which then stops working; the admin resets it through the confirm dialog (Cancel first). axe on each page.
import type { Page } from "@playwright/test";
import { generate } from "otplib";
import { expect, expectNoAxeViolations, signInAs, signInForm, test } from "./fixtures";
import { seedSchool } from "./support/seed";

/** A code from the key the page shows, for the time step `stepsAhead` steps from now (each works once). */
async function codeFor(key: string, stepsAhead = 0): Promise<string> {
  return generate({ secret: key.replace(/\s/g, ""), epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });
}

async function passwordStep(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  const form = signInForm(page);
  await form.email.fill(email);
  await form.password.fill(password);
  await form.submit.click();
  await page.waitForURL((url) => url.pathname === "/sign-in/two-factor");
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).first().click();
  await page.waitForURL((url) => url.pathname === "/sign-in");
}

test("the admin switches two-factor on; a coordinator sets it up, signs in with a code and with a recovery code once", async ({
  page,
  browser,
  db,
}) => {
  const s = await seedSchool(db, { label: "Two-factor", history: false });
  const { coordinator } = s.accounts;

  await signInAs(page, s.accounts.admin);
  await page.goto("/admin/sign-in");
  await page.getByLabel(/Ask admins, coordinators, safeguarding leads and the headteacher/).check();
  await page.getByRole("button", { name: "Save sign-in settings" }).click();
  await expect(page.getByText(/^Saved\. Admins, coordinators, safeguarding leads and the headteacher set up two-factor/)).toBeVisible();
  expect((await db.school.findUniqueOrThrow({ where: { id: s.school.id } })).requireTwoFactor).toBe(true);

  // The coordinator's next password sign-in asks them to set it up; nothing else opens meanwhile.
  const context = await browser.newContext();
  const theirs = await context.newPage();
  await passwordStep(theirs, coordinator.email, coordinator.password);
  await expect(theirs.getByRole("heading", { level: 1, name: "Set up two-factor sign-in" })).toBeVisible();
  await expect(theirs.getByRole("img", { name: /QR code to add PeerPath/ })).toBeVisible();
  await expectNoAxeViolations(theirs, "/sign-in/two-factor setting up");
  const key = (await theirs.locator("#totp-key").textContent()) ?? "";
  expect(key.replace(/\s/g, "")).toMatch(/^[A-Z2-7]{16,}$/);
  await theirs.goto("/coordinator");
  await theirs.waitForURL((url) => url.pathname === "/sign-in/two-factor");

  // A wrong code is said next to the field; the right one shows ten recovery codes, once.
  await theirs.getByLabel("The 6-digit code your app shows").fill("000000");
  await theirs.getByRole("button", { name: "Turn on two-factor" }).click();
  await expect(theirs.getByText(/^That code did not work/).first()).toBeVisible();
  await expect(theirs.getByLabel("The 6-digit code your app shows")).toHaveAttribute("aria-invalid", "true");
  await theirs.getByLabel("The 6-digit code your app shows").fill(await codeFor(key));
  await theirs.getByRole("button", { name: "Turn on two-factor" }).click();
  const codes = theirs.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  await expectNoAxeViolations(theirs, "the recovery codes");
  const recovery = (await codes.nth(2).textContent())!.trim();
  expect(recovery).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  await theirs.getByRole("link", { name: "I have saved them: continue" }).click();
  await theirs.waitForURL((url) => url.pathname === "/coordinator");
  await signOut(theirs);

  // Next time: a code from the app (a later one: each works once).
  await passwordStep(theirs, coordinator.email, coordinator.password);
  await expect(theirs.getByRole("heading", { level: 1, name: "Enter your code" })).toBeVisible();
  await expectNoAxeViolations(theirs, "/sign-in/two-factor asking for a code");
  await theirs.getByLabel("Code from your authenticator app").fill(await codeFor(key, 1));
  await theirs.getByRole("button", { name: "Sign in", exact: true }).click();
  await theirs.waitForURL((url) => url.pathname === "/coordinator");
  await signOut(theirs);

  // Then a recovery code, which works once.
  await passwordStep(theirs, coordinator.email, coordinator.password);
  await theirs.getByLabel("Code from your authenticator app").fill(recovery.toLowerCase());
  await theirs.getByRole("button", { name: "Sign in", exact: true }).click();
  await theirs.waitForURL((url) => url.pathname === "/coordinator");
  await signOut(theirs);
  await passwordStep(theirs, coordinator.email, coordinator.password);
  await theirs.getByLabel("Code from your authenticator app").fill(recovery);
  await theirs.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(theirs.getByText(/^That code did not work/).first()).toBeVisible();
  await expect(theirs).toHaveURL(/\/sign-in\/two-factor$/);
  await expectNoAxeViolations(theirs, "/sign-in/two-factor refusing a used recovery code");

  // The admin resets it (a lost phone): Cancel first, then the dialog's button; they are signed out.
  await page.goto(`/admin/staff/${s.staff.coordinator}`);
  await expect(page.getByText(/^They set up two-factor on /)).toBeVisible();
  await page.getByRole("button", { name: "Reset two-factor…" }).click();
  const dialog = page.getByRole("dialog", { name: "Reset Priya Shah's two-factor?" });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page, "the reset two-factor dialog");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect((await db.user.findUniqueOrThrow({ where: { id: s.staff.coordinator } })).totpConfirmedAt).not.toBeNull();
  await page.getByRole("button", { name: "Reset two-factor…" }).click();
  await dialog.getByRole("button", { name: "Reset two-factor", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Priya Shah's two-factor is reset and they are signed out.", { exact: false })).toBeVisible();
  await expect(page.getByText("They have not set up two-factor.")).toBeVisible();
  expect(await db.recoveryCode.count({ where: { userId: s.staff.coordinator } })).toBe(0);

  // Their next sign-in sets it up again.
  await passwordStep(theirs, coordinator.email, coordinator.password);
  await expect(theirs.getByRole("heading", { level: 1, name: "Set up two-factor sign-in" })).toBeVisible();
  await context.close();
});
