// The classroom noticeboard (ADR 024): a coordinator makes a link on /coordinator/noticeboards; a
// screen with no cookies opens it signed out and sees the pupil board in large type (no figure below
// zero, an opted-out pupil absent, no animation); it refreshes itself every 60 seconds while visible
// (with `page.clock`), a replaced address stops at once, and after the link is turned off through the
// confirm dialog (cancel first) the address is a 404. axe on every state of both pages.
import type { Page, Request } from "@playwright/test";
import { expect, expectNoAxeViolations, signInAs, tableRows, test } from "./fixtures";
import { seedSchool } from "./support/seed";
import { createPointEntry } from "@/server/factories";

const NOTICEBOARD_URL = /^http:\/\/[^/]+\/noticeboard\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]{43}$/;

/** The board's rows as [place, name (and rosette), points]. */
const boardRows = (page: Page) => tableRows(page.getByRole("table", { name: /top places$/ }));

/** The server round trips a refresh makes (router.refresh asks for the page's RSC payload). */
function countRefreshes(page: Page) {
  const seen: Request[] = [];
  page.on("request", (request) => {
    if (request.headers()["rsc"] === "1" && new URL(request.url()).pathname.startsWith("/noticeboard/")) seen.push(request);
  });
  return () => seen.length;
}

