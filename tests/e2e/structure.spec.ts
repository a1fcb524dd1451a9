// Structure (issue 8) in the browser: the coordinator sets a pairing's regular slot and changes one
// meeting (undo confirmed); a mentor with three pairings picks the right one on a phone and logs a
// group session; the mentee sees the session and its shared note, never a staff-only one; the
// coordinator's to-do changes after a log and after a "no" fit check. axe on every page.
import type { Browser } from "@playwright/test";
import { addDaysIso } from "@/lib/dates";
import { createPairingRow, createSessionRow, setPairingSlotRow } from "@/server/factories";
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";
import { seedSchool, type Account, type Db } from "./support/seed";

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** Kofi (a free mentor with an account) gets three pairings: Nia, Aisha, and a group of Theo and Zara. */
async function kofiWithThree(db: Db, label: string) {
  const s = await seedSchool(db, { label, history: false });
  // No terms or holidays: every weekday is a school day, so "5 school days" does not depend on the date.
  await db.calendarPeriod.deleteMany({ where: { schoolId: s.school.id } });
  const { kofi, nia, aisha, theo, zara } = s.pupils;
  const pair = (menteeIds: string[], name: string | null = null) =>
    createPairingRow(db, {
      schoolId: s.school.id,
      programmeId: s.programme.id,
      createdById: s.staff.coordinator,
      mentorIds: [kofi.id],
      menteeIds,
      name,
      status: "ACTIVE",
      startsOn: addDaysIso(s.today, -14),
    });
  const withNia = await pair([nia.id]);
  const withAisha = await pair([aisha.id]);
  const group = await pair([theo.id, zara.id], "Wednesday readers");
  for (const [p, weekday] of [
    [withNia, 1],
    [withAisha, 2],
    [group, 3],
  ] as const) {
    await setPairingSlotRow(db, { schoolId: s.school.id, pairingId: p.id, weekday, from: s.today });
  }
  return { s, withNia, withAisha, group };
}

async function openAs(browser: Browser, account: Account, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await signInAs(page, account);
  return { page, context };
}

test("the coordinator sets a pairing's regular slot, cancels one meeting and undoes it after confirming", async ({ page, db }) => {
  const s = await seedSchool(db, { label: "Slot" });
  await signInAs(page, s.accounts.coordinator);
  await page.goto(`/coordinator/pairings/${s.pairings.samMaya}`);
  const form = page.getByRole("form", { name: "Regular slot" });
  await form.getByLabel("Day", { exact: true }).selectOption({ label: "Thursday" });
  await form.getByLabel("Time of day").selectOption({ label: "Break (10:40 to 11:00)" });
  await form.getByLabel("Place").fill("Room 12");
  await form.getByRole("button", { name: "Save regular slot" }).click();
  await expect(form.getByRole("status")).toHaveText("Regular slot saved: every Thursday, break, in Room 12.");
  const upcoming = page.locator("section").filter({ has: page.getByRole("heading", { name: "Coming up" }) });
  await expect(upcoming.getByRole("listitem").first()).toContainText(/Break, 10:40 to 11:00 · Room 12/);
  await expectNoAxeViolations(page, "the pairing page with its slot");

  await upcoming
    .getByRole("link", { name: /^Move or cancel the meeting on / })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Move or cancel a meeting" })).toBeVisible();
  await expectNoAxeViolations(page, "the move or cancel page");
  const cancel = page.getByRole("form", { name: "Cancel this meeting" });
  await cancel.getByLabel("Why").fill("Year 10 exams");
  await cancel.getByRole("button", { name: "Cancel this meeting" }).click();
  // The page now says the meeting is cancelled, and leads back to the pairing to undo it.
  await expect(page.getByText("This meeting is cancelled: Year 10 exams.")).toBeVisible();
  await expectNoAxeViolations(page, "a cancelled meeting's page");
  await page.getByRole("link", { name: "Back to the pairing, where you can undo it" }).click();
  const change = upcoming.getByRole("listitem").filter({ hasText: "cancelled" });
  await expect(change).toContainText("Year 10 exams");
  // Undo asks first: cancelling the dialog keeps the change.
  await change.getByRole("button", { name: /^Undo the change to / }).click();
  const dialog = page.getByRole("dialog", { name: "Undo this change?" });
  await expect(dialog).toContainText("goes back to its usual day, time and place");
  await expectNoAxeViolations(page, "the undo dialog");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(change).toBeVisible();
  expect(await db.occurrenceException.count({ where: { pairingId: s.pairings.samMaya } })).toBe(1);
  await change.getByRole("button", { name: /^Undo the change to / }).click();
  await page.getByRole("dialog", { name: "Undo this change?" }).getByRole("button", { name: "Undo" }).click();
  await expect(upcoming.getByRole("listitem").filter({ hasText: "cancelled" })).toHaveCount(0);
  expect(await db.occurrenceException.count({ where: { pairingId: s.pairings.samMaya } })).toBe(0);
});

