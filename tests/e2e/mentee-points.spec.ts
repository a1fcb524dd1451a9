// A coordinator gives Maya points; she sees them with the coordinator's reason, and her rosette once
// she is first. Nothing on her board tells her which pupil is below zero.
import type { Locator } from "@playwright/test";
import { escapeRegExp, expect, expectNoAxeViolations, signInAs, test } from "./fixtures";
import { seedSchool, type SeededPupil } from "./support/seed";

const AWARD_REASON = "Showed the new Year 7s round on welcome morning";

/**
 * Pupils' boards show the points each pupil earned (ADR 006), so a pupil below zero looks like
 * anyone else: every cell is a whole number of 0 or more, the order follows those numbers, and hers
 * is what she earned.
 */
async function expectBelowZeroLooksLikeAnyoneElse(board: Locator, belowZero: SeededPupil) {
  expect(belowZero.points, `${belowZero.name}'s total is below zero`).toBeLessThan(0);
  const cells = await board
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((row) => (row.querySelector("td:last-child")?.textContent ?? "").trim()));
  expect(cells.length).toBeGreaterThan(5);
  for (const cell of cells) expect(cell, "every points cell is a number of 0 or more").toMatch(/^\d+$/);
  const points = cells.map(Number);
  expect(points, "the board is in order of the points it shows").toEqual([...points].sort((a, b) => b - a));
  const row = board.locator("tbody tr").filter({ hasText: belowZero.name });
  await expect(row.locator("td").last(), `${belowZero.name} shows the points she earned`).toHaveText(String(belowZero.earned));
}

test("the mentee sees her new points, the coordinator's reason and her rosette for first place", async ({ page, browser, db }) => {
  const seeded = await seedSchool(db, { label: "Mentee points", belowZero: true });
  const maya = seeded.pupils.maya;
  const topOther = Math.max(
    ...Object.values(seeded.pupils)
      .filter((p) => p.id !== maya.id)
      .map((p) => p.points),
  );
  expect(maya.points + 10, "one award of 10 puts Maya first").toBeGreaterThan(topOther);

  // The coordinator awards the points, in a browser of their own.
  const coordinatorContext = await browser.newContext();
  const coordinatorPage = await coordinatorContext.newPage();
  await signInAs(coordinatorPage, seeded.accounts.coordinator);
  const form = coordinatorPage.getByRole("form", { name: "Award points" });
  await form
    .getByRole("group", { name: "Pupils", exact: true })
    .getByRole("checkbox", { name: new RegExp(`^${escapeRegExp(maya.name)} Year 8`) })
    .check();
  await form.getByLabel("Points", { exact: true }).fill("10");
  await form.getByLabel("Category").selectOption({ label: "Kindness (+2)" });
  await form.getByLabel("Reason").fill(AWARD_REASON);
  await form.getByRole("button", { name: "Award points" }).click();
  await expect(form.getByRole("status")).toHaveText("10 points given to 1 pupil.");
  await coordinatorContext.close();

  await signInAs(page, seeded.accounts.mentee);
  await expect(page.getByRole("heading", { level: 1, name: `Hello, ${maya.firstName}` })).toBeVisible();
  await expectNoAxeViolations(page);

  // Her points: the coordinator's award with its reason, and a total that adds up.
  const pointsCard = page.locator("section").filter({ has: page.getByRole("heading", { name: "Your points" }) });
  const award = pointsCard.getByRole("listitem").filter({ hasText: AWARD_REASON });
  await expect(award.first(), "the points the coordinator gave are in her history").toBeVisible();
  await expect(award.first()).toContainText(`+10 Kindness — ${AWARD_REASON}`);
  const amounts = await pointsCard
    .getByRole("listitem")
    .evaluateAll((items) => items.map((li) => Number(li.querySelector("span")?.textContent ?? "NaN")));
  const total = Number(await page.getByTestId("my-total").textContent());
  expect(total, "her total includes the award").toBe(maya.points + 10);
  expect(total, "her total is the sum of her history").toBe(amounts.reduce((a, b) => a + b, 0));

  // The leaderboard: her row is marked, first, with the rosette; her total matches.
  const board = page.getByRole("table", { name: /^Leaderboard for / });
  const mine = board.locator('tbody tr[aria-current="true"]');
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText(maya.name);
  await expect(mine).toContainText("(you)");
  await expect(mine.locator("td").first()).toHaveText("1");
  await expect(mine.getByTestId("rosette")).toBeVisible();
  await expect(mine.getByTestId("rosette")).toHaveText("First place");
  await expect(mine.locator("td").last(), "she has lost no points, so the board shows her total").toHaveText(String(total));
  await expect(board.getByTestId("rosette"), "only Maya is first").toHaveCount(1);

  await expectBelowZeroLooksLikeAnyoneElse(board, seeded.pupils.ella);
});
