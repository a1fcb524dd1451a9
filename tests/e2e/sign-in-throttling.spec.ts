// Sign-in throttling (ADR 005): after five failures for an email address, signing in to it is paused
// for 15 minutes; failures from one network address slow that address down but never refuse other
// accounts, so one pupil cannot lock out a school that shares an address. The test server trusts one
// proxy (TRUSTED_PROXIES=1: the browser plays it), so each test comes from an address of its own.
import { randomInt } from "node:crypto";
import { expect, expectNoAxeViolations, signInAs, signInForm, submitSignIn, test } from "./fixtures";
import { seedSchool } from "./support/seed";

const WRONG = /^The email or password is wrong\. Please try again\.$/;
const PAUSED = /^There have been too many wrong passwords for this email address, so signing in to it is paused for 15 minutes\./;

/** An address from 198.18.0.0/15 (set aside for testing), new for each test. */
const uniqueAddress = () => `198.${18 + randomInt(2)}.${randomInt(256)}.${randomInt(1, 255)}`;

test("five failed sign-ins pause that email address for 15 minutes, and nobody else at that address", async ({ browser, db }) => {
  const seeded = await seedSchool(db, { label: "Throttling", history: false });
  const existing = seeded.accounts.dsl;
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": uniqueAddress() } });
  const page = await context.newPage();

  const unknown = `nobody-${Date.now()}-${randomInt(1e6)}@e2e.example`;
  const form = signInForm(page);
  await page.goto("/sign-in");
  await expectNoAxeViolations(page);

  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await submitSignIn(page, unknown, `not-the-password-${attempt}`);
    await expect(form.message, `failure ${attempt} says the email or password is wrong`).toHaveText(WRONG);
    await expect(page).toHaveURL(/\/sign-in$/);
    if (attempt === 1) {
      await expectNoAxeViolations(page, "/sign-in after a wrong password");
      await expect(form.password).toHaveValue("");
      // UI.md: forms keep what was typed. Soft, so the throttling below is still checked.
      await expect.soft(form.email, "the form keeps the email address after a wrong password").toHaveValue(unknown, { timeout: 3_000 });
    }
  }

  await submitSignIn(page, unknown, "not-the-password-6");
  await expect(form.message, "the sixth attempt is paused").toHaveText(PAUSED);
  await expect(page).toHaveURL(/\/sign-in$/);
  await expectNoAxeViolations(page, "/sign-in when sign-in is paused");

  // Another account at the same address (a pupil's classmate behind the school's one address) is
  // not refused: it signs in with its right password.
  await signInAs(page, existing);
  await context.close();

  // The pause belongs to the email address, wherever the attempts come from.
  const elsewhere = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": uniqueAddress() } });
  const elsewherePage = await elsewhere.newPage();
  await elsewherePage.goto("/sign-in");
  await submitSignIn(elsewherePage, unknown, "not-the-password-7");
  await expect(signInForm(elsewherePage).message, "the email address stays paused from another address").toHaveText(PAUSED);
  await elsewhere.close();
});
