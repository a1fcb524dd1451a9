// The coordinator pairs a free mentor with a waiting mentee, moves the trial on, and awards and
// takes away points. Each test has a school of its own.
import type { Locator, Page } from "@playwright/test";
import { escapeRegExp, expect, expectNoAxeViolations, PAIRING_CREATED_AS_TRIAL, signInAs, tableRows, test } from "./fixtures";
import { seedSchool, type SeededSchool } from "./support/seed";

const AWARD_REASON = "Showed the new Year 7s round on welcome morning";

type Pupil = { name: string; year: number; detail: string; checkbox: Locator };

/** The pupils of one checklist ("Mentor(s)", "Mentee(s)", "Pupils"), read from what the form shows. */
async function checklist(form: Locator, legend: string): Promise<Pupil[]> {
  const group = form.getByRole("group", { name: legend, exact: true });
  const labels = group.locator("label");
  const texts = await labels.allTextContents();
  return texts.map((raw, i) => {
    const text = raw.replace(/\s+/g, " ").trim();
    const match = /^(.*?) Year (\d+)(?: · (.*))?$/.exec(text);
    if (!match) throw new Error(`Cannot read the pupil "${text}" in ${legend}`);
    return { name: match[1]!, year: Number(match[2]), detail: match[3] ?? "", checkbox: labels.nth(i).getByRole("checkbox") };
  });
}

/** The staff board of the whole programme for all time on /staff (real totals), as { name, total } rows. */
async function staffLeaderboard(page: Page) {
  await page.goto("/staff?scope=PROGRAMME&period=ALL_TIME");
  const table = page.getByRole("table", { name: /: all time$/ });
  await expect(table).toBeVisible();
  await expectNoAxeViolations(page);
  return (await tableRows(table)).map(([rank, name, total]) => ({
    rank: Number(rank),
    name: name!.replace(/First place$/, "").trim(),
    total: Number(total),
    hasRosette: name!.endsWith("First place"),
  }));
}

/** Awards (or, with a negative amount, takes away) points to one pupil through the coordinator's form. */
async function awardPoints(page: Page, pupilName: string, amount: number, category: string, reason: string) {
  await page.goto("/coordinator");
  const form = page.getByRole("form", { name: "Award points" });
  await form
    .getByRole("group", { name: "Pupils", exact: true })
    .getByRole("checkbox", { name: new RegExp(`^${escapeRegExp(pupilName)} Year \\d+`) })
    .check();
  await form.getByLabel("Points", { exact: true }).fill(String(amount));
  // Options read "Kindness (+2)": the category and its usual amount.
  await form.getByLabel("Category").selectOption({ label: category });
  await form.getByLabel("Reason").fill(reason);
  await form.getByRole("button", { name: "Award points" }).click();
  const size = Math.abs(amount);
  await expect(form.getByRole("status")).toHaveText(
    `${size} point${size === 1 ? "" : "s"} ${amount < 0 ? "taken from" : "given to"} 1 pupil.`,
  );
  // The form clears for the next award.
  await expect(form.getByLabel("Reason")).toHaveValue("");
  return form;
}

let seeded: SeededSchool;

