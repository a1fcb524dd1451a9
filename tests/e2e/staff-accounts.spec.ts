// An admin adds a member of staff, who sets a password with the link shown once (in a browser of their
// own) and signs in; the admin then disables the account through the confirm dialog (Cancel first),
// and the coordinator's next page load goes to sign-in. axe on every page on the way.
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";
import { seedSchool } from "./support/seed";

const PASSWORD = "a calm new passphrase for school";

test("an admin adds a coordinator, who sets a password with the link and signs in; disabling signs them out", async ({
  page,
  browser,
  db,
}) => {
  const s = await seedSchool(db, { label: "Staff accounts", history: false });
  const email = `nia-${Date.now()}@e2e.example`;

  await signInAs(page, s.accounts.admin);
  await page.goto("/admin/staff");
  await expect(page.getByRole("heading", { level: 1, name: "Staff" })).toBeVisible();
  await expectNoAxeViolations(page, "/admin/staff");

  // A missing role is said next to the roles; what was typed stays.
  await page.getByLabel("Full name").fill("Nia Newcoordinator");
  await page.getByLabel("School email address").fill(email);
  await page.getByRole("button", { name: "Add member of staff" }).click();
  await expect(page.getByText("Choose at least one role.")).toBeVisible();
  await expect(page.getByLabel("Full name")).toHaveValue("Nia Newcoordinator");

  await page.getByLabel("Coordinator", { exact: true }).check();
  await page.getByRole("button", { name: "Add member of staff" }).click();
  const linkField = page.getByLabel("Set-password link");
  await expect(linkField).toBeVisible();
  await expect(page.getByText(/Nia Newcoordinator is added\. Copy this link/)).toBeVisible();
  const link = await linkField.inputValue();
  expect(link).toMatch(/\/set-password\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]{43}$/);
  await expectNoAxeViolations(page, "/admin/staff with a new link");
  await expect(page.getByRole("link", { name: "Nia Newcoordinator" })).toBeVisible();

  // Their own browser: the link's page, the password, sign-in.
  const theirs = await browser.newContext();
  const them = await theirs.newPage();
  const opened = await them.goto(link);
  expect(opened?.headers()["cache-control"]).toContain("no-store");
  expect(opened?.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(them.getByRole("heading", { level: 1, name: "Set your password" })).toBeVisible();
  await expectNoAxeViolations(them, "the set-password page");
  // A common password is refused, saying why next to the field; the link still works afterwards.
  await them.getByLabel("New password", { exact: true }).fill("Password2024!");
  await them.getByLabel("New password again").fill("Password2024!");
  await them.getByRole("button", { name: "Set my password" }).click();
  await expect(them.getByText(/This password is too common/)).toBeVisible();
  await expect(them.getByLabel("New password", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(them, "the set-password page refusing a common password");
  await them.getByLabel("New password", { exact: true }).fill(PASSWORD);
  await them.getByLabel("New password again").fill(PASSWORD);
  await them.getByRole("button", { name: "Set my password" }).click();
  await them.waitForURL((url) => url.pathname === "/sign-in" && url.searchParams.get("passwordSet") === "1");
  await expect(them.getByText("Your password is set. Sign in with it.")).toBeVisible();
  await expectNoAxeViolations(them, "sign-in after setting a password");
  await signInAs(them, { email, password: PASSWORD, home: "/coordinator" });

  // The link worked once: opened again, it is the calm "no longer works" page.
  const again = await theirs.newPage();
  await again.goto(link);
  await expect(again.getByRole("heading", { level: 1, name: "This link no longer works" })).toBeVisible();
  await expect(again.getByText("This link has expired or been used. Ask your school's PeerPath admin for a new one.")).toBeVisible();
  await expectNoAxeViolations(again, "a used set-password link");
  await again.close();

  // The admin disables them: Cancel first changes nothing, then the dialog's button does it.
  await page.getByRole("link", { name: "Nia Newcoordinator" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nia Newcoordinator" })).toBeVisible();
  await expectNoAxeViolations(page, "/admin/staff/[userId]");
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const membership = () => db.membership.findFirstOrThrow({ where: { schoolId: s.school.id, userId: user.id } });

  await page.getByRole("button", { name: "Disable account…" }).click();
  const dialog = page.getByRole("dialog", { name: "Disable Nia Newcoordinator's account?" });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page, "the disable dialog");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect((await membership()).disabledAt).toBeNull();

  await page.getByRole("button", { name: "Disable account…" }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Disable account", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "Enable their account" })).toBeVisible();
  await expect(page.getByText("Nia Newcoordinator's account is disabled and they are signed out everywhere.")).toBeVisible();
  expect((await membership()).disabledAt).not.toBeNull();
  await expectNoAxeViolations(page, "/admin/staff/[userId] disabled");

  // Their next page load goes to sign-in.
  await them.goto("/coordinator");
  await them.waitForURL((url) => url.pathname === "/sign-in");
  await expect(them.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await theirs.close();
});
