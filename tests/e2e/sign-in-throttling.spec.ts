// Sign-in throttling: after five failures, sign-in is paused for 15 minutes, per account and per
// address (ADR 005). The server takes the address from the last X-Forwarded-For entry, so this
// spec's browser comes from an address of its own, and its failures pause nobody else's sign-in.
import { randomInt } from "node:crypto";
import { expect, expectNoAxeViolations, signInAs, signInForm, submitSignIn, test } from "./fixtures";
import { seedSchool } from "./support/seed";

const WRONG = /^The email or password is wrong\. Please try again\.$/;
const PAUSED = /sign-in is paused for 15 minutes/;

/** An address from 198.18.0.0/15 (set aside for testing), new for each test. */
const uniqueAddress = () => `198.${18 + randomInt(2)}.${randomInt(256)}.${randomInt(1, 255)}`;

test("five failed sign-ins pause sign-in for 15 minutes, for unknown and existing accounts alike", async ({ browser, db }) => {
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

  // An existing account from the same address is paused too, even with its right password, and
  // gets the same answer as the unknown email (so the answer does not tell which accounts exist).
  await submitSignIn(page, existing.email, existing.password);
  await expect(form.message, "an existing account is paused as well").toHaveText(PAUSED);
  await expect(page).toHaveURL(/\/sign-in$/);
  await context.close();

  // The pause belongs to that address: the same account signs in from another one.
  const elsewhere = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": uniqueAddress() } });
  await signInAs(await elsewhere.newPage(), existing);
  await elsewhere.close();
});
