// Every destructive action goes through its real confirm dialog, and the dialog's button really sends
// the form (ADR 010): by mouse and by keyboard on a desktop, and by touch on a phone. Cancel sends
// nothing. What was written is read back from the database, not only from the page.
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";
import { seedSchool, type Db, type SeededSchool } from "./support/seed";

type Way = "mouse" | "keyboard" | "touch";
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** Opens the dialog with the page's button, then confirms (or cancels) inside it, the chosen way. */
async function throughDialog(page: Page, opener: string, dialogTitle: string, choice: string, way: Way) {
  const open = page.getByRole("button", { name: opener });
  if (way === "keyboard") {
    await open.focus();
    await page.keyboard.press("Enter");
  } else if (way === "touch") await open.tap();
  else await open.click();
  const dialog = page.getByRole("dialog", { name: dialogTitle });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page, `the “${dialogTitle}” dialog`);
  const button = dialog.getByRole("button", { name: choice, exact: true });
  if (way === "keyboard") {
    // Tab from wherever the dialog put focus to the button, then press Enter, as a keyboard user would.
    for (let i = 0; i < 6 && !(await button.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press("Tab");
    await expect(button).toBeFocused();
    await page.keyboard.press("Enter");
  } else if (way === "touch") await button.tap();
  else await button.click();
  await expect(dialog).toBeHidden();
}

async function endPairing(page: Page, db: Db, s: SeededSchool, way: Way) {
  await signInAs(page, s.accounts.coordinator);
  await page.goto(`/coordinator/pairings/${s.pairings.samMaya}`);
  await page.getByLabel("New status").selectOption({ label: "Ended" });
  await page.getByLabel("Why is it ending?").selectOption({ label: "Safeguarding" });
  await throughDialog(page, "End pairing…", "End this pairing?", "End pairing", way);
  await expect(page.getByRole("status").filter({ hasText: "Pairing ended." })).toBeVisible();
  await expect(page.locator("main header")).toContainText("Ended");
  expect(await db.pairing.findFirstOrThrow({ where: { id: s.pairings.samMaya } })).toMatchObject({
    status: "ENDED",
    closureReason: "SAFEGUARDING",
  });
}

async function removeKeepApart(page: Page, db: Db, s: SeededSchool, way: Way) {
  await signInAs(page, s.accounts.dsl);
  await page.goto("/staff/keep-apart");
  const row = page.getByRole("listitem").filter({ hasText: s.pupils.theo.name });
  await expect(row).toHaveCount(1);
  await throughDialog(page, "Remove…", "Remove this keep-apart pair?", "Remove", way);
  await expect(page.getByText("Removed. These pupils can now be paired again.")).toBeVisible();
  expect(await db.keepApart.count({ where: { schoolId: s.school.id } })).toBe(0);
}

async function correctPoints(page: Page, db: Db, s: SeededSchool, way: Way) {
  await signInAs(page, s.accounts.coordinator);
  const recent = page.locator("section").filter({ has: page.getByRole("heading", { name: "Recent points" }) });
  const entry = recent.getByRole("listitem").filter({ hasText: s.pupils.maya.name });
  await entry.getByText("Correct this entry").click();
  await entry.getByLabel("Why is it being corrected?").fill("Given to the wrong pupil");
  await throughDialog(page, "Add correcting entry…", "Correct this entry?", "Add correcting entry", way);
  await expect(page.getByRole("status").filter({ hasText: "Points corrected." })).toBeVisible();
  const corrections = await db.pointEntry.findMany({
    where: { schoolId: s.school.id, studentId: s.pupils.maya.id, reversesId: { not: null } },
  });
  expect(corrections).toHaveLength(1);
  expect(corrections[0]).toMatchObject({ amount: -s.pupils.maya.points, reason: "Correction: Given to the wrong pupil" });
}

const ACTIONS = { "ending a pairing": endPairing, "removing a keep-apart pair": removeKeepApart, "correcting points": correctPoints };

for (const [action, run] of Object.entries(ACTIONS)) {
  test.describe(action, () => {
    test(`confirmed with the mouse, it is done`, async ({ page, db }) => {
      await run(page, db, await seedSchool(db, { label: "Dialog", keepApart: true }), "mouse");
    });

    test(`confirmed with the keyboard alone, it is done`, async ({ page, db }) => {
      await run(page, db, await seedSchool(db, { label: "Dialog", keepApart: true }), "keyboard");
    });

    test.describe("on a phone", () => {
      test.use(PHONE);
      test(`confirmed with a tap, it is done`, async ({ page, db }) => {
        await run(page, db, await seedSchool(db, { label: "Dialog", keepApart: true }), "touch");
      });
    });
  });
}

test("cancelling a confirm dialog sends nothing", async ({ page, db }) => {
  const s = await seedSchool(db, { label: "Dialog", keepApart: true });
  await signInAs(page, s.accounts.coordinator);
  await page.goto(`/coordinator/pairings/${s.pairings.samMaya}`);
  await page.getByLabel("New status").selectOption({ label: "Ended" });
  await page.getByLabel("Why is it ending?").selectOption({ label: "Goals met" });
  await throughDialog(page, "End pairing…", "End this pairing?", "Cancel", "keyboard");
  // Focus returns to the button that opened the dialog.
  await expect(page.getByRole("button", { name: "End pairing…" })).toBeFocused();
  await page.goto("/staff/keep-apart");
  await throughDialog(page, "Remove…", "Remove this keep-apart pair?", "Cancel", "mouse");
  await page.reload();
  expect(await db.pairing.findFirstOrThrow({ where: { id: s.pairings.samMaya } })).toMatchObject({
    status: "ACTIVE",
    closureReason: null,
  });
  expect(await db.keepApart.count({ where: { schoolId: s.school.id } })).toBe(1);
});

test("Enter in the correction's reason asks first, and sends nothing until confirmed", async ({ page, db }) => {
  const s = await seedSchool(db, { label: "Dialog" });
  await signInAs(page, s.accounts.coordinator);
  const recent = page.locator("section").filter({ has: page.getByRole("heading", { name: "Recent points" }) });
  const entry = recent.getByRole("listitem").filter({ hasText: s.pupils.maya.name });
  await entry.getByText("Correct this entry").click();
  const reason = entry.getByLabel("Why is it being corrected?");
  await reason.fill("Given to the wrong pupil");
  await reason.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Correct this entry?" });
  await expect(dialog).toBeVisible();
  expect(await db.pointEntry.count({ where: { schoolId: s.school.id, reversesId: { not: null } } })).toBe(0);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect(await db.pointEntry.count({ where: { schoolId: s.school.id, reversesId: { not: null } } })).toBe(0);
});
