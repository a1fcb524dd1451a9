// The coordinator runs the school's points: adds a category, retires it through the confirm dialog
// (cancelled first, then confirmed) and brings it back, lets mentors give points, and approves a
// nickname. The mentor then gives his mentee points from his page; sending the same form twice gives
// them once.
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";
import { seedSchool } from "./support/seed";

test("a coordinator manages categories and settings; a mentor gives his mentee points once", async ({ page, browser, db }) => {
  const seeded = await seedSchool(db, { label: "Points settings", history: false });
  await db.pupilBoardProfile.create({
    data: { schoolId: seeded.school.id, studentId: seeded.pupils.nia.id, nickname: "Starfish", nicknameStatus: "PROPOSED" },
  });

  await signInAs(page, seeded.accounts.coordinator);
  await page.goto("/coordinator/points");
  const add = page.getByRole("form", { name: "Add a category" });
  await add.getByLabel("Name").fill("Teamwork");
  await add.getByLabel("What earns it").fill("Working well with others.");
  await add.getByLabel("Usual points").fill("2");
  await add.getByRole("button", { name: "Add category" }).click();
  await expect(add.getByRole("status")).toHaveText("Added Teamwork. Pupils can read what earns it.");
  await expectNoAxeViolations(page, "/coordinator/points");

  // Retire it: Cancel leaves it; confirming retires it; "Bring back" restores it.
  await page.getByRole("button", { name: "Retire Teamwork…" }).click();
  const dialog = page.getByRole("dialog", { name: "Retire Teamwork?" });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page, "/coordinator/points, retire dialog");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(await db.pointCategory.findFirstOrThrow({ where: { schoolId: seeded.school.id, name: "Teamwork" } })).toMatchObject({
    archivedAt: null,
  });
  await page.getByRole("button", { name: "Retire Teamwork…" }).click();
  await page.getByRole("dialog", { name: "Retire Teamwork?" }).getByRole("button", { name: "Retire" }).click();
  await expect(page.getByTestId("toast")).toContainText("Teamwork is retired.");
  await page.getByRole("button", { name: "Bring back Teamwork" }).click();
  await expect(page.getByTestId("toast")).toContainText("Teamwork is back.");

  // Mentors may give points; the nickname is approved as read.
  const settings = page.getByRole("form", { name: "Points settings" });
  await settings.getByRole("radio", { name: "Yes" }).check();
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByRole("status")).toHaveText("Points settings saved.");
  await page.getByRole("button", { name: /^Approve “Starfish”/ }).click();
  await expect(page.getByTestId("toast")).toContainText("Nickname approved.");
  expect(await db.pupilBoardProfile.findFirstOrThrow({ where: { studentId: seeded.pupils.nia.id } })).toMatchObject({
    nicknameStatus: "APPROVED",
  });

  // Sam gives Maya the usual Effort points from his page; a second send of the same form adds nothing.
  const mentorContext = await browser.newContext();
  const mentorPage = await mentorContext.newPage();
  await signInAs(mentorPage, seeded.accounts.mentor);
  const form = mentorPage.getByRole("form", { name: "Award points" });
  await expect(mentorPage.getByText("You can give 10 more points this week (up to 10).")).toBeVisible();
  await expectNoAxeViolations(mentorPage, "/mentor with the award card");
  await form
    .getByRole("group", { name: "Pupils", exact: true })
    .getByRole("checkbox", { name: /^Maya / })
    .check();
  await form.getByLabel("Category").selectOption({ label: "Effort (+2)" });
  // A double tap sends the form twice with one key (ADR 010): one award.
  await form.getByRole("button", { name: "Award points" }).dblclick();
  await expect(form.getByRole("status")).toHaveText("2 points given to 1 pupil.");
  await expect.poll(() => db.pointEntry.count({ where: { schoolId: seeded.school.id, studentId: seeded.pupils.maya.id } })).toBe(1);
  await mentorContext.close();
});
