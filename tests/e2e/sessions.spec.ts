// Signing out ends this device's session on the server (ADR 005): a copy of the cookie taken before
// sign-out no longer works, other devices stay signed in, and "Sign out everywhere" ends them all.
import type { Browser, BrowserContext } from "@playwright/test";
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";
import { seedSchool, type Account } from "./support/seed";

async function signedInDevice(browser: Browser, account: Account) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, account);
  return { context, page };
}

/** A new browser holding exactly the cookies `from` had when this was called (a stolen or saved cookie). */
async function copyOfCookies(browser: Browser, from: BrowserContext) {
  const copy = await browser.newContext({ storageState: await from.storageState() });
  return { context: copy, page: await copy.newPage() };
}

test("signing out ends this device's session, even for a saved copy of its cookie, and no other device's", async ({ browser, db }) => {
  const seeded = await seedSchool(db, { label: "Sign out", history: false });
  const coordinator = seeded.accounts.coordinator;
  const laptop = await signedInDevice(browser, coordinator);
  const phone = await signedInDevice(browser, coordinator);
  const saved = await copyOfCookies(browser, laptop.context);

  // The saved copy works while the laptop is signed in.
  await saved.page.goto("/coordinator");
  await expect(saved.page).toHaveURL(/\/coordinator$/);

  await laptop.page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(laptop.page).toHaveURL(/\/sign-in\?signedOut=1$/);
  await expect(laptop.page.getByText("You have signed out.")).toBeVisible();

  // The copy still shows the dashboard it loaded before: its forms now do nothing. Awarding points…
  const pointsBefore = await db.pointEntry.count({ where: { schoolId: seeded.school.id } });
  const form = saved.page.getByRole("form", { name: "Award points" });
  await form
    .getByRole("group", { name: "Pupils", exact: true })
    .getByRole("checkbox", { name: new RegExp(`^${seeded.pupils.aisha.name} Year \\d+`) })
    .check();
  await form.getByLabel("Reason").fill("Sent from a signed-out copy of the cookie");
  await form.getByRole("button", { name: "Award points" }).click();
  await expect(form.getByRole("alert")).toHaveText("Please sign in again.");
  expect(await db.pointEntry.count({ where: { schoolId: seeded.school.id } })).toBe(pointsBefore);
  // …and "Sign out everywhere" from it cannot sign the phone out (checked below).
  await saved.page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(saved.page).toHaveURL(/\/sign-in/);

  // The copy of the cookie taken before signing out no longer opens the dashboard…
  await saved.page.goto("/coordinator");
  await expect(saved.page).toHaveURL(/\/sign-in/);
  await expect(saved.page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  // …nor any other signed-in page.
  await saved.page.goto("/coordinator/matching");
  await expect(saved.page).toHaveURL(/\/sign-in/);

  // The phone was not signed out.
  await phone.page.goto("/coordinator");
  await expect(phone.page).toHaveURL(/\/coordinator$/);
  await expect(phone.page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();

  for (const device of [laptop, phone, saved]) await device.context.close();
});

test("“Sign out everywhere” ends every device's session", async ({ browser, db }) => {
  const { accounts } = await seedSchool(db, { label: "Everywhere", history: false });
  const mentor = accounts.mentor;
  const tablet = await signedInDevice(browser, mentor);
  const phone = await signedInDevice(browser, mentor);
  const phoneCopy = await copyOfCookies(browser, phone.context);

  await expectNoAxeViolations(tablet.page);
  await tablet.page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(tablet.page).toHaveURL(/\/sign-in\?signedOutEverywhere=1$/);
  await expect(tablet.page.getByText("You have signed out on every device.")).toBeVisible();
  await expectNoAxeViolations(tablet.page, "/sign-in after signing out everywhere");

  for (const device of [phone, phoneCopy]) {
    await device.page.goto(mentor.home);
    await expect(device.page).toHaveURL(/\/sign-in/);
  }
  // Signing in again works as usual.
  await signInAs(phone.page, mentor);
  for (const device of [tablet, phone, phoneCopy]) await device.context.close();
});
