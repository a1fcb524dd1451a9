// The admin runs the new school year: the preview names the leavers, the run goes through its confirm
// dialog (cancel first), and next year's draft calendar is then checked and confirmed.
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";
import { seedSchool } from "./support/seed";

test("the admin previews the leavers, runs the rollover after confirming, and confirms next year's dates", async ({ page, db }) => {
  const seeded = await seedSchool(db, { label: "Rollover", history: false });
  const schoolId = seeded.school.id;
  const year = await db.academicYear.findFirstOrThrow({ where: { schoolId } });
  const yearName = (start: number) => `${start}–${String((start + 1) % 100).padStart(2, "0")}`;
  const [fromName, toName] = [yearName(year.startYear), yearName(year.startYear + 1)];

  await signInAs(page, seeded.accounts.admin);
  await page.goto("/admin");
  await page.getByRole("link", { name: "Start a new school year" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "A new school year" })).toBeVisible();
  // Kofi and Omar are the seeded school's Year 11s; neither has mentored anyone, so both simply leave.
  const leavers = page.locator("section").filter({ has: page.getByRole("heading", { name: "Pupils leaving (2)" }) });
  await expect(leavers.getByRole("listitem")).toHaveText([/Kofi Mensah\s*Year 11\s*Left/, /Omar Lewis\s*Year 11\s*Left/]);
  await expect(page.getByRole("heading", { name: `${toName}: draft dates` })).toBeVisible();
  await expectNoAxeViolations(page);

  // Cancel first: nothing happens.
  const opener = page.getByRole("button", { name: "Run the rollover…" });
  await opener.click();
  const dialog = page.getByRole("dialog", { name: `Run the rollover for ${fromName}?` });
  await expect(dialog).toContainText("2 pupils leave, 0 pairings end and 0 places are paused. This cannot be undone.");
  await expectNoAxeViolations(page, "the rollover dialog");
  await dialog.getByRole("button", { name: "Cancel", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  expect(await db.schoolRollover.count({ where: { schoolId } })).toBe(0);

  await opener.click();
  await dialog.getByRole("button", { name: "Run the rollover", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: `${fromName} has been rolled over.` })).toBeVisible();
  await expect(page.getByRole("button", { name: "Run the rollover…" })).toHaveCount(0);
  expect(await db.schoolRollover.count({ where: { schoolId } })).toBe(1);
  expect(await db.student.findUniqueOrThrow({ where: { schoolId_id: { schoolId, id: seeded.pupils.kofi.id } } })).toMatchObject({
    status: "LEFT",
  });
  const draft = await db.academicYear.findFirstOrThrow({ where: { schoolId, startYear: year.startYear + 1 } });
  expect(draft.confirmedAt).toBeNull();

  // Next year's draft on the calendar: checked, then confirmed.
  await page.getByRole("link", { name: "calendar", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "School calendar" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^${toName} \\(.*\\) — draft$`) })).toBeVisible();
  await expect(page.getByText("Draft — check the dates, then confirm.")).toBeVisible();
  await expectNoAxeViolations(page, "/admin/calendar with a draft year");
  const confirm = page.getByRole("form", { name: `Confirm ${toName}` });
  await confirm.getByRole("button", { name: `Confirm ${toName}` }).click();
  await expect(page.getByText(`Confirmed ${toName}. Its terms and holidays now plan sessions.`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^${toName} \\(.*\\)$`) })).toBeVisible();
  expect((await db.academicYear.findUniqueOrThrow({ where: { schoolId_id: { schoolId, id: draft.id } } })).confirmedAt).not.toBeNull();
});
