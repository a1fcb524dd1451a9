// The admin keeps the school's calendar: an INSET day added, a holiday removed through its confirm
// dialog (cancel first, then by keyboard), and a two-week timetable set, with plain-English refusals.
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";
import { seedSchool } from "./support/seed";

test("the admin adds an INSET day, removes a holiday after confirming, and sets Week A", async ({ page, db }) => {
  const seeded = await seedSchool(db, { label: "Calendar", history: false });
  const year = await db.academicYear.findFirstOrThrow({ where: { schoolId: seeded.school.id } });
  const startYear = year.startYear;
  // The first Monday on or after 7 September, and the day after it, whatever the year.
  const sept7 = new Date(Date.UTC(startYear, 8, 7));
  const monday = new Date(sept7.getTime() + ((8 - sept7.getUTCDay()) % 7) * 86_400_000).toISOString().slice(0, 10);
  const tuesday = new Date(Date.parse(monday) + 86_400_000).toISOString().slice(0, 10);
  await signInAs(page, seeded.accounts.admin);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calendar" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "School calendar" })).toBeVisible();
  await expectNoAxeViolations(page);

  // An INSET day, with a mistake first: the last day before the first.
  const add = page.getByRole("form", { name: "Add dates" });
  await add.getByLabel("Kind").selectOption({ label: "INSET day (no pupils)" });
  await add.getByLabel("Name").fill("Staff training");
  await add.getByLabel("First day").fill(`${startYear + 1}-01-04`);
  await add.getByLabel("Last day").fill(`${startYear + 1}-01-03`);
  await add.getByRole("button", { name: "Add dates" }).click();
  await expect(add.getByText("The last day cannot be before the first day.")).toBeVisible();
  await expect(add.getByLabel("Name")).toHaveValue("Staff training");
  await expectNoAxeViolations(page, "/admin/calendar with a refused date");
  await add.getByLabel("Last day").fill(`${startYear + 1}-01-04`);
  await add.getByRole("button", { name: "Add dates" }).click();
  await expect(add.getByRole("status")).toHaveText("Added Staff training.");
  await expect(page.getByRole("listitem").filter({ hasText: "Staff training" })).toContainText("INSET day (no pupils)");
  expect(await db.calendarPeriod.count({ where: { schoolId: seeded.school.id, kind: "INSET", name: "Staff training" } })).toBe(1);

  // Removing October half-term: Cancel keeps it; the keyboard's Remove takes it away.
  const halfTerm = await db.calendarPeriod.findFirstOrThrow({ where: { schoolId: seeded.school.id, name: "October half-term" } });
  const opener = page.getByRole("button", { name: /^Remove October half-term/ });
  await opener.click();
  const dialog = page.getByRole("dialog", { name: /^Remove October half-term/ });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Sessions will be planned on these days again.");
  await expectNoAxeViolations(page, "the remove-dates dialog");
  await dialog.getByRole("button", { name: "Cancel", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  expect(await db.calendarPeriod.count({ where: { schoolId: seeded.school.id, id: halfTerm.id } })).toBe(1);

  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  const confirm = dialog.getByRole("button", { name: "Remove", exact: true });
  for (let i = 0; i < 6 && !(await confirm.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press("Tab");
  await expect(confirm).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Removed October half-term.")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Remove October half-term/ })).toHaveCount(0);
  expect(await db.calendarPeriod.count({ where: { schoolId: seeded.school.id, id: halfTerm.id } })).toBe(0);

  // A two-week timetable: a Tuesday is refused, a Monday saved.
  const week = page.getByRole("form", { name: "The school's week" });
  await week.getByLabel("Two-week timetable: a Monday in Week A").fill(tuesday);
  await week.getByRole("button", { name: "Save the school week" }).click();
  await expect(week.getByText("Choose a Monday: Week A starts on a Monday.")).toBeVisible();
  await week.getByLabel("Two-week timetable: a Monday in Week A").fill(monday);
  await week.getByRole("button", { name: "Save the school week" }).click();
  await expect(week.getByRole("status")).toHaveText("Saved. Weeks alternate A and B.");
  const school = await db.school.findUniqueOrThrow({ where: { id: seeded.school.id } });
  expect(school.weekAStarts.map((d) => d.toISOString().slice(0, 10))).toEqual([monday]);

  // Next school year, before its terms are known: the form starts on it.
  const nextYear = page.getByRole("form", { name: "Add a school year" });
  await expect(nextYear.getByLabel("Year it starts")).toHaveValue(String(startYear + 1));
  await nextYear.getByRole("button", { name: "Add the school year" }).click();
  const name = `${startYear + 1}–${String((startYear + 2) % 100).padStart(2, "0")}`;
  await expect(nextYear.getByRole("status")).toHaveText(`Added the school year ${name}. Add its terms and holidays below.`);
  await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^${name} \\(`) })).toBeVisible();
  await expectNoAxeViolations(page, "/admin/calendar with next school year");
});
