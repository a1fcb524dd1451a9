// "I don't want to meet my mentor for now" (ADR 022): a mentee on her phone pauses through the real
// confirm dialog (Cancel first, which sends nothing) and sees "Paused for now"; her mentor sees only
// that; the coordinator is told, reads who, when and why on the pairing's page, and resumes it through
// its confirm dialog. The coordinator's own pause asks for a reason, through its dialog too. axe on
// every page and dialog.
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";
import { seedSchool } from "./support/seed";

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
test.use(PHONE);

const REASON = "I have too much homework this half-term.";

const card = (page: Page, title: string) => page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: title }) });

test("a mentee pauses her meetings on her phone; her mentor sees only that; the coordinator reads why and resumes it", async ({
  page,
  browser,
  db,
}) => {
  const seeded = await seedSchool(db, { label: "Pause", history: false });
  const pairingId = seeded.pairings.samMaya;

  // Maya's page: the control is folded away under its own words.
  await signInAs(page, seeded.accounts.mentee);
  const mentorCard = card(page, "Your mentor");
  await mentorCard.getByText("I don't want to meet my mentor for now").tap();
  await expect(mentorCard.getByText("You do not have to say why.")).toBeVisible();
  await expectNoAxeViolations(page, "/student with the pause control open");

  // Cancel sends nothing.
  await mentorCard.getByRole("button", { name: "Pause my meetings…" }).tap();
  const dialog = page.getByRole("dialog", { name: "Pause your meetings?" });
  await expect(dialog).toContainText(
    "Your meetings stop for now. Your mentor will only see that mentoring is paused. The programme lead will check in with you.",
  );
  await expectNoAxeViolations(page, "the “Pause your meetings?” dialog");
  await dialog.getByRole("button", { name: "Cancel" }).tap();
  await expect(dialog).toBeHidden();
  expect(await db.pause.count({ where: { pairingId } })).toBe(0);

  // With a reason, confirmed.
  await mentorCard.getByLabel("Do you want to tell the programme lead why? (optional)").fill(REASON);
  await mentorCard.getByRole("button", { name: "Pause my meetings…" }).tap();
  await dialog.getByRole("button", { name: "Pause my meetings", exact: true }).tap();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("toast")).toContainText("Your meetings are paused for now. The programme lead will check in with you.");
  await expect(mentorCard).toContainText("Paused for now");
  await expect(mentorCard).toContainText("To start meeting again, talk to the programme lead.");
  await expect(card(page, "Next time you meet")).toContainText("Paused for now.");
  await expect(mentorCard.getByText("I don't want to meet my mentor for now")).toHaveCount(0);
  await expectNoAxeViolations(page, "/student once paused");
  expect(await db.pause.findFirstOrThrow({ where: { pairingId } })).toMatchObject({ source: "MENTEE", reason: REASON, endedAt: null });
  expect(await db.pairing.findFirstOrThrow({ where: { id: pairingId } })).toMatchObject({ status: "PAUSED" });

  // Sam sees only "Paused for now": never why, nor who asked, and nothing to log.
  const mentorContext = await browser.newContext(PHONE);
  const mentor = await mentorContext.newPage();
  await signInAs(mentor, seeded.accounts.mentor);
  const mentee = card(mentor, "Your mentee");
  await expect(mentee).toContainText("Paused for now.");
  await expect(mentor.locator("body")).not.toContainText(REASON);
  await expect(mentor.locator("body")).not.toContainText(/asked|homework/i);
  await expect(mentor.getByRole("link", { name: /Log this week/ })).toHaveCount(0);
  await expectNoAxeViolations(mentor, "/mentor with the pairing paused");
  await mentorContext.close();

  // The coordinator is told, follows the notification to the pairing, reads who, when and why.
  const coordinatorContext = await browser.newContext(PHONE);
  const coordinator = await coordinatorContext.newPage();
  await signInAs(coordinator, seeded.accounts.coordinator);
  await coordinator.getByRole("link", { name: "Notifications, 1 unread" }).tap();
  await coordinator.getByRole("button", { name: "A mentee has asked to pause their mentoring for now." }).tap();
  await coordinator.waitForURL((url) => url.pathname === `/coordinator/pairings/${pairingId}`);
  const pauses = card(coordinator, "Pauses");
  await expect(pauses).toContainText("The whole pairing is paused");
  await expect(pauses).toContainText("by Maya Patel · the mentee asked");
  await expect(pauses).toContainText(`Why: ${REASON}`);
  await expect(coordinator.locator("main header")).toContainText("Paused");
  await expectNoAxeViolations(coordinator, "the pairing's page with the mentee's pause");

  // Resume, through its dialog.
  await pauses.getByRole("button", { name: "Resume the pairing…" }).tap();
  const resume = coordinator.getByRole("dialog", { name: "Resume this pairing?" });
  await expect(resume).toBeVisible();
  await expectNoAxeViolations(coordinator, "the “Resume this pairing?” dialog");
  await resume.getByRole("button", { name: "Resume", exact: true }).tap();
  await expect(resume).toBeHidden();
  await expect(coordinator.getByTestId("toast")).toContainText("Resumed. The pairing is active again.");
  await expect(pauses).toContainText("Not paused.");
  await expect(coordinator.locator("main header")).toContainText("Active");
  await expectNoAxeViolations(coordinator, "the pairing's page after resuming");
  await coordinatorContext.close();
  const ended = await db.pause.findFirstOrThrow({ where: { pairingId } });
  expect(ended.endedAt).not.toBeNull();
  expect(ended.endedById).toBe(seeded.staff.coordinator);
  expect(await db.pairing.findFirstOrThrow({ where: { id: pairingId } })).toMatchObject({ status: "ACTIVE" });

  // Maya's page is back to her next meeting, and she could pause again.
  await page.reload();
  await expect(card(page, "Next time you meet")).not.toContainText("Paused for now");
  await expect(mentorCard.getByText("I don't want to meet my mentor for now")).toBeVisible();
});