test("a coordinator's noticeboard link works signed out, refreshes itself, and stops when replaced or turned off", async ({
  page,
  browser,
  db,
  request,
}) => {
  test.setTimeout(120_000);
  const seeded = await seedSchool(db, { label: "Noticeboard", belowZero: true });
  const schoolId = seeded.school.id;
  const { kofi, maya, grace, ella } = seeded.pupils;
  // Kofi has the most points (8) but opted out of public boards; Ella is below zero (earned 3, lost 5).
  await db.pupilBoardProfile.create({ data: { schoolId, studentId: kofi.id, isOptedOut: true } });

  await signInAs(page, seeded.accounts.coordinator);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Noticeboards" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Noticeboards" })).toBeVisible();
  await expect(page.getByText("No noticeboard links yet.")).toBeVisible();
  await expectNoAxeViolations(page, "/coordinator/noticeboards with no links");

  // A missing name is said next to its field; what was chosen stays chosen.
  const form = page.getByRole("form", { name: "Make a link for a screen" });
  await form.getByLabel("Points from").selectOption({ label: "All time" });
  await form.getByRole("button", { name: "Make link" }).click();
  await expect(form.getByText("Name the screen, like “Library screen”.")).toBeVisible();
  await expect(form.getByLabel("Screen name")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Points from")).toHaveValue("ALL_TIME");

  // Made: shown once, focused and selected for copying.
  await form.getByLabel("Screen name").fill("Library screen");
  await form.getByRole("button", { name: "Make link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Here is the link for “Library screen”." })).toBeVisible();
  const field = page.getByLabel("Noticeboard link");
  await expect(field).toBeFocused();
  const first = await field.inputValue();
  expect(first).toMatch(NOTICEBOARD_URL);
  await expect(page.getByRole("listitem").filter({ hasText: "Library screen" })).toContainText(
    "Everyone · all time · Year 7–11 peer mentoring",
  );
  await expectNoAxeViolations(page, "/coordinator/noticeboards with a new link");

  // A classroom screen: a browser with no cookies, reduced motion asked for, a clock the test moves.
  const screen = await browser.newContext({ reducedMotion: "reduce" });
  expect(await screen.cookies()).toEqual([]);
  const board = await screen.newPage();
  await board.clock.install();
  const refreshes = countRefreshes(board);
  const response = await board.goto(first);
  expect(response?.status()).toBe(200);
  expect(new URL(board.url()).pathname, "not sent to sign in").toBe(new URL(first).pathname);
  expect(response?.headers()["cache-control"]).toMatch(/\bprivate\b/);
  expect(response?.headers()["cache-control"]).toMatch(/\bno-store\b/);
  expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(board.getByRole("heading", { level: 1, name: "Year 7–11 peer mentoring" })).toBeVisible();
  await expect(board.getByText("All time", { exact: true })).toBeVisible();

  const rows = await boardRows(board);
  expect(rows[0]).toEqual(["1", `${maya.name} First place`, "6"]);
  for (const [place, , points] of rows) {
    expect(place).toMatch(/^\d+$/);
    expect(points, "no figure below zero").toMatch(/^[1-9]\d*$/);
  }
  expect(rows.map((r) => r[1])).toContain(`${ella.name}`);
  expect(rows.find((r) => r[1] === ella.name)?.[2], "Ella shows the points she earned").toBe(String(ella.earned));
  await expect(board.locator("main")).not.toContainText(kofi.name);
  await expect(board.locator("main")).not.toContainText(kofi.firstName);
  await expect(board.locator("main")).not.toContainText(/[-−]\s*\d/);
  await expect(board.getByTestId("rosette")).toHaveCount(1);
  expect(await board.evaluate(() => document.getAnimations().length), "no animation at all").toBe(0);
  expect(await board.evaluate(() => matchMedia("(prefers-reduced-motion: reduce)").matches)).toBe(true);
  await expectNoAxeViolations(board, "the noticeboard");

  // A new award (written with the factory) shows after a minute, without anyone touching the screen.
  await createPointEntry(db, {
    schoolId,
    programmeId: seeded.programme.id,
    studentId: grace.id,
    awardedById: seeded.staff.teacher,
    amount: 10,
    category: "Kindness",
    reason: "Ran the book swap",
  });
  await board.clock.fastForward(30_000);
  await board.waitForTimeout(500);
  expect((await boardRows(board))[0], "not before the minute is up").toEqual(["1", `${maya.name} First place`, "6"]);
  expect(refreshes()).toBe(0);
  await board.clock.fastForward(30_000);
  await expect.poll(async () => (await boardRows(board))[0]).toEqual(["1", `${grace.name} First place`, String(grace.earned + 10)]);
  expect(refreshes()).toBe(1);
  expect(await board.evaluate(() => document.getAnimations().length)).toBe(0);

  // Hidden (another tab in front), the screen asks for nothing; shown again, it refreshes at once.
  await board.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  await board.clock.fastForward(60_000);
  await board.clock.fastForward(60_000);
  await board.waitForTimeout(500);
  expect(refreshes(), "no refresh while hidden").toBe(1);
  await board.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "visible" });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  await expect.poll(refreshes).toBe(2);

  // Replaced: the old address stops at once; the screen opens the new one.
  const row = page.getByRole("listitem").filter({ hasText: "Library screen" });
  await row.getByRole("button", { name: "Replace the link for Library screen…" }).click();
  const replace = page.getByRole("dialog", { name: "Replace the link for Library screen?" });
  await expect(replace).toContainText("The address the screen uses now stops working.");
  await expectNoAxeViolations(page, "the replace dialog");
  await replace.getByRole("button", { name: "Replace link", exact: true }).click();
  await expect(replace).toBeHidden();
  await expect(
    page.getByRole("status").filter({ hasText: "Here is the new link for “Library screen”. The old one has stopped working." }),
  ).toBeVisible();
  const second = await page.getByLabel("Noticeboard link").inputValue();
  expect(second).toMatch(NOTICEBOARD_URL);
  expect(second).not.toBe(first);
  expect((await request.get(first)).status()).toBe(404);
  expect((await request.get(second)).status()).toBe(200);
  await board.goto(second);
  await expect(board.getByRole("heading", { level: 1, name: "Year 7–11 peer mentoring" })).toBeVisible();

  // Turning it off: Cancel keeps it working; confirming turns it off, and the screen stops within a minute.
  const opener = row.getByRole("button", { name: "Turn off the link for Library screen…" });
  await opener.click();
  const dialog = page.getByRole("dialog", { name: "Turn off the link for Library screen?" });
  await expect(dialog).toContainText("The screen that uses it stops showing the board within a minute.");
  await expectNoAxeViolations(page, "the turn-off dialog");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  expect((await request.get(second)).status()).toBe(200);

  await opener.click();
  await dialog.getByRole("button", { name: "Turn off", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("toast")).toContainText("The link for “Library screen” is turned off.");
  await expect(page.getByRole("heading", { level: 2, name: /^Your screens/ })).toBeFocused();
  await expect(row).toContainText("Turned off");
  await expect(page.getByLabel("Noticeboard link"), "the turned-off address is not left on show").toHaveCount(0);
  await expect(row.getByRole("button", { name: "Turn on Library screen with a new link" })).toBeVisible();
  const row2 = await db.noticeboardLink.findFirstOrThrow({ where: { schoolId, label: "Library screen" } });
  expect(row2).toMatchObject({ tokenHash: null, revokedAt: expect.any(Date) });
  await expectNoAxeViolations(page, "/coordinator/noticeboards after turning the link off");

  await board.clock.fastForward(60_000);
  await expect(board.getByRole("heading", { level: 1, name: "We could not find that page" })).toBeVisible();
  const gone = await board.goto(second);
  expect(gone?.status()).toBe(404);
  await expect(board.getByRole("heading", { level: 1, name: "We could not find that page" })).toBeVisible();
  await expect(board.locator("body")).not.toContainText(maya.name);
  await screen.close();
});
