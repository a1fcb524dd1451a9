// Notifications (ADR 016): the header says how many are unread, the list shows them newest first,
// following one marks it read and goes where it points, and "Mark all as read" clears the rest.
import { createNotificationRow } from "@/server/factories";
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";
import { seedSchool } from "./support/seed";

const hoursAgo = (h: number) => new Date(Date.now() - h * 60 * 60 * 1000);

test("a mentor follows a notification from the header, which marks it read, then marks the rest read", async ({ page, db }) => {
  const seeded = await seedSchool(db, { label: "Notifications", history: false });
  const schoolId = seeded.school.id;
  const sam = await db.user.findUniqueOrThrow({ where: { email: seeded.accounts.mentor.email }, select: { id: true } });
  const notice = (message: string, link: string, createdAt: Date, readAt: Date | null = null) =>
    createNotificationRow(db, { schoolId, userId: sam.id, message, link, createdAt, readAt });
  await notice("Say hello to your mentee this week.", "/mentor", hoursAgo(50), hoursAgo(49));
  // The newest two are minutes old, so the one the page calls "Today" is today even just after midnight.
  await notice("Your session with Maya P. moved to Tuesday.", "/mentor", hoursAgo(2 / 60));
  const toLog = await notice("Log your session with Maya P.", `/mentor/log/${seeded.pairings.samMaya}`, hoursAgo(1 / 60));

  await signInAs(page, seeded.accounts.mentor);
  await page.getByRole("link", { name: "Notifications, 2 unread" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  await expect(page.getByText("You have 2 new notifications.")).toBeVisible();
  const items = page.getByRole("main").getByRole("listitem");
  await expect(items).toHaveText([
    /^Log your session with Maya P\.Today\s*New$/,
    /^Your session with Maya P\. moved to Tuesday\..*New$/,
    /^Say hello to your mentee this week\..*Read$/,
  ]);
  await expectNoAxeViolations(page);

  // Following it: marked read, and there.
  await page.getByRole("button", { name: "Log your session with Maya P." }).click();
  await page.waitForURL((url) => url.pathname === `/mentor/log/${seeded.pairings.samMaya}`);
  await expect(page.getByRole("link", { name: "Notifications, 1 unread" })).toBeVisible();
  expect((await db.notification.findFirstOrThrow({ where: { schoolId, id: toLog.id } })).readAt).not.toBeNull();

  // The rest, all at once; the keyboard focus lands on the list's heading as the button goes.
  await page.getByRole("link", { name: "Notifications, 1 unread" }).click();
  await expect(items.first()).toContainText("Read");
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByTestId("toast")).toContainText("Marked 1 notification as read.");
  await expect(page.getByRole("heading", { level: 2, name: "Newest first" })).toBeFocused();
  await expect(page.getByRole("button", { name: "Mark all as read" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
  await expect(page.getByText("You are up to date.")).toBeVisible();
  await expectNoAxeViolations(page, "/notifications, all read");
  expect(await db.notification.count({ where: { schoolId, userId: sam.id, readAt: null } })).toBe(0);
});

test("a pupil with none sees a calm empty page; a coordinator's long list is paged and followed by keyboard", async ({
  page,
  browser,
  db,
}) => {
  const seeded = await seedSchool(db, { label: "Notifications paged", history: false });
  const schoolId = seeded.school.id;

  await signInAs(page, seeded.accounts.mentee);
  await page.getByRole("link", { name: "Notifications", exact: true }).click();
  await expect(page.getByText("No notifications yet")).toBeVisible();
  await expect(page.getByRole("button", { name: "Mark all as read" })).toHaveCount(0);
  await expectNoAxeViolations(page, "/notifications, empty, as a pupil");

  for (let i = 1; i <= 27; i += 1) {
    await createNotificationRow(db, {
      schoolId,
      userId: seeded.staff.coordinator,
      message: `Look at to-do row ${i}.`,
      link: "/coordinator",
      createdAt: hoursAgo(30 - i),
    });
  }
  const staff = await browser.newContext();
  const staffPage = await staff.newPage();
  await signInAs(staffPage, seeded.accounts.coordinator);
  await staffPage.getByRole("link", { name: "Notifications, 27 unread" }).click();
  const pages = staffPage.getByRole("navigation", { name: "Notification pages" });
  await expect(pages).toContainText("Page 1 of 2");
  await expect(staffPage.getByRole("main").getByRole("listitem")).toHaveCount(25);
  await pages.getByRole("link", { name: "Older" }).click();
  await expect(pages).toContainText("Page 2 of 2");
  await expect(staffPage.getByRole("main").getByRole("listitem")).toHaveText([/^Look at to-do row 2\./, /^Look at to-do row 1\./]);
  await expectNoAxeViolations(staffPage, "/notifications?page=2");

  const oldest = staffPage.getByRole("button", { name: "Look at to-do row 1." });
  await oldest.focus();
  await staffPage.keyboard.press("Enter");
  await staffPage.waitForURL((url) => url.pathname === "/coordinator");
  await expect(staffPage.getByRole("link", { name: "Notifications, 26 unread" })).toBeVisible();
  await staff.close();
});
