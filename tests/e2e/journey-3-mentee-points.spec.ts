// Maya (the demo mentee) sees the points the coordinator journey gave her, and her rosette once she
// is first; the pupil the coordinator journey took below zero shows as "—" to her. Depends on
// journey-1-coordinator.spec.ts having run on this database.
import { expect, test } from "@playwright/test";
import { AWARD_REASON, expectNoAxeViolations, signInAs } from "./fixtures";

test("the mentee sees her new points, the coordinator's reason and her rosette for first place", async ({ page }) => {
  await signInAs(page, "mentee");
  await expect(page.getByRole("heading", { level: 1, name: "Hello, Maya" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Her points: the coordinator's award with its reason, and a total that adds up.
  const pointsCard = page.locator("section").filter({ has: page.getByRole("heading", { name: "Your points" }) });
  const award = pointsCard.getByRole("listitem").filter({ hasText: AWARD_REASON });
  await expect(award.first(), "the points from the coordinator journey are in her history").toBeVisible();
  await expect(award.first()).toContainText(`+10 Kindness — ${AWARD_REASON}`);
  const amounts = await pointsCard
    .getByRole("listitem")
    .evaluateAll((items) => items.map((li) => Number(li.querySelector("span")?.textContent ?? "NaN")));
  const total = Number(await page.getByTestId("my-total").textContent());
  expect(total, "her total includes the award").toBeGreaterThanOrEqual(10);
  expect(total, "her total is the sum of her history").toBe(amounts.reduce((a, b) => a + b, 0));

  // The leaderboard: her row is marked, first, with the rosette; her total matches.
  const board = page.getByRole("table", { name: /^Leaderboard for / });
  const mine = board.locator('tbody tr[aria-current="true"]');
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText("Maya P.");
  await expect(mine).toContainText("(you)");
  await expect(mine.locator("td").first()).toHaveText("1");
  await expect(mine.getByTestId("rosette")).toBeVisible();
  await expect(mine.getByTestId("rosette")).toHaveText("First place");
  await expect(mine.locator("td").last()).toHaveText(String(total));
  await expect(board.getByTestId("rosette"), "only Maya is first").toHaveCount(1);

  // Nobody else's negative total is shown: such cells show "—" (and say "not shown" to screen readers).
  const others = board.locator("tbody tr:not([aria-current])");
  const otherTotals = await others.evaluateAll((rows) => rows.map((row) => (row.querySelector("td:last-child")?.textContent ?? "").trim()));
  expect(otherTotals.length).toBeGreaterThan(5);
  for (const cell of otherTotals)
    expect(cell, "another pupil's points cell shows a number of 0 or more, or —").toMatch(/^(\d+|—not shown)$/);
  expect(
    otherTotals.filter((c) => c.startsWith("—")).length,
    "the pupil taken below zero in the coordinator journey is shown as —",
  ).toBeGreaterThanOrEqual(1);
  await expect(others.filter({ hasText: "—" }).first().locator("td").last()).toHaveText("—not shown");
});
