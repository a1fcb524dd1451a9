// Pupil boards show only what a pupil agreed to: one who opts out is absent from every other pupil's
// board (and still sees her own points), one staff hid is absent, an approved nickname shows, and a
// pupil who climbed above zero appears under "Well done" only after she taps "Yes, show it".
import { expect, expectNoAxeViolations, signInAs, tableRows, test } from "./fixtures";
import { seedSchool } from "./support/seed";

test("opted-out and hidden pupils are absent from other pupils' boards; a climb above zero shows only when shared", async ({
  page,
  browser,
  db,
}) => {
  const seeded = await seedSchool(db, { label: "Board privacy" });
  const { maya, kofi, ella, leo } = seeded.pupils;
  const allTime = `/student/boards?programme=${seeded.programme.id}&scope=PROGRAMME&period=ALL_TIME`;
  await db.pointSettings.create({ data: { schoolId: seeded.school.id, boardNameStyle: "NICKNAME" } });
  await db.pupilBoardProfile.create({
    data: { schoolId: seeded.school.id, studentId: leo.id, nickname: "Lightning", nicknameStatus: "APPROVED" },
  });

  // Kofi takes his name off the boards from his own page, and still sees his own points.
  const kofiContext = await browser.newContext();
  const kofiPage = await kofiContext.newPage();
  await signInAs(kofiPage, seeded.accounts.freeMentor);
  await kofiPage.goto(allTime);
  await kofiPage.getByRole("button", { name: "Take my name off boards" }).click();
  await expect(kofiPage.getByRole("form", { name: "Your name on boards" }).getByRole("status")).toContainText(
    "Your name is not on the boards other pupils see",
  );
  await kofiPage.reload();
  await expect(kofiPage.getByText("You are not on this board, as you chose.")).toBeVisible();
  await expectNoAxeViolations(kofiPage, "/student/boards after opting out");
  await kofiPage.goto("/student");
  await expect(kofiPage.getByTestId("my-total"), "he still sees his own points").toHaveText(String(kofi.points));
  await kofiContext.close();

  // The coordinator hides Ella, with a reason only staff read.
  const coordinatorContext = await browser.newContext();
  const coordinatorPage = await coordinatorContext.newPage();
  await signInAs(coordinatorPage, seeded.accounts.coordinator);
  await coordinatorPage.goto(`/staff/points/pupils/${ella.id}`);
  await coordinatorPage.getByLabel("Why? (staff only)").fill("Asked not to be shown this term");
  await coordinatorPage.getByRole("button", { name: "Hide from pupil boards" }).click();
  await expect(coordinatorPage.getByText("Hidden from pupil boards and the noticeboard. Staff still see their points.")).toBeVisible();
  await expectNoAxeViolations(coordinatorPage, "/staff/points/pupils/[id]");

  // The coordinator takes Maya below zero, then gives her enough to climb back above it.
  const award = async (amount: number, category: string, reason: string) => {
    await coordinatorPage.goto("/staff");
    const form = coordinatorPage.getByRole("form", { name: "Award points" });
    await form
      .getByRole("group", { name: "Pupils", exact: true })
      .getByRole("checkbox", { name: /^Maya / })
      .check();
    await form.getByLabel("Category").selectOption({ label: category });
    await form.getByLabel("Points", { exact: true }).fill(String(amount));
    await form.getByLabel("Reason").fill(reason);
    await form.getByRole("button", { name: "Award points" }).click();
    await expect(form.getByRole("status")).toContainText("1 pupil.");
  };
  await award(-(maya.points + 2), "Points lost (-1)", "Left the session early");
  await award(5, "Effort (+2)", "Came back and tried hard");
  await coordinatorContext.close();

  // Maya (another pupil) reads the board: neither Kofi nor Ella; Leo by his nickname, others by initials.
  await signInAs(page, seeded.accounts.mentee);
  await page.goto(allTime);
  const names = (await tableRows(page.getByRole("table", { name: /all time/ }))).map((r) => r[1] ?? "");
  expect(
    names.some((n) => n.startsWith("Lightning")),
    "Leo's approved nickname",
  ).toBe(true);
  expect(
    names.some((n) => n.startsWith("K. M.") || n.includes("Kofi")),
    "Kofi opted out",
  ).toBe(false);
  expect(
    names.some((n) => n.startsWith("E. W.") || n.includes("Ella")),
    "Ella is hidden",
  ).toBe(false);
  expect(
    names.some((n) => n.startsWith("N. C.")),
    "Nia, by her initials",
  ).toBe(true);
  await expectNoAxeViolations(page, "/student/boards for another pupil");

  // Nobody sees it until she says so; then every pupil does.
  await page.goto(allTime);
  await expect(page.getByRole("heading", { name: "Well done" })).toHaveCount(0);
  await page.goto("/student");
  const news = page.getByRole("form", { name: "Share your news" });
  await expect(page.getByRole("heading", { name: "You are into positive points!" })).toBeVisible();
  await expectNoAxeViolations(page, "/student with the milestone question");
  await news.getByRole("button", { name: "Yes, show it" }).click();
  await expect(page.getByTestId("toast")).toContainText("Great! Other pupils will see your news on the board.");
  await expect(page.getByRole("heading", { name: "You are into positive points!" })).toHaveCount(0);
  await page.goto(allTime);
  await expect(page.getByText("M. P. has moved into positive points. Well done!")).toBeVisible();
});