test.describe("coordinator journey", () => {
  test.beforeEach(async ({ page, db }) => {
    seeded = await seedSchool(db, { label: "Coordinator" });
    await signInAs(page, seeded.accounts.coordinator);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("creates a 1:1 pairing, sees it as a trial, opens it and makes it active", async ({ page }) => {
    const form = page.getByRole("form", { name: "Create a pairing or group" });
    const mentors = await checklist(form, "Mentor(s)");
    const mentees = await checklist(form, "Mentee(s)");
    const { grace, aisha } = seeded.pupils;

    // A free, trained mentor with no mentee yet, and a waiting mentee in a younger year.
    const mentor = mentors.find((m) => m.name === grace.name);
    expect(
      mentor,
      `the free, trained mentor ${grace.name} is offered; the form shows: ${mentors.map((m) => `${m.name} (${m.detail})`).join("; ")}`,
    ).toBeTruthy();
    expect(mentor!.detail).toMatch(/^0 of \d+ mentees$/);
    const mentee = mentees.find((m) => m.name === aisha.name);
    expect(mentee, `the waiting mentee ${aisha.name} is offered`).toBeTruthy();
    expect(mentee!.year).toBeLessThan(mentor!.year);
    expect(
      mentees.map((m) => m.name),
      "a mentee already paired is not offered",
    ).not.toContain(seeded.pupils.maya.name);

    await form.getByRole("radio", { name: "1:1 pair" }).check();
    await mentor!.checkbox.check();
    await mentee!.checkbox.check();
    await form.getByRole("button", { name: "Create pairing" }).click();
    await expect(form.getByRole("status")).toHaveText(PAIRING_CREATED_AS_TRIAL);
    await expectNoAxeViolations(page, "/coordinator after creating a pairing");

    const table = page.getByRole("table", { name: "Pairings and groups" });
    const row = table
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: mentor!.name, exact: true }) })
      .filter({ hasText: mentee!.name })
      .filter({ hasText: "Trial" });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(/Review by/);

    // Open it and change its status.
    await row.getByRole("link", { name: mentor!.name, exact: true }).click();
    await expect(page).toHaveURL(/\/coordinator\/pairings\/[^/]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${mentor!.name} with ${mentee!.name}`);
    await expectNoAxeViolations(page);
    const header = page.locator("main header");
    await expect(header).toContainText("Trial");

    const status = page.getByLabel("New status");
    await expect(status).toHaveValue("ACTIVE");
    await status.selectOption({ label: "Active" });
    await page.getByRole("button", { name: "Change status" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Pairing is now active." })).toBeVisible();
    await expect(header).toContainText("Active");
    await expect(header).not.toContainText("Trial");
    // The form now offers the next step, and shows the one it would send (pausing has its own form, with a reason).
    const offered = await status.locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toEqual(["ENDED"]);
    await expect(status, "after a change, the status select shows an option it can actually send").toHaveValue("ENDED");
    await expectNoAxeViolations(page, "pairing page after a status change");

    // Back on the dashboard, the table says Active.
    await page.getByRole("link", { name: /^Back to / }).click();
    await expect(page).toHaveURL(/\/coordinator(\?|$)/);
    const sameRow = page
      .getByRole("table", { name: "Pairings and groups" })
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: mentor!.name, exact: true }) })
      .filter({ hasText: mentee!.name })
      .filter({ hasNotText: "Ended" });
    await expect(sameRow).toHaveCount(1);
    await expect(sameRow).toContainText("Active");
  });

  test("a points form with a mistake says what to fix next to the field and keeps what was typed", async ({ page }) => {
    const form = page.getByRole("form", { name: "Award points" });
    const pupils = form.getByRole("group", { name: "Pupils", exact: true });
    const amount = form.getByLabel("Points", { exact: true });
    const category = form.getByLabel("Category");
    const reason = form.getByLabel("Reason");
    const maya = pupils.getByRole("checkbox", { name: new RegExp(`^${escapeRegExp(seeded.pupils.maya.name)} Year 8`) });

    // 1. No pupil chosen.
    await amount.fill("4");
    await category.selectOption({ label: "Kindness (+2)" });
    await reason.fill("Helped a new pupil find the library");
    await form.getByRole("button", { name: "Award points" }).click();
    await expect(form.getByRole("alert")).toHaveText("Please check the highlighted fields.");
    const pupilsError = form.locator("#studentIds-error");
    await expect(pupilsError).toHaveText("Choose at least one pupil.");
    await expect(pupils).toHaveAttribute("aria-describedby", "studentIds-error");
    await expect(amount).toHaveValue("4");
    await expect(category.locator("option:checked")).toHaveText("Kindness (+2)");
    await expect(reason).toHaveValue("Helped a new pupil find the library");
    await expectNoAxeViolations(page, "/coordinator with an award error (no pupil)");

    // 2. A pupil, but the reason emptied.
    await maya.check();
    await reason.fill("");
    await form.getByRole("button", { name: "Award points" }).click();
    const reasonError = form.locator("#reason-error");
    // 4 is not Kindness's usual 2, so the reason is needed.
    await expect(reasonError).toHaveText("Say in a few words why this is not the usual 2 points.");
    await expect(pupilsError).toHaveCount(0);
    await expect(reason).toHaveAttribute("aria-invalid", "true");
    await expect(reason).toHaveAttribute("aria-describedby", /(^| )reason-error( |$)/);
    await expect(maya).toBeChecked();
    await expect(amount).toHaveValue("4");
    await expect(category.locator("option:checked")).toHaveText("Kindness (+2)");
    await expectNoAxeViolations(page, "/coordinator with an award error (no reason)");
  });

  test("takes points away from a pupil, whose total staff then see below zero", async ({ page }) => {
    const target = seeded.pupils.aisha;
    const before = await staffLeaderboard(page);
    let total = before.find((r) => r.name === target.name)?.total ?? NaN;
    expect(total, `${target.name}'s total before, as staff see it`).toBe(target.points);
    let toTake = total + 3;
    while (toTake > 0) {
      const amount = Math.min(10, toTake);
      await awardPoints(page, target.name, -amount, "Points lost (-1)", "Left the session without telling anyone");
      total -= amount;
      toTake -= amount;
    }
    await expectNoAxeViolations(page, "/coordinator after taking points away");
    const after = await staffLeaderboard(page);
    expect(total).toBeLessThan(0);
    expect(after.find((r) => r.name === target.name)?.total, `${target.name}'s total as staff see it`).toBe(total);
  });

  test("awards points to Maya until she is clearly first", async ({ page }) => {
    const maya = seeded.pupils.maya;
    const before = await staffLeaderboard(page);
    const mayaBefore = before.find((r) => r.name === maya.name);
    expect(mayaBefore, `${maya.name} is on the staff leaderboard`).toBeTruthy();
    const topOther = Math.max(...before.filter((r) => r.name !== maya.name).map((r) => r.total));
    expect(topOther, `${maya.name} does not start first`).toBeGreaterThan(mayaBefore!.total);
    // "Clearly first": at least 5 ahead. Each award gives at most 10.
    const awards = Math.max(1, Math.ceil((topOther + 5 - mayaBefore!.total) / 10));
    expect(awards, `Maya has ${mayaBefore!.total}, the top other pupil ${topOther}`).toBeLessThanOrEqual(3);

    for (let i = 0; i < awards; i += 1) {
      await awardPoints(page, maya.name, 10, "Kindness (+2)", i === 0 ? AWARD_REASON : `${AWARD_REASON} (again)`);
      await expectNoAxeViolations(page, "/coordinator after awarding points");
    }
    const recent = page.locator("section").filter({ has: page.getByRole("heading", { name: "Recent points" }) });
    await expect(recent.getByRole("listitem").filter({ hasText: AWARD_REASON }).first()).toContainText(`+10 ${maya.name} · Kindness`);

    const after = await staffLeaderboard(page);
    const mayaAfter = after.find((r) => r.name === maya.name)!;
    expect(mayaAfter.total).toBe(mayaBefore!.total + 10 * awards);
    expect(mayaAfter.rank).toBe(1);
    expect(
      after.filter((r) => r.rank === 1),
      `${maya.name} is first on her own`,
    ).toHaveLength(1);
    expect(after.filter((r) => r.hasRosette).map((r) => r.name)).toEqual([maya.name]);
  });
});
