// The coordinator sets up a programme (issue 8): creates it, edits its settings (with a refused field
// first), starts it, adds Year 11's mock weeks and removes them through the confirm dialog, then keeps
// the school's activity list: one moved, one retired through its dialog. Each page passes axe.
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";
import { seedSchool } from "./support/seed";

test("the coordinator creates and edits a programme, skips Year 11's mock weeks, and keeps the activity list", async ({ page, db }) => {
  const seeded = await seedSchool(db, { label: "Programmes", history: false });
  const year = await db.academicYear.findFirstOrThrow({ where: { schoolId: seeded.school.id } });
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const [firstDay, lastDay] = [iso(year.startsOn), iso(year.endsOn)];
  const y = year.startYear;

  await signInAs(page, seeded.accounts.coordinator);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Programmes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Programmes" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Create, with a mistake first: the last day before the first.
  const create = page.getByRole("form", { name: "Create a programme" });
  await create.getByLabel("Name").fill("Year 7 transition");
  await create.getByLabel("Transition to secondary").check();
  await create.getByLabel("First day").fill(firstDay);
  await create.getByLabel("Last day (optional)").fill(firstDay);
  await create.getByRole("button", { name: "Create programme" }).click();
  await expect(create.getByText("The last day must be after the first day.")).toBeVisible();
  await expect(create.getByLabel("Name")).toHaveValue("Year 7 transition");
  await expectNoAxeViolations(page, "/coordinator/programmes with a refused date");
  await create.getByLabel("Last day (optional)").fill(lastDay);
  await create.getByRole("button", { name: "Create programme" }).click();
  await expect(create.getByRole("status")).toContainText("Created Year 7 transition.");
  const created = await db.programme.findFirstOrThrow({ where: { schoolId: seeded.school.id, name: "Year 7 transition" } });
  expect(created).toMatchObject({ status: "DRAFT", version: 1, focusAreas: ["TRANSITION"] });
  await expect(page.getByRole("listitem").filter({ hasText: "Year 7 transition" })).toContainText("Being set up");

  // Edit on its own page: a refused gap first, then saved.
  await create.getByRole("link", { name: "Open Year 7 transition" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Year 7 transition" })).toBeVisible();
  await expectNoAxeViolations(page);
  const settings = page.getByRole("form", { name: "Programme settings" });
  await settings.getByLabel("Session length (minutes)").fill("30");
  await settings.getByLabel("Day", { exact: true }).selectOption({ label: "Wednesday" });
  await settings.getByLabel("Time of day").selectOption({ label: "Lunch (12:30–13:15)" });
  await settings.getByLabel("Place (optional)").fill("Library");
  await settings.getByLabel("Smallest year gap (years)").fill("2");
  await settings.getByLabel("Largest year gap (years)").fill("1");
  await settings.getByLabel("Ask for a check-in every (weeks)").fill("3");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByText("The largest gap cannot be smaller than the smallest gap.")).toBeVisible();
  await expect(settings.getByLabel("Place (optional)")).toHaveValue("Library");
  await expectNoAxeViolations(page, "the programme settings with a refused gap");
  await settings.getByLabel("Largest year gap (years)").fill("3");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByRole("status")).toHaveText("Saved Year 7 transition's settings.");
  const lunch = await db.schoolSlot.findFirstOrThrow({ where: { schoolId: seeded.school.id, key: "LUNCH" } });
  expect(await db.programme.findFirstOrThrow({ where: { id: created.id } })).toMatchObject({
    version: 2,
    sessionMinutes: 30,
    defaultWeekday: 3,
    defaultSlotId: lunch.id,
    defaultPlace: "Library",
    minYearGap: 2,
    maxYearGap: 3,
    checkInEveryWeeks: 3,
  });

  // Started.
  await page.getByRole("button", { name: "Start the programme" }).click();
  await expect(page.getByTestId("toast")).toContainText("Started Year 7 transition. It can now take pairings.");
  await expect(page.locator("main header")).toContainText("Running");
  expect((await db.programme.findFirstOrThrow({ where: { id: created.id } })).status).toBe("ACTIVE");

  // Year 11's mock weeks, then removed through the dialog: Cancel keeps them, Remove takes them away.
  const skip = page.getByRole("form", { name: "Add skipped weeks" });
  await skip.getByLabel("First day").fill(`${y}-11-23`);
  await skip.getByLabel("Last day").fill(`${y}-11-27`);
  await skip.getByLabel("Who has no sessions").selectOption({ label: "Year 11" });
  await skip.getByLabel("Why").fill("Year 11 mocks");
  await skip.getByRole("button", { name: "Add skipped weeks" }).click();
  await expect(skip.getByRole("status")).toContainText("Added Year 11 mocks: no sessions are planned for Year 11");
  const row = page.getByRole("listitem").filter({ hasText: "Year 11 mocks" });
  await expect(row).toContainText(`Year 11 · 23 Nov ${y} to 27 Nov ${y}`);
  expect(await db.programmeSkip.findMany({ where: { programmeId: created.id }, select: { yearGroup: true, reason: true } })).toEqual([
    { yearGroup: 11, reason: "Year 11 mocks" },
  ]);
  await expectNoAxeViolations(page, "the programme with a skipped week");

  const opener = row.getByRole("button", { name: /^Remove Year 11 mocks/ });
  await opener.click();
  const dialog = page.getByRole("dialog", { name: /^Remove Year 11 mocks/ });
  await expect(dialog).toContainText("Sessions will be planned in these weeks again.");
  await expectNoAxeViolations(page, "the remove-skipped-weeks dialog");
  await dialog.getByRole("button", { name: "Cancel", exact: true }).click();
  await expect(dialog).toBeHidden();
  expect(await db.programmeSkip.count({ where: { programmeId: created.id } })).toBe(1);
  await opener.click();
  await dialog.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("toast")).toContainText("Removed Year 11 mocks (Year 11,");
  await expect(page.getByText("No skipped weeks")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Skipped weeks", exact: true })).toBeFocused();
  expect(await db.programmeSkip.count({ where: { programmeId: created.id } })).toBe(0);

  // The school's activity list, from the programmes page.
  await page.getByRole("link", { name: "All programmes" }).click();
  await page.getByRole("link", { name: "the school's activity list" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Activities" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Move Homework help up" }).click();
  await expect(page.getByTestId("toast")).toContainText("Moved Homework help up to number 1 of 8.");
  const offered = page.locator("section").filter({ has: page.getByRole("heading", { name: "Offered to mentors (8)" }) });
  await expect(offered.getByRole("listitem").first()).toContainText("1. Homework help");

  await page.getByRole("button", { name: "Retire Games…" }).click();
  const retire = page.getByRole("dialog", { name: "Retire Games?" });
  await expect(retire).toContainText("Sessions already logged with it keep it");
  await expectNoAxeViolations(page, "the retire-activity dialog");
  await retire.getByRole("button", { name: "Retire", exact: true }).click();
  await expect(retire).toBeHidden();
  await expect(page.getByTestId("toast")).toContainText("Retired Games.");
  const retired = page.locator("section").filter({ has: page.getByRole("heading", { name: "Retired (1)" }) });
  await expect(retired.getByRole("button", { name: "Bring back Games" })).toBeVisible();
  expect((await db.schoolActivity.findFirstOrThrow({ where: { schoolId: seeded.school.id, name: "Games" } })).archivedAt).not.toBeNull();
  await expectNoAxeViolations(page, "the activity list with a retired activity");
});
