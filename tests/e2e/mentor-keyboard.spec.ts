// A mentor logs today's session on a phone with the keyboard alone (Tab, Shift+Tab, Enter, Space,
// arrow keys; no mouse, no taps), in only a few steps.
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, scrollsSideways, signInAs, test } from "./fixtures";
import { seedSchool } from "./support/seed";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

type Focused = {
  tag: string;
  id: string;
  type: string;
  name: string;
  text: string;
  href: string;
  hasVisibleFocus: boolean;
  description: string;
};

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body)
      return { tag: "body", id: "", type: "", name: "", text: "", href: "", hasVisibleFocus: true, description: "body" };
    // Focus on a browser-drawn part of a control (e.g. a date input's calendar button) leaves the
    // input itself without :focus; the browser draws that focus, so it is not checked here.
    const isOwnFocus = el.matches(":focus");
    const style = getComputedStyle(el);
    const hasOutline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const hasRing = style.boxShadow !== "none" && style.boxShadow !== "";
    const text = (el.textContent ?? "").replace(/\s+/g, " ").trim();
    const input = el as HTMLInputElement;
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      type: input.type ?? "",
      name: input.name ?? "",
      text,
      href: el.getAttribute("href") ?? "",
      hasVisibleFocus: !isOwnFocus || hasOutline || hasRing,
      description: `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${input.name ? ` name=${input.name}` : ""}> ${text.slice(0, 40)}`,
    };
  });
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches. Moving focus changes nothing, so
 * it is not counted as an interaction; every element passed on the way must show its focus.
 */
async function tabTo(page: Page, matches: (f: Focused) => boolean, what: string, { backwards = false, max = 40 } = {}) {
  const passed: string[] = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    const now = await focused(page);
    passed.push(now.description);
    if (now.tag !== "body") expect.soft(now.hasVisibleFocus, `${now.description} shows where the keyboard focus is`).toBe(true);
    if (matches(now)) return now;
  }
  throw new Error(`Could not reach ${what} with ${backwards ? "Shift+Tab" : "Tab"}; focus went through: ${passed.join(" → ")}`);
}

test("a mentor logs today's 1:1 session with the keyboard alone, in a few steps", async ({ page, db }) => {
  const seeded = await seedSchool(db, { label: "Mentor keyboard" });
  const { sam, maya } = seeded.pupils;
  await signInAs(page, seeded.accounts.mentor);
  await expect(page.getByRole("heading", { level: 1, name: `Hello, ${sam.firstName}` })).toBeVisible();
  await expectNoAxeViolations(page);
  expect(await scrollsSideways(page), "/mentor fits a phone screen without sideways scrolling").toBe(false);

  const logButton = page.getByRole("link", { name: "Log this week's session" });
  const box = await logButton.boundingBox();
  expect(box && box.height >= 44, "the main action is an easy target").toBe(true);

  // Everything from here on is keyboard only. Each step that changes something counts.
  let interactions = 0;

  await tabTo(page, (f) => f.tag === "a" && f.text === "Log this week's session", "the “Log this week's session” link");
  await page.keyboard.press("Enter");
  interactions += 1;

  await expect(page).toHaveURL(/\/mentor\/log\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Log a session" })).toBeVisible();
  await expect(page.getByText(`With ${maya.firstName}`, { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  expect(await scrollsSideways(page), "the log form fits a phone screen without sideways scrolling").toBe(false);

  const form = page.getByRole("form", { name: "Log a session" });
  const today = await page.evaluate(() => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date()));
  // The defaults: this week's planned Wednesday if it has come (else today), Maya came, the school's
  // first activity, the programme's 20 minutes.
  const heldOn = await form.getByLabel("Date").inputValue();
  const monday = await page.evaluate((day) => {
    const d = new Date(`${day}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    return d.toISOString().slice(0, 10);
  }, today);
  expect(heldOn >= monday && heldOn <= today, `the form starts on a day of this week up to today, not ${heldOn}`).toBe(true);
  await expect(form.getByRole("radio", { name: "Came", exact: true })).toBeChecked();
  await expect(form.getByLabel("What did you do?").locator("option:checked")).toHaveText("Getting to know me");
  await expect(form.getByLabel("Minutes")).toHaveValue("20");

  // How Maya seemed: from "Not sure" four along the faces to "4, good", with the arrow keys.
  await tabTo(page, (f) => f.tag === "input" && f.name.startsWith("mood_"), "the mood faces");
  for (let i = 0; i < 4; i += 1) await page.keyboard.press("ArrowRight");
  interactions += 1;
  await expect(form.getByRole("radio", { name: "4, good" })).toBeChecked();

  // What we did: one down from "Getting to know me" is "Homework help".
  await tabTo(page, (f) => f.tag === "select" && f.id === "activityId", "the activity select");
  await page.keyboard.press("ArrowDown");
  interactions += 1;
  await expect(form.getByLabel("What did you do?").locator("option:checked")).toHaveText("Homework help");

  await tabTo(page, (f) => f.tag === "button" && f.text === "Save session", "the “Save session” button");
  await page.keyboard.press("Enter");
  interactions += 1;

  await expect(form.getByRole("status")).toHaveText("Session saved. Thank you!");
  await expect(form.getByText("Your coordinator can see it now.", { exact: false })).toBeVisible();
  await expectNoAxeViolations(page, "the log form after saving");

  expect(interactions, "a 1:1 session with the defaults takes at most 8 taps or fields").toBeLessThanOrEqual(8);

  // Back to the mentor's page, still by keyboard.
  await tabTo(page, (f) => f.tag === "a" && f.text === "Back", "the “Back” link", { backwards: true });
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/mentor$/);

  const past = page.locator("section").filter({ has: page.getByRole("heading", { name: "Your past sessions" }) });
  const newest = past.getByRole("listitem").first();
  const heldOnLong = await page.evaluate(
    (day) =>
      new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "long", day: "numeric", month: "long" }).format(
        new Date(`${day}T12:00:00Z`),
      ),
    heldOn,
  );
  await expect(newest).toContainText(`Homework help, 20 minutes · ${maya.firstName} came`);
  await expect(newest).toContainText(heldOnLong.replace(",", ""));
  await expectNoAxeViolations(page, "/mentor after logging a session");
});
