// Concerns (issue 9) in the browser: a mentee raises one on a phone in a few taps; the safeguarding
// lead sees it first, opens it (audited), adds two actions, links a pupil, keeps the pair apart, shares
// a line with the coordinator and closes it after confirming; the mentee sees only the receipt; the
// coordinator sees nothing until the line is shared. An urgent concern nobody opens in time reaches the
// head (the clock moved by `npm run concerns:escalate -- --now`). axe on every page.
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { Browser } from "@playwright/test";
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";
import { seedSchool, type Account } from "./support/seed";
import { createConcernRow } from "@/server/factories";

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
/** A pupil reads the day in words ("Sunday 29 November"), with the year only when it is another school year. */
const RECEIPT = /^Received on [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+( \d{4})? — a member of staff will follow it up\./;

async function openAs(browser: Browser, account: Account, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await signInAs(page, account);
  return { page, context };
}

test("a mentee raises a concern on a phone; the lead acts on it; the mentee sees only the receipt", async ({ browser, db }) => {
  const s = await seedSchool(db, { label: "Concerns" });
  const { maya, sam } = s.pupils;

  // The mentee, on a phone: Tell someone, write, tick Sam, send — four interactions with the defaults.
  const mentee = await openAs(browser, s.accounts.mentee, PHONE);
  await mentee.page.getByRole("link", { name: "Tell someone" }).first().click();
  await expect(mentee.page.getByRole("heading", { level: 1, name: "Tell someone" })).toBeVisible();
  await expectNoAxeViolations(mentee.page, "the pupil's concern form");
  const send = mentee.page.getByRole("button", { name: "Send to staff" });
  // One screen on a phone: the whole form, send button included, is no taller than the screen.
  const form = await mentee.page.getByRole("form", { name: "Raise a concern" }).boundingBox();
  expect(form!.height).toBeLessThanOrEqual(844);
  await mentee.page.getByLabel("What happened?").fill("Some older pupils keep taking my lunch money on the bus.");
  await mentee.page.getByRole("checkbox", { name: /^Sam O\./ }).check();
  await send.click();
  await expect(mentee.page.getByRole("status").filter({ hasText: "Received on" })).toHaveText(RECEIPT);
  const concern = await db.concern.findFirstOrThrow({ where: { schoolId: s.school.id }, include: { pupils: true } });
  expect(concern.pupils.map((p) => p.studentId)).toEqual([sam.id]);

  // The coordinator knows nothing of it.
  const coordinator = await openAs(browser, s.accounts.coordinator);
  await coordinator.page.goto(`/coordinator/pupils/${sam.id}`);
  await expect(coordinator.page.getByRole("heading", { level: 1 })).toContainText("Sam");
  await expect(coordinator.page.getByRole("heading", { name: "From the safeguarding lead" })).toHaveCount(0);

  // The lead lands on concerns, sees it first, and opens it (audited).
  const lead = await openAs(browser, s.accounts.dsl);
  await expect(lead.page).toHaveURL(/\/safeguarding$/);
  await expectNoAxeViolations(lead.page, "the lead's concerns");
  const open = lead.page.locator("section").filter({ has: lead.page.getByRole("heading", { name: /^Open/ }) });
  await open.getByRole("link").first().click();
  await expect(lead.page).toHaveURL(new RegExp(`/safeguarding/concerns/${concern.id}$`));
  await expect(lead.page.getByText("Some older pupils keep taking my lunch money on the bus.")).toBeVisible();
  expect(await db.auditLog.count({ where: { schoolId: s.school.id, action: "concern.viewed", recordId: concern.id } })).toBe(1);
  await expectNoAxeViolations(lead.page, "a concern");

  const addAction = async (action: string, reason: string) => {
    const form = lead.page.getByRole("form", { name: "Add an action" });
    await form.getByLabel("What was done").selectOption({ label: action });
    await form.getByLabel("Who, what and why").fill(reason);
    await form.getByRole("button", { name: "Add to the chronology" }).click();
    await expect(form.getByRole("status")).toHaveText("Added to the chronology.");
  };
  await addAction("Spoke to the pupil", "Spoke to Maya at lunch; she named two Year 10 boys.");
  await addAction("Contacted a parent or carer", "Phoned Maya's mother, who knew nothing of it.");

  // Maya is linked too, and the two are kept apart.
  const link = lead.page.getByRole("form", { name: "Link a pupil" });
  await link.getByLabel("Pupil", { exact: true }).selectOption(maya.id);
  await link.getByRole("button", { name: "Link pupil" }).click();
  await expect(link.getByRole("status")).toContainText("Linked.");
  const apart = lead.page.getByRole("form", { name: "Keep two pupils apart" });
  await apart.getByLabel("First pupil").selectOption(sam.id);
  await apart.getByLabel("Second pupil").selectOption(maya.id);
  await apart.getByLabel("Why").fill("Sam is one of the pupils on the bus.");
  await apart.getByRole("button", { name: "Keep apart" }).click();
  await expect(apart.getByRole("status")).toContainText("These pupils will never be paired or grouped together.");

  // One line for the coordinator, who now sees it on Sam's page.
  const share = lead.page.getByRole("form", { name: "Share a line with coordinators" });
  await share.getByLabel("One line for coordinators").fill("Please do not pair Sam with younger pupils for now.");
  await share.getByRole("button", { name: "Share line" }).click();
  await expect(share.getByRole("status")).toContainText("Shared.");
  await coordinator.page.reload();
  await expect(coordinator.page.getByRole("heading", { name: "From the safeguarding lead" })).toBeVisible();
  await expect(coordinator.page.getByText("Please do not pair Sam with younger pupils for now.")).toBeVisible();
  await expectNoAxeViolations(coordinator.page, "a pupil's page with a shared line");
  // The keep-apart list tells other staff only who set it.
  await coordinator.page.goto("/staff/keep-apart");
  await expect(coordinator.page.getByText("Set by the safeguarding lead")).toBeVisible();
  await expect(coordinator.page.getByText("Sam is one of the pupils on the bus.")).toHaveCount(0);

  // Closing asks first.
  const status = lead.page.getByRole("form", { name: "Change the status" });
  await status.getByRole("radio", { name: "Closed" }).check();
  await status.getByLabel("Outcome").fill("Spoken to the Year 10 pupils and their families; the bus company told.");
  await status.getByRole("button", { name: "Close concern" }).click();
  const dialog = lead.page.getByRole("dialog", { name: "Close this concern?" });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  expect((await db.concern.findFirstOrThrow({ where: { id: concern.id } })).status).toBe("OPEN");
  await status.getByRole("button", { name: "Close concern" }).click();
  await lead.page.getByRole("dialog", { name: "Close this concern?" }).getByRole("button", { name: "Close concern" }).click();
  await expect(status.getByRole("status")).toHaveText("Closed, with its outcome in the chronology.");
  const chronology = lead.page.locator("section").filter({ has: lead.page.getByRole("heading", { name: "Chronology" }) });
  await expect(chronology.getByRole("listitem").filter({ hasText: "Spoke to the pupil" })).toHaveCount(1);
  await expect(chronology.getByText("Status: Open → Closed")).toBeVisible();
  await expectNoAxeViolations(lead.page, "a closed concern");

  // The mentee: the receipt and her own words, nothing the lead wrote.
  await mentee.page.goto("/concerns");
  await expect(mentee.page.getByRole("heading", { name: RECEIPT })).toBeVisible();
  await expect(mentee.page.getByText("Some older pupils keep taking my lunch money on the bus.")).toBeVisible();
  await expect(mentee.page.getByText(/Spoke to Maya|Phoned Maya|Closed|bus company/)).toHaveCount(0);
  await expectNoAxeViolations(mentee.page, "the pupil's receipts");
  await Promise.all([mentee.context.close(), coordinator.context.close(), lead.context.close()]);
});

test("someone in danger: the school's words at once; unopened in time, the concern reaches the head", async ({ browser, db }) => {
  const s = await seedSchool(db, { label: "Urgent concern", history: false });
  await db.school.update({ where: { id: s.school.id }, data: { dangerInstruction: "Go to Reception and ask for Mrs Okafor now." } });
  const mentee = await openAs(browser, s.accounts.mentee, PHONE);
  await mentee.page.goto("/concerns/new");
  await mentee.page.getByLabel("What happened?").fill("My friend said she wants to hurt herself tonight.");
  await mentee.page.getByRole("radio", { name: "Yes", exact: true }).check();
  await expect(mentee.page.getByText("Go to Reception and ask for Mrs Okafor now.")).toBeVisible();
  await expect(mentee.page.getByText(/Childline on 0800 1111/)).toBeVisible();
  await expectNoAxeViolations(mentee.page, "the danger instruction");
  await mentee.page.getByRole("button", { name: "Send to staff" }).click();
  await expect(mentee.page.getByRole("status").filter({ hasText: "Received on" })).toHaveText(RECEIPT);
  await expect(mentee.page.getByText("Go to Reception and ask for Mrs Okafor now.")).toBeVisible();
  const concern = await db.concern.findFirstOrThrow({ where: { schoolId: s.school.id } });
  expect(concern.isUrgent).toBe(true);

  // Nobody opens it; 31 minutes later by the clock the escalation job is given.
  const at = new Date(concern.createdAt.getTime() + 31 * 60_000).toISOString();
  const out = execFileSync(path.resolve("node_modules/.bin/tsx"), ["scripts/concerns-escalate.ts", "--now", at], {
    env: { ...process.env },
    encoding: "utf8",
  });
  expect(out).toMatch(/Escalated [1-9]\d* urgent concern/);

  const head = await openAs(browser, s.accounts.head);
  await expect(head.page).toHaveURL(/\/safeguarding$/);
  await expect(head.page.getByText("Escalated to the head")).toBeVisible();
  await head.page.goto("/notifications");
  await head.page
    .getByRole("button", { name: /An urgent concern has not been opened/ })
    .first()
    .click();
  await expect(head.page).toHaveURL(new RegExp(`/safeguarding/concerns/${concern.id}$`));
  await expect(head.page.getByText("My friend said she wants to hurt herself tonight.")).toBeVisible();
  await expect(head.page.getByText(/no safeguarding lead opened this urgent concern in time/)).toBeVisible();
  await expect(head.page.getByRole("form", { name: "Add an action" })).toHaveCount(0);
  await expectNoAxeViolations(head.page, "an escalated concern, as the head");
  expect(await db.auditLog.count({ where: { schoolId: s.school.id, action: "concern.viewed", recordId: concern.id } })).toBe(1);
  await Promise.all([mentee.context.close(), head.context.close()]);
});

test("from a concern the lead pauses a pairing and resumes it, and unlinks a pupil, each after confirming", async ({ page, db }) => {
  const s = await seedSchool(db, { label: "Concern pause", history: false });
  const { sam, maya } = s.pupils;
  const concern = await createConcernRow(db, { schoolId: s.school.id, reporterId: s.staff.teacher, pupilIds: [maya.id, sam.id] });
  await signInAs(page, s.accounts.dsl);
  await page.goto(`/safeguarding/concerns/${concern.id}`);

  const pause = page.getByRole("form", { name: "Pause mentoring" });
  await pause.getByLabel("Mentoring").selectOption(s.pairings.samMaya);
  await pause.getByLabel("Why").fill("While we speak to both families.");
  await pause.getByRole("button", { name: "Pause mentoring" }).click();
  await expect(pause.getByRole("status")).toHaveText("Paused. The pupils see only that mentoring is paused for now.");
  expect((await db.pairing.findFirstOrThrow({ where: { id: s.pairings.samMaya } })).status).toBe("PAUSED");
  await expectNoAxeViolations(page, "a concern with a pause");

  const resume = page.getByRole("button", { name: /^Resume Sam Okoro/ });
  await resume.click();
  const dialog = page.getByRole("dialog", { name: /^Resume Sam Okoro/ });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  expect((await db.pairing.findFirstOrThrow({ where: { id: s.pairings.samMaya } })).status).toBe("PAUSED");
  await resume.click();
  await page
    .getByRole("dialog", { name: /^Resume Sam Okoro/ })
    .getByRole("button", { name: "Resume" })
    .click();
  await expect(page.getByRole("status").filter({ hasText: "Resumed." })).toBeVisible();
  expect((await db.pairing.findFirstOrThrow({ where: { id: s.pairings.samMaya } })).status).toBe("ACTIVE");

  await page.getByRole("button", { name: "Remove Sam Okoro from this concern" }).click();
  await page.getByRole("dialog", { name: "Remove Sam Okoro from this concern?" }).getByRole("button", { name: "Remove" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Removed from this concern." })).toBeVisible();
  expect(await db.concernPupil.count({ where: { concernId: concern.id } })).toBe(1);
  const chronology = page.locator("section").filter({ has: page.getByRole("heading", { name: "Chronology" }) });
  await expect(chronology.getByText("Removed Sam Okoro")).toBeVisible();
  await expect(chronology.getByText("Paused mentoring")).toBeVisible();
  await expect(chronology.getByText("Resumed mentoring")).toBeVisible();
});
