// The admin keeps the school's day: a split lunch for Year 7 (with a refused time first), another
// year group's own times removed and a new slot retired, each through its confirm dialog (cancel
// first), and the retired slot brought back. A Year 7 pupil then sees her own lunch times.
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";
import { seedSchool } from "./support/seed";

test("the admin sets a split lunch for Year 7, retires a slot after confirming, and a Year 7 pupil sees her lunch", async ({
  page,
  browser,
  db,
}) => {
  const seeded = await seedSchool(db, { label: "School day", history: false });
  const schoolId = seeded.school.id;
  await signInAs(page, seeded.accounts.admin);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "School day" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "School day" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Lunch (12:30–13:15)" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Year 7's own lunch, with a mistake first: the end before the start.
  const lunchTimes = page.getByRole("form", { name: "A year group's own times for Lunch" });
  await lunchTimes.getByLabel("Year group").selectOption({ label: "Year 7" });
  await lunchTimes.getByLabel("Starts").fill("12:40");
  await lunchTimes.getByLabel("Ends").fill("12:00");
  await lunchTimes.getByRole("button", { name: "Set times" }).click();
  await expect(lunchTimes.getByText("The end must be after the start.")).toBeVisible();
  await expect(lunchTimes.getByLabel("Year group")).toHaveValue("7");
  await expectNoAxeViolations(page, "/admin/school-day with a refused time");
  await lunchTimes.getByLabel("Starts").fill("12:00");
  await lunchTimes.getByLabel("Ends").fill("12:40");
  await lunchTimes.getByRole("button", { name: "Set times" }).click();
  await expect(lunchTimes.getByRole("status")).toHaveText("Year 7 now has Lunch at 12:00–12:40.");
  const ownTimes = page.getByRole("list", { name: "Year groups with their own times for Lunch" });
  await expect(ownTimes.getByRole("listitem").filter({ hasText: "Year 7" })).toContainText("12:00–12:40");

  // Year 9's own times too, then removed: Cancel keeps them, the dialog's Remove takes them away.
  await lunchTimes.getByLabel("Year group").selectOption({ label: "Year 9" });
  await lunchTimes.getByLabel("Starts").fill("13:00");
  await lunchTimes.getByLabel("Ends").fill("13:40");
  await lunchTimes.getByRole("button", { name: "Set times" }).click();
  await expect(lunchTimes.getByRole("status")).toHaveText("Year 9 now has Lunch at 13:00–13:40.");
  const removeYear9 = page.getByRole("button", { name: "Remove Year 9's own times for Lunch…" });
  await removeYear9.click();
  const removeDialog = page.getByRole("dialog", { name: "Remove Year 9's own times for Lunch (13:00–13:40)?" });
  await expect(removeDialog).toContainText("Year 9 will have Lunch at the usual times, 12:30–13:15.");
  await removeDialog.getByRole("button", { name: "Cancel", exact: true }).click();
  await expect(removeDialog).toBeHidden();
  await expect(removeYear9).toBeFocused();
  await removeYear9.click();
  await removeDialog.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(page.getByText("Year 9 now has Lunch at the usual times (12:30–13:15).")).toBeVisible();
  await expect(ownTimes.getByRole("listitem")).toHaveCount(1);
  const lunch = await db.schoolSlot.findFirstOrThrow({ where: { schoolId, key: "LUNCH" }, include: { yearTimes: true } });
  expect(lunch.yearTimes.map((t) => [t.yearGroup, t.startTime, t.endTime])).toEqual([[7, "12:00", "12:40"]]);

  // A new slot, then retired: Cancel keeps it; the dialog's Retire moves it to the retired list.
  const add = page.getByRole("form", { name: "Add a slot" });
  await add.getByLabel("Name").fill("After school");
  await add.getByLabel("Starts").fill("15:20");
  await add.getByLabel("Ends").fill("16:00");
  await add.getByRole("button", { name: "Add slot" }).click();
  await expect(add.getByRole("status")).toHaveText("Added After school (15:20–16:00).");
  await expect(page.getByRole("heading", { level: 3, name: "After school (15:20–16:00)" })).toBeVisible();

  const retire = page.getByRole("button", { name: "Retire After school…" });
  await retire.click();
  const retireDialog = page.getByRole("dialog", { name: "Retire After school?" });
  await expect(retireDialog).toContainText("Pupils will no longer be offered After school as a free time.");
  await expectNoAxeViolations(page, "the retire-slot dialog");
  await retireDialog.getByRole("button", { name: "Cancel", exact: true }).click();
  await expect(retireDialog).toBeHidden();
  await expect(retire).toBeFocused();
  expect((await db.schoolSlot.findFirstOrThrow({ where: { schoolId, name: "After school" } })).archivedAt).toBeNull();

  await retire.click();
  await retireDialog.getByRole("button", { name: "Retire", exact: true }).click();
  await expect(retireDialog).toBeHidden();
  await expect(page.getByText(/^Retired After school\./)).toBeVisible();
  await expect(page.getByRole("heading", { name: "The day's slots" })).toBeFocused();
  await expect(page.getByRole("heading", { level: 3, name: "After school (15:20–16:00)" })).toHaveCount(0);
  const retiredList = page.locator("section").filter({ has: page.getByRole("heading", { name: "Retired slots" }) });
  await expect(retiredList.getByRole("listitem").filter({ hasText: "After school" })).toContainText("Retired");
  expect((await db.schoolSlot.findFirstOrThrow({ where: { schoolId, name: "After school" } })).archivedAt).not.toBeNull();
  await expectNoAxeViolations(page, "/admin/school-day with a retired slot");

  // …and brought back.
  await retiredList.getByRole("button", { name: "Bring back After school" }).click();
  await expect(page.getByText("Brought back After school. Pupils can choose it again.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "After school (15:20–16:00)" })).toBeVisible();

  // Nia, in Year 7, is offered lunch at her year's times.
  const context = await browser.newContext();
  const pupilPage = await context.newPage();
  await signInAs(pupilPage, seeded.accounts.waitingMentee);
  const freeTimes = pupilPage.getByRole("group", { name: "When are you free to meet?" });
  await expect(freeTimes.getByRole("checkbox", { name: "Mon lunch (12:00–12:40)" })).toBeChecked();
  await expect(freeTimes.getByRole("checkbox", { name: "Wed after school (15:20–16:00)" })).not.toBeChecked();
  await expectNoAxeViolations(pupilPage);
  await context.close();
});
