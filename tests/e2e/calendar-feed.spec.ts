// A mentor's calendar link (ADR 017): made on /account/calendar, fetched with no cookies as a
// calendar app would, replaced (the old link stops at once) and turned off through the confirm
// dialog (cancel first), after which the address is a 404. A teacher's link shows only the pairing
// they supervise. axe on every state of the page.
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";
import { seedSchool } from "./support/seed";
import { setPairingSlotRow } from "@/server/factories";

const FEED_URL = /^http:\/\/[^/]+\/feeds\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]{43}\.ics$/;

test("a mentor makes a calendar link, fetches it, replaces it and turns it off", async ({ page, db, request, context }) => {
  const seeded = await seedSchool(db, { label: "Calendar feed", history: false });
  const schoolId = seeded.school.id;
  await setPairingSlotRow(db, { schoolId, pairingId: seeded.pairings.samMaya, weekday: 3, place: "Library" });
  await setPairingSlotRow(db, {
    schoolId,
    pairingId: seeded.pairings.raviLeo,
    weekday: 4,
    slotKey: "BREAK",
    place: "Room 4",
    supervisorId: seeded.staff.teacher,
  });

  await signInAs(page, seeded.accounts.mentor);
  await page.getByRole("link", { name: "Put your sessions in your phone's calendar" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Calendar link" })).toBeVisible();
  await expect(page.getByText("You do not have a link yet.")).toBeVisible();
  await expectNoAxeViolations(page, "/account/calendar with no link");

  // Made: shown once, focused and selected for copying.
  await page.getByRole("button", { name: "Make my link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Here is your link." })).toBeVisible();
  const field = page.getByLabel("Your calendar link");
  await expect(field).toBeFocused();
  const first = await field.inputValue();
  expect(first).toMatch(FEED_URL);
  await expect(page.getByRole("link", { name: "Add to this phone's calendar" })).toHaveAttribute(
    "href",
    first.replace(/^http:/, "webcal:"),
  );
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByText("Copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);
  await expectNoAxeViolations(page, "/account/calendar with a new link");

  // Fetched with no cookies, as a calendar app: the mentor's own pairing, titled and placed only.
  const response = await request.get(first);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(response.headers()["cache-control"]).toMatch(/^private\b/);
  const body = await response.text();
  expect(body).toContain("SUMMARY:Mentoring");
  expect(body).toContain("LOCATION:Library");
  expect(body).toMatch(/DTSTART;TZID=Europe\/London:\d{8}T123000/);
  expect(body).toMatch(/RRULE:FREQ=WEEKLY;UNTIL=\d{8}T\d{6}Z/);
  for (const word of ["Room 4", "Sam", "Maya", "Okoro", "Patel", seeded.school.name]) expect(body).not.toContain(word);

  // After a reload the link is not shown again; a new one, once confirmed, replaces it.
  await page.reload();
  await expect(page.getByText(/^You made your link on /)).toBeVisible();
  await expect(page.getByLabel("Your calendar link")).toHaveCount(0);
  await page.getByRole("button", { name: "Make a new link…" }).click();
  const remake = page.getByRole("dialog", { name: "Make a new link?" });
  await expect(remake).toContainText("The link you have now will stop working");
  await expectNoAxeViolations(page, "the make-a-new-link dialog");
  await remake.getByRole("button", { name: "Make a new link", exact: true }).click();
  await expect(remake).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Here is your new link. The old one has stopped working." })).toBeVisible();
  const second = await page.getByLabel("Your calendar link").inputValue();
  expect(second).toMatch(FEED_URL);
  expect(second).not.toBe(first);
  expect((await request.get(first)).status()).toBe(404);
  expect((await request.get(second)).status()).toBe(200);

  // Turning it off: Cancel keeps it working; confirming turns it off.
  const opener = page.getByRole("button", { name: "Turn off my link…" });
  await opener.click();
  const dialog = page.getByRole("dialog", { name: "Turn off your calendar link?" });
  await expect(dialog).toContainText("Calendars that use it will stop showing your sessions.");
  await expectNoAxeViolations(page, "the turn-off dialog");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  expect((await request.get(second)).status()).toBe(200);

  await opener.click();
  await dialog.getByRole("button", { name: "Turn off my link", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("toast")).toContainText("Your link is turned off.");
  await expect(page.getByRole("heading", { level: 2, name: "Your link" })).toBeFocused();
  await expect(page.getByText("You do not have a link yet.")).toBeVisible();
  await expect(page.getByLabel("Your calendar link")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Make my link" })).toBeVisible();
  const gone = await request.get(second);
  expect(gone.status()).toBe(404);
  expect(await gone.text()).not.toContain("BEGIN:VCALENDAR");
  const row = await db.calendarFeed.findFirstOrThrow({ where: { schoolId, tokenHash: null } });
  expect(row.revokedAt).not.toBeNull();
  await expectNoAxeViolations(page, "/account/calendar after turning the link off");
});

test("a teacher's link shows only the pairing they supervise", async ({ page, db, request }) => {
  const seeded = await seedSchool(db, { label: "Calendar feed staff", history: false });
  const schoolId = seeded.school.id;
  await setPairingSlotRow(db, { schoolId, pairingId: seeded.pairings.samMaya, weekday: 3, place: "Library" });
  await setPairingSlotRow(db, {
    schoolId,
    pairingId: seeded.pairings.raviLeo,
    weekday: 4,
    slotKey: "BREAK",
    place: "Room 4",
    supervisorId: seeded.staff.teacher,
  });
  await signInAs(page, seeded.accounts.teacher);
  await page.getByRole("link", { name: "Calendar link for the pairings you supervise" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Calendar link" })).toBeVisible();
  await page.getByRole("button", { name: "Make my link" }).click();
  const url = await page.getByLabel("Your calendar link").inputValue();
  const body = await (await request.get(url)).text();
  expect(body).toContain("LOCATION:Room 4");
  expect(body).toMatch(/DTSTART;TZID=Europe\/London:\d{8}T104000/);
  expect(body).not.toContain("Library");
  for (const word of ["Ravi", "Leo", "Evans", "Jones"]) expect(body).not.toContain(word);
  await expectNoAxeViolations(page, "/account/calendar as a teacher with a new link");
});
