// Pupil accounts (issue 11): the coordinator makes accounts for three pupils from their MIS school
// emails, downloads the tutor group's codes sheet and reads a code from it; the pupil, in a browser of
// her own, sets her password at /set-up with that code and signs in to her page. A password reset goes
// through the confirm dialog (cancel first): the old password stops working. Another school's tutor
// group is "not found". axe on every page and state.
import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { escapeRegExp, expect, expectNoAxeViolations, signInAs, signInForm, submitSignIn, test } from "./fixtures";
import { SEEDED_PASSWORD, seedSchool } from "./support/seed";
import { createStudent } from "@/server/factories";
import { readPdf } from "@/test-support/pdf-text";

const NEW_PASSWORD = "my bike is bright green";

test("the coordinator makes accounts and prints codes; a pupil sets her password with hers and signs in", async ({ page, db, browser }) => {
  const s = await seedSchool(db, { label: "Pupil accounts", history: false });
  const other = await seedSchool(db, { label: "Pupil accounts other", history: false });
  const tag = randomBytes(3).toString("hex");
  const pupil = async (schoolId: string, firstName: string, tutorGroup: string) => {
    const student = await createStudent(db, { schoolId, firstName, lastName: `Tester${tag}`, yearGroup: 7, tutorGroup, today: s.today });
    const schoolEmail = `${firstName.toLowerCase()}-${tag}@pupils.e2e.example`;
    await db.student.update({ where: { schoolId_id: { schoolId, id: student.id } }, data: { schoolEmail } });
    return { id: student.id, name: `${firstName} Tester${tag}`, email: schoolEmail };
  };
  const ada = await pupil(s.school.id, "Ada", "7P");
  const bilal = await pupil(s.school.id, "Bilal", "7P");
  const chloe = await pupil(s.school.id, "Chloe", "7P");
  await pupil(other.school.id, "Olu", "9Q");

  await signInAs(page, s.accounts.coordinator);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Pupil accounts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pupil accounts" })).toBeVisible();
  await expectNoAxeViolations(page, "pupil accounts");

  await page.getByRole("link", { name: "7P", exact: true }).click();
  const group = page.locator("section").filter({ has: page.getByRole("heading", { name: "Tutor group 7P" }) });
  await expect(group.getByRole("heading", { name: "Tutor group 7P" })).toBeVisible();
  for (const p of [ada, bilal, chloe]) await group.getByRole("checkbox", { name: `Choose ${p.name}` }).check();
  await group.getByRole("button", { name: "Make accounts for the chosen pupils" }).click();
  await expect(group.getByRole("status").filter({ hasText: /^3 accounts made, each with a set-up code to use before/ })).toBeVisible();
  await expect(group.getByRole("row").filter({ hasText: ada.name })).toContainText("Code waiting: use before");
  await expectNoAxeViolations(page, "pupil accounts with accounts made");

  // The sheet: a PDF with Ada's card and her code.
  const downloaded = page.waitForEvent("download");
  await page.getByRole("link", { name: "Print codes for 7P (PDF)" }).click();
  const file = await downloaded;
  expect(file.suggestedFilename()).toBe("set-up-codes-7P.pdf");
  const pdf = await readPdf(new Uint8Array(fs.readFileSync((await file.path())!)));
  expect(pdf.title).toBe("Set-up codes: 7P");
  const card = new RegExp(
    `${escapeRegExp(ada.name)} Sign in with your school email: ${escapeRegExp(ada.email)} Your set-up code: ([0-9A-Z]{5}-[0-9A-Z]{5})`,
  );
  const code = pdf.text.match(card)?.[1];
  expect(code, `Ada's card in: ${pdf.text}`).toBeTruthy();
  for (const p of [bilal, chloe]) expect(pdf.text).toContain(p.name);
  expect(pdf.text).toContain("/set-up");
  expect(await db.auditLog.count({ where: { schoolId: s.school.id, action: "pupil_accounts.codes_printed" } })).toBe(1);

  // Another school's tutor group: not found, on the page and as a sheet.
  const otherGroup = await page.goto("/staff/pupil-accounts?tutorGroup=9Q");
  expect(otherGroup?.status()).toBe(404);
  const otherSheet = await page.request.get("/staff/pupil-accounts/codes.pdf?tutorGroup=9Q");
  expect(otherSheet.status()).toBe(404);

  // Ada, on her own phone: a wrong code first, then hers.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const pupilPage = await phone.newPage();
  await pupilPage.goto("/sign-in");
  await pupilPage.getByRole("link", { name: "Set up your account" }).click();
  await expect(pupilPage.getByRole("heading", { level: 1, name: "Set up your account" })).toBeVisible();
  await expectNoAxeViolations(pupilPage, "/set-up");
  const form = pupilPage.getByRole("form", { name: "Set up your account" });
  await form.getByLabel("Your school email").fill(ada.email);
  await form.getByLabel("Your set-up code").fill("ABCDE-FGHJK");
  await form.getByLabel("Choose a password").fill(NEW_PASSWORD);
  await form.getByLabel("Type the password again").fill(NEW_PASSWORD);
  await form.getByRole("button", { name: "Set my password" }).click();
  await expect(form.getByRole("alert")).toHaveText("That code did not work. Check it, or ask your form tutor for a new one.");
  await expect(form.getByLabel("Your school email")).toHaveValue(ada.email);
  await expectNoAxeViolations(pupilPage, "/set-up with a wrong code");
  await form.getByLabel("Your set-up code").fill(code!.toLowerCase());
  await form.getByLabel("Choose a password").fill(NEW_PASSWORD);
  await form.getByLabel("Type the password again").fill(NEW_PASSWORD);
  await form.getByRole("button", { name: "Set my password" }).click();
  await pupilPage.waitForURL((url) => url.pathname === "/sign-in" && url.searchParams.get("passwordSet") === "1");
  await expect(pupilPage.getByText("Your password is set. Sign in with it.")).toBeVisible();
  await expectNoAxeViolations(pupilPage, "sign-in after setting a password");
  await signInAs(pupilPage, { email: ada.email, password: NEW_PASSWORD, home: "/student" });
  await phone.close();

  // Back on the coordinator's page: Ada's password is set; reset Maya's (cancel first, then confirm).
  await page.goto("/staff/pupil-accounts?tutorGroup=7P");
  await expect(page.getByRole("row").filter({ hasText: ada.name })).toContainText("Password set.");
  await page.goto("/staff/pupil-accounts?tutorGroup=8A");
  const maya = page.getByRole("row").filter({ hasText: "Maya Patel" });
  await maya.getByRole("button", { name: "Reset the password of Maya Patel…" }).click();
  const dialog = page.getByRole("dialog", { name: "Reset the password of Maya Patel?" });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page, "the reset dialog");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect(await db.accountToken.count({ where: { schoolId: s.school.id, user: { email: s.accounts.mentee.email } } })).toBe(0);
  await maya.getByRole("button", { name: "Reset the password of Maya Patel…" }).click();
  await dialog.getByRole("button", { name: "Reset password" }).click();
  await expect(page.getByTestId("toast")).toContainText("Password reset for Maya Patel. Their old password no longer works");
  await expect(page.getByRole("row").filter({ hasText: "Maya Patel" })).toContainText("Code waiting: use before");
  await expectNoAxeViolations(page, "pupil accounts after a reset");

  // Maya's old password no longer opens anything.
  const mayaContext = await browser.newContext();
  const mayaPage = await mayaContext.newPage();
  await mayaPage.goto("/sign-in");
  await submitSignIn(mayaPage, s.accounts.mentee.email, SEEDED_PASSWORD);
  await expect(signInForm(mayaPage).message).toHaveText("The email or password is wrong. Please try again.");
  await mayaContext.close();
});