test("the coordinator pauses a pairing through its confirm dialog, and is told to say why first", async ({ page, db }) => {
  const seeded = await seedSchool(db, { label: "Pause by staff", history: false });
  const pairingId = seeded.pairings.raviLeo;
  await signInAs(page, seeded.accounts.coordinator);
  await page.goto(`/coordinator/pairings/${pairingId}`);
  const pauses = card(page, "Pauses");
  await expect(pauses).toContainText("Not paused.");
  // The status form no longer pauses without a reason.
  await expect(page.getByLabel("New status").locator("option")).toHaveText(["Ended"]);

  const dialog = page.getByRole("dialog", { name: "Pause now?" });
  await pauses.getByRole("button", { name: "Pause…" }).tap();
  await dialog.getByRole("button", { name: "Pause", exact: true }).tap();
  await expect(pauses.getByRole("alert")).toHaveText("Please check the highlighted fields.");
  await expect(pauses.getByText("Say why you are pausing it.")).toBeVisible();
  expect(await db.pause.count({ where: { pairingId } })).toBe(0);

  await pauses.getByLabel("Why is it pausing?").fill("Leo has exams this fortnight.");
  await pauses.getByRole("button", { name: "Pause…" }).tap();
  await expect(dialog).toContainText("The pupils see only that mentoring is paused for now, never why.");
  await expectNoAxeViolations(page, "the “Pause now?” dialog");
  await dialog.getByRole("button", { name: "Pause", exact: true }).tap();
  await expect(page.getByTestId("toast")).toContainText("Paused. No meetings are planned until you resume it.");
  await expect(pauses).toContainText("The whole pairing is paused");
  await expect(pauses).toContainText("paused by staff");
  await expect(pauses).toContainText("Why: Leo has exams this fortnight.");
  await expect(page.locator("main header")).toContainText("Paused");
  await expectNoAxeViolations(page, "the pairing's page paused by staff");
  expect(await db.pause.findFirstOrThrow({ where: { pairingId } })).toMatchObject({
    source: "COORDINATOR",
    pausedById: seeded.staff.coordinator,
  });
});
