// A mentee answers her check-in on a phone with the keyboard alone, one question per screen; a send
// the server refuses loses nothing; the coordinator reads the answer on the pairing's page; her
// mentor never sees it. axe on every step.
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, scrollsSideways, signInAs, test } from "./fixtures";
import { seedSchool } from "./support/seed";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

const SENTENCE = "We laughed a lot at the poster we made.";

/** What has the keyboard focus: its tag, type, name and text. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? "",
      type: el?.type ?? "",
      name: el?.name ?? "",
      text: (el?.textContent ?? "").replace(/\s+/g, " ").trim(),
      hasVisibleFocus: el ? el.matches(":focus-visible") || getComputedStyle(el).outlineStyle !== "none" : false,
    };
  });
}

/** Presses Tab (or Shift+Tab) until the focused element matches; every stop must show its focus. */
async function tabTo(page: Page, matches: (f: Awaited<ReturnType<typeof focused>>) => boolean, what: string, backwards = false) {
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    const now = await focused(page);
    if (now.tag !== "body") expect.soft(now.hasVisibleFocus, `${now.tag} ${now.text.slice(0, 30)} shows its focus`).toBe(true);
    if (matches(now)) return;
  }
  throw new Error(`Could not reach ${what} with the keyboard`);
}

test("a mentee answers her check-in with the keyboard, one question per screen; the coordinator reads it and her mentor does not", async ({
  page,
  browser,
  db,
}) => {
  const seeded = await seedSchool(db, { label: "Check-ins", history: false });
  const pairingId = seeded.pairings.samMaya;
  const { maya, sam } = seeded.pupils;

  // Her page says a check-in is ready (the pairing started six weeks ago; one comes every four weeks).
  await signInAs(page, seeded.accounts.mentee);
  const prompt = page.getByRole("region", { name: "Your check-in is ready — 2 questions" });
  await expect(prompt).toBeVisible();
  await expectNoAxeViolations(page, "/student with a check-in ready");

  await tabTo(page, (f) => f.tag === "a" && f.text === "Start your check-in", "the “Start your check-in” link");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/student/check-in/${pairingId}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Your check-in" })).toBeVisible();
  await expect(page.getByText(`About mentoring with ${sam.firstName}`)).toBeVisible();
  await expect(page.getByText("Question 1 of 2")).toBeVisible();
  const first = page.getByRole("heading", { level: 2, name: "How is mentoring going?" });
  const second = page.getByRole("heading", { level: 2, name: "Is there anything you want to tell us? (optional)" });
  await expect(first).toBeVisible();
  await expect(second).toBeHidden();
  await expectNoAxeViolations(page, "the check-in, question 1");
  expect(await scrollsSideways(page), "the check-in fits a phone without sideways scrolling").toBe(false);

  // Each point is a radio button read out as its number and words; the face is decoration.
  const scale = page.getByRole("group", { name: "How is mentoring going?" });
  for (const name of ["1, really not good", "2, not so good", "3, okay", "4, good", "5, really good"])
    await expect(scale.getByRole("radio", { name })).toBeVisible();

  // Next without an answer: the question says what to do, and the focus goes to the scale.
  await tabTo(page, (f) => f.tag === "button" && f.text === "Next", "the “Next” button");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Choose how mentoring is going, from 1 to 5.")).toBeVisible();
  await expect(scale.getByRole("radio", { name: "1, really not good" })).toBeFocused();
  await expectNoAxeViolations(page, "the check-in, question 1 unanswered");

  // Space chooses the focused point; the arrow keys move along the scale.
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowDown");
  await expect(scale.getByRole("radio", { name: "2, not so good" })).toBeChecked();
  await expect(page.getByText("Choose how mentoring is going, from 1 to 5.")).toBeHidden();

  // Next moves on; the focus is on the new question.
  await tabTo(page, (f) => f.tag === "button" && f.text === "Next", "the “Next” button");
  await page.keyboard.press("Enter");
  await expect(second).toBeVisible();
  await expect(second).toBeFocused();
  await expect(first).toBeHidden();
  await expect(page.getByText("Question 2 of 2")).toBeVisible();
  await expectNoAxeViolations(page, "the check-in, question 2");

  await tabTo(page, (f) => f.tag === "textarea", "the sentence box");
  await page.keyboard.type(SENTENCE);

  // Back keeps both answers.
  await tabTo(page, (f) => f.tag === "button" && f.text === "Back", "the “Back” button");
  await page.keyboard.press("Enter");
  await expect(first).toBeFocused();
  await expect(scale.getByRole("radio", { name: "2, not so good" })).toBeChecked();
  await tabTo(page, (f) => f.tag === "button" && f.text === "Next", "the “Next” button");
  await page.keyboard.press("Enter");
  await expect(second).toBeFocused();
  await expect(page.getByLabel("Is there anything you want to tell us? (optional)")).toHaveValue(SENTENCE);

  // The coordinator pauses the pairing meanwhile: the send is refused and nothing typed is lost.
  await db.pairing.update({ where: { schoolId_id: { schoolId: seeded.school.id, id: pairingId } }, data: { status: "PAUSED" } });
  await tabTo(page, (f) => f.tag === "button" && f.text === "Send", "the “Send” button");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("form", { name: "Your check-in" }).getByRole("alert")).toHaveText(
    "There is no check-in while mentoring is paused or has ended, so nothing was saved.",
  );
  await expect(page.getByLabel("Is there anything you want to tell us? (optional)")).toHaveValue(SENTENCE);
  await expectNoAxeViolations(page, "the check-in after a refused send");
  await tabTo(page, (f) => f.tag === "button" && f.text === "Back", "the “Back” button", true);
  await page.keyboard.press("Enter");
  await expect(scale.getByRole("radio", { name: "2, not so good" })).toBeChecked();

  // It goes on again, and the same form sends.
  await db.pairing.update({ where: { schoolId_id: { schoolId: seeded.school.id, id: pairingId } }, data: { status: "ACTIVE" } });
  await tabTo(page, (f) => f.tag === "button" && f.text === "Next", "the “Next” button");
  await page.keyboard.press("Enter");
  await tabTo(page, (f) => f.tag === "button" && f.text === "Send", "the “Send” button");
  await page.keyboard.press("Enter");
  // The page now says it is sent; the thanks is announced and the focus is on that heading.
  await expect(page.getByRole("heading", { level: 2, name: "You have sent your check-in" })).toBeFocused();
  await expect(page.getByTestId("toast")).toContainText("Thank you! Your check-in is sent.");
  await expect(page.getByRole("form", { name: "Your check-in" })).toHaveCount(0);
  await expectNoAxeViolations(page, "the check-in once sent");
  expect(await db.questionnaireResponse.count({ where: { pairingId, studentId: maya.id } })).toBe(1);

  // Her page no longer asks.
  await tabTo(page, (f) => f.tag === "a" && f.text === "Back to your page", "the “Back to your page” link", true);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/student$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(prompt).toHaveCount(0);

  // The coordinator reads it on the pairing's page.
  const coordinatorContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const coordinator = await coordinatorContext.newPage();
  await signInAs(coordinator, seeded.accounts.coordinator);
  await coordinator.goto(`/coordinator/pairings/${pairingId}`);
  const card = coordinator.locator("section").filter({ has: coordinator.getByRole("heading", { level: 2, name: "Check-ins" }) });
  await expect(card).toContainText(`Maya Patel (mentee): 2 of 5, not so good`);
  await expect(card).toContainText(SENTENCE);
  await expect(card).toContainText(`Sam Okoro (mentor): not sent`);
  await expectNoAxeViolations(coordinator, "the pairing's page with a check-in");
  await coordinatorContext.close();

  // Her mentor sees his own check-in waiting, and nothing of hers, anywhere he can go.
  const mentorContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const mentor = await mentorContext.newPage();
  await signInAs(mentor, seeded.accounts.mentor);
  await expect(mentor.getByRole("region", { name: "Your check-in is ready — 2 questions" })).toBeVisible();
  await expect(mentor.locator("body")).not.toContainText(SENTENCE);
  await expectNoAxeViolations(mentor, "/mentor with his own check-in ready");
  for (const path of [`/mentor/check-in/${pairingId}`, "/student"]) {
    await mentor.goto(path);
    await expect(mentor.locator("h1").first()).toBeVisible();
    await expect(mentor.locator("body")).not.toContainText(SENTENCE);
    await expect(mentor.locator("body")).not.toContainText("2 of 5");
  }
  await expectNoAxeViolations(mentor, "/student for the mentor");
  const refused = await mentor.goto(`/student/check-in/${pairingId}`);
  expect(refused?.status(), "the mentee's check-in page is not found for her mentor").toBe(404);
  await mentorContext.close();
});