test("a mentor with three pairings picks the group on a phone and logs its session; the mentee sees shared notes only", async ({
  browser,
  db,
}) => {
  const { s, withNia } = await kofiWithThree(db, "Three mentees");
  const { theo, zara, nia } = s.pupils;
  const { page } = await openAs(browser, s.accounts.freeMentor, PHONE);
  // No single "log" button: each pairing has its own.
  await expect(page.getByRole("link", { name: "Log this week's session", exact: true })).toHaveCount(0);
  await expectNoAxeViolations(page, "the home of a mentor with three pairings");
  await page
    .getByRole("link", {
      name: new RegExp(`^Log this week's session with (${theo.firstName}, ${zara.firstName}|${zara.firstName}, ${theo.firstName})$`),
    })
    .click();
  const form = page.getByRole("form", { name: "Log a session" });
  await expect(form.getByRole("group", { name: `Did ${theo.firstName} come?` })).toBeVisible();
  await form
    .getByRole("group", { name: `Did ${zara.firstName} come?` })
    .getByRole("radio", { name: "Did not come" })
    .check();
  await form
    .getByRole("group", { name: `How did ${theo.firstName} seem? (optional)` })
    .getByRole("radio", { name: "4, good" })
    .check();
  await form.getByRole("group", { name: "Did this feel like a good match?" }).getByRole("radio", { name: "Yes", exact: true }).check();
  await form.getByLabel("Notes (optional)").fill("We read the first chapter together.");
  await form.getByRole("radio", { name: "Share with the group's mentees" }).check();
  await expectNoAxeViolations(page, "the group's log form on a phone");
  await form.getByRole("button", { name: "Save session" }).click();
  await expect(form.getByRole("status")).toHaveText("Session saved. Thank you!");
  const group = await db.pairing.findFirstOrThrow({
    where: { name: "Wednesday readers", schoolId: s.school.id },
    include: { sessions: { include: { attendances: true } } },
  });
  expect(group.sessions).toHaveLength(1);
  expect(group.sessions[0]!.attendances.map((a) => [a.studentId, a.attendance]).sort()).toEqual(
    [
      [theo.id, "PRESENT"],
      [zara.id, "ABSENT"],
    ].sort(),
  );

  // Nia's pairing: one session with a shared note (logged by Kofi) and one with a staff-only note.
  await createSessionRow(db, {
    schoolId: s.school.id,
    pairingId: withNia.id,
    loggedById: s.staff.coordinator,
    heldOn: addDaysIso(s.today, -2),
    notes: "STAFF ONLY: worried about home",
    pupils: [{ studentId: nia.id }],
  });
  const shared = await createSessionRow(db, {
    schoolId: s.school.id,
    pairingId: withNia.id,
    loggedById: s.staff.coordinator,
    heldOn: addDaysIso(s.today, -1),
    notes: "Great reading today!",
    pupils: [{ studentId: nia.id }],
  });
  await db.mentoringSession.update({
    where: { schoolId_id: { schoolId: s.school.id, id: shared.id } },
    data: { noteVisibility: "SHARED" },
  });
  const mentee = await openAs(browser, s.accounts.waitingMentee, PHONE);
  const sessions = mentee.page.locator("section").filter({ has: mentee.page.getByRole("heading", { name: "Your sessions" }) });
  await expect(sessions).toContainText("Your mentor wrote: Great reading today!");
  await expect(mentee.page.getByText("STAFF ONLY", { exact: false })).toHaveCount(0);
  await expect(sessions.getByRole("listitem")).toHaveCount(2);
  await expectNoAxeViolations(mentee.page, "the mentee's page with her sessions");
});

test("the coordinator's to-do changes after the first log, and after a 'no' fit check", async ({ browser, db }) => {
  const { s, withAisha } = await kofiWithThree(db, "To-do");
  const coordinator = await openAs(browser, s.accounts.coordinator);
  const todo = coordinator.page.locator("section").filter({ has: coordinator.page.getByRole("heading", { name: /^To do \(/ }) });
  const aishaRow = () =>
    todo.getByRole("listitem").filter({ has: coordinator.page.locator(`a[href="/coordinator/pairings/${withAisha.id}"]`) });
  await expect(aishaRow()).toContainText("No session yet since the match");
  await expectNoAxeViolations(coordinator.page, "the coordinator's to-do");

  const mentor = await openAs(browser, s.accounts.freeMentor, PHONE);
  await mentor.page.getByRole("link", { name: `Log this week's session with ${s.pupils.aisha.firstName}`, exact: true }).click();
  const form = mentor.page.getByRole("form", { name: "Log a session" });
  await form.getByRole("group", { name: "Did this feel like a good match?" }).getByRole("radio", { name: "No", exact: true }).check();
  await form.getByLabel("Say a sentence about it (optional)").fill("We did not talk much.");
  await form.getByRole("button", { name: "Save session" }).click();
  await expect(form.getByRole("status")).toHaveText("Session saved. Thank you!");

  await coordinator.page.reload();
  await expect(aishaRow()).not.toContainText("No session yet since the match");
  await expect(aishaRow()).toContainText("At the first session the mentor said “no” to a good match.");
  // Set aside with a note: it leaves the list until something changes.
  await aishaRow().getByText("Set aside with a note").click();
  await aishaRow().getByLabel("Why it can wait").fill("Talked to both; trying one more week.");
  await aishaRow().getByRole("button", { name: "Set aside" }).click();
  await expect(
    todo.getByRole("list", { name: "Pairings that need action" }).locator(`a[href="/coordinator/pairings/${withAisha.id}"]`),
  ).toHaveCount(0);
  await expect(todo.getByText("Set aside (1)")).toBeVisible();
  await expectNoAxeViolations(coordinator.page, "the to-do after setting a row aside");
});
