// The coordinator runs the matching suggestions, reads why a match is suggested, accepts one, and
// both pupils see their trial pairing. A keep-apart pair is never suggested, and pairing it by
// hand is refused.
import { escapeRegExp, expect, expectNoAxeViolations, signInAs, test } from "./fixtures";
import { seedSchool } from "./support/seed";

test("suggestions explain themselves, honour keep-apart, and an accepted one becomes a trial both pupils see", async ({
  page,
  browser,
  db,
}) => {
  const seeded = await seedSchool(db, { label: "Matching", keepApart: true, rankings: true });
  const { nia: waitingMentee, kofi: freeMentor, sam, theo } = seeded.pupils;
  const keptApart = { mentor: sam.name, mentee: theo.name };

  await signInAs(page, seeded.accounts.coordinator);
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

  // The keep-apart pair: never suggested, and the mentor is not even offered for a swap. Sam has
  // room and shares a free time with Theo, so only the keep-apart rule can be keeping them apart.
  for (const text of await suggestions.allTextContents()) {
    expect(text.includes(`${keptApart.mentee} Year`) && text.includes(`with ${keptApart.mentor}`)).toBe(false);
  }
  const theoRow = suggestions.filter({ hasText: `${keptApart.mentee} Year` });
  await expect(theoRow, "Theo can be matched with another mentor").toHaveCount(1);
  const theoOptions = await theoRow.getByLabel(`Mentor for ${keptApart.mentee}`).locator("option").allTextContents();
  expect(theoOptions.some((o) => o.startsWith(keptApart.mentor))).toBe(false);

  // Accept Nia's match with Kofi (choosing him if another mentor was suggested).
  const mentorFor = niaRow.getByLabel(`Mentor for ${waitingMentee.name}`);
  await mentorFor.selectOption({ label: (await mentorFor.locator("option", { hasText: freeMentor.name }).textContent())!.trim() });
  await niaRow.getByRole("button", { name: "Accept" }).click();
  // Nia is no longer waiting, so her suggestion goes, and the pairing shows as a trial.
  await expect(suggestions.filter({ hasText: `${waitingMentee.name} Year 7 with` })).toHaveCount(0);
  await page.getByRole("link", { name: "Programme", exact: true }).click();
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
    .getByRole("checkbox", { name: new RegExp(`^${escapeRegExp(keptApart.mentor)}`) })
    .check();
  await form
    .getByRole("group", { name: "Mentee(s)" })
    .getByRole("checkbox", { name: new RegExp(`^${escapeRegExp(keptApart.mentee)}`) })
    .check();
  await form.getByRole("button", { name: "Create pairing" }).click();
  await expect(form.getByRole("alert").first()).toContainText("must be kept apart");
  await expectNoAxeViolations(page, "/coordinator after a refused pairing");

  // Both pupils see the new trial pairing.
  for (const [account, expectText] of [
    [seeded.accounts.waitingMentee, [freeMentor.firstName, "trying this out"]],
    [seeded.accounts.freeMentor, [waitingMentee.firstName, "This is a trial"]],
  ] as const) {
    const context = await browser.newContext();
    const pupilPage = await context.newPage();
    await signInAs(pupilPage, account);
    for (const text of expectText) await expect(pupilPage.getByRole("main")).toContainText(text);
    await expectNoAxeViolations(pupilPage);
    await context.close();
  }
});
