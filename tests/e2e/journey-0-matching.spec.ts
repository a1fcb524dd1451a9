// The coordinator runs the matching suggestions, reads why a match is suggested, accepts one, and
// both pupils see their trial pairing. A keep-apart pair is never suggested, and pairing it by
// hand is refused. Runs first: it relies on the demo's waiting mentees as seeded.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, matchingAccounts, signInAs } from "./fixtures";

const { waitingMentee, freeMentor } = matchingAccounts;
const KEPT_APART = { mentor: "Sam O.", mentee: "Theo B." };

test.describe.configure({ mode: "serial" });

test("suggestions explain themselves, honour keep-apart, and an accepted one becomes a trial both pupils see", async ({
  page,
  browser,
}) => {
  await signInAs(page, "coordinator");
  await page.getByRole("link", { name: "Suggest matches" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Suggest matches" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Every suggestion carries reasons in plain words.
  const suggestions = page.getByTestId("suggestion");
  expect(await suggestions.count()).toBeGreaterThan(0);
  const niaRow = suggestions.filter({ hasText: `${waitingMentee.name} Year 7 with` });
  await expect(niaRow).toHaveCount(1);
  await expect(niaRow.getByRole("list", { name: "Reasons" })).toContainText(
    `${waitingMentee.firstName} ranked ${freeMentor.firstName} first`,
  );
  await expect(niaRow.getByRole("list", { name: "Reasons" })).toContainText(/both free/);

  // The keep-apart pair: never suggested, and the mentor is not even offered for a swap.
  for (const text of await suggestions.allTextContents()) {
    expect(text.includes(`${KEPT_APART.mentee} Year`) && text.includes(`with ${KEPT_APART.mentor}`)).toBe(false);
  }
  const theoRow = suggestions.filter({ hasText: `${KEPT_APART.mentee} Year` });
  if ((await theoRow.count()) > 0) {
    const options = await theoRow.getByLabel(`Mentor for ${KEPT_APART.mentee}`).locator("option").allTextContents();
    expect(options.some((o) => o.startsWith(KEPT_APART.mentor))).toBe(false);
  }

  // Accept Nia's match with Kofi (choosing him if another mentor was suggested).
  await niaRow.getByLabel(`Mentor for ${waitingMentee.name}`).selectOption({
    label: (await niaRow
      .getByLabel(`Mentor for ${waitingMentee.name}`)
      .locator("option", { hasText: freeMentor.name })
      .textContent())!.trim(),
  });
  await niaRow.getByRole("button", { name: "Accept" }).click();
  // Nia is no longer waiting, so her suggestion goes, and the pairing shows as a trial.
  await expect(suggestions.filter({ hasText: `${waitingMentee.name} Year 7 with` })).toHaveCount(0);
  await page.getByRole("link", { name: "Programme" }).click();
  const table = page.getByRole("table", { name: "Pairings and groups" });
  await expect(
    table
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: freeMentor.name, exact: true }) })
      .filter({ hasText: waitingMentee.name })
      .filter({ hasText: "Trial" }),
  ).toHaveCount(1);

  // Pairing the keep-apart pair by hand is refused, naming the rule.
  const form = page.getByRole("form", { name: "Create a pairing or group" });
  await form
    .getByRole("group", { name: "Mentor(s)" })
    .getByRole("checkbox", { name: new RegExp(`^${KEPT_APART.mentor}`) })
    .check();
  await form
    .getByRole("group", { name: "Mentee(s)" })
    .getByRole("checkbox", { name: new RegExp(`^${KEPT_APART.mentee}`) })
    .check();
  await form.getByRole("button", { name: "Create pairing" }).click();
  await expect(form.getByRole("alert").first()).toContainText("must be kept apart");
  await expectNoAxeViolations(page, "/coordinator after a refused pairing");

  // Both pupils see the new trial pairing.
  for (const [account, expectText] of [
    [waitingMentee, [`${freeMentor.firstName}`, "trying this out"]],
    [freeMentor, [`${waitingMentee.firstName}`, "This is a trial"]],
  ] as const) {
    const context = await browser.newContext();
    const pupilPage = await context.newPage();
    await signInAs(pupilPage, account);
    for (const text of expectText) await expect(pupilPage.getByRole("main")).toContainText(text);
    await expectNoAxeViolations(pupilPage);
    await context.close();
  }
});
