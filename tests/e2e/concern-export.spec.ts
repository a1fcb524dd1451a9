// A safeguarding lead exports a pupil's file as a PDF for a transfer and records the transfer (issue 9,
// ADR 023): the downloaded file is read back with PDF.js and holds the chronology with other pupils as
// initials; the transfer and, later, its receipt go into every concern's chronology. Anyone else gets a
// 404 for the file; a visitor without a session is sent to sign in. axe on every state of the page.
import fs from "node:fs";
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";
import { seedSchool } from "./support/seed";
import { createConcernRow } from "@/server/factories";
import { addDaysIso, formatStaffDate } from "@/lib/dates";
import { appendConcernEntry } from "@/test-support/concern-entries";
import { readPdf } from "@/test-support/pdf-text";

const DAY = 24 * 60 * 60 * 1000;

test("a safeguarding lead downloads a pupil's file, records its transfer and confirms receipt", async ({ page, db, browser }) => {
  const s = await seedSchool(db, { label: "Concern export", history: false });
  const { maya, leo } = s.pupils;
  const bullying = await createConcernRow(db, {
    schoolId: s.school.id,
    reporterId: s.staff.teacher,
    pupilIds: [maya.id, leo.id],
    category: "BULLYING",
    createdAt: new Date(Date.now() - 6 * DAY),
    what: "Leo Jones took Maya's phone at break and leo laughed.",
  });
  await appendConcernEntry(db, {
    schoolId: s.school.id,
    concernId: bullying.id,
    kind: "ACTION",
    authorId: s.staff.dsl,
    at: new Date(Date.now() - 5 * DAY),
    action: "SPOKE_TO_PUPIL",
    happenedOn: addDaysIso(s.today, -5),
    text: "Spoke to Maya; she is frightened of Jones.",
  });
  await createConcernRow(db, {
    schoolId: s.school.id,
    reporterId: s.staff.coordinator,
    pupilIds: [maya.id],
    category: "WELLBEING",
    createdAt: new Date(Date.now() - 2 * DAY),
    what: "Maya was crying in the library.",
  });
  const fileUrl = `/safeguarding/pupils/${maya.id}`;
  const exportUrl = `${fileUrl}/export`;

  await signInAs(page, s.accounts.dsl);
  await page.goto(fileUrl);
  await expect(page.getByRole("heading", { level: 1, name: "Safeguarding file: Maya Patel" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Concerns (2)" })).toBeVisible();
  await expectNoAxeViolations(page, "the pupil's file");

  const download = async () => {
    const downloaded = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download file (PDF)" }).click();
    const file = await downloaded;
    expect(file.suggestedFilename()).toBe(`concern-file-MP-${s.today}.pdf`);
    return readPdf(new Uint8Array(fs.readFileSync((await file.path())!)));
  };

  const pdf = await download();
  expect(pdf.title).toBe("Safeguarding file: Maya Patel");
  for (const piece of [
    "Concern 1 of 2: Bullying",
    "About: Maya Patel, L.J.",
    "· Raised by Tom Reed",
    "L.J. took Maya's phone at break and L.J. laughed.",
    `· Spoke to the pupil, ${formatStaffDate(addDaysIso(s.today, -5))} By Helen Okafor`,
    "Spoke to Maya; she is frightened of L.J..",
    "Concern 2 of 2: Feeling low or worried",
    "· Raised by Priya Shah",
    "Maya was crying in the library.",
    "Confidential — safeguarding",
  ])
    expect(pdf.text).toContain(piece);
  expect(pdf.text).not.toMatch(/\bLeo\b|\bJones\b/i);
  expect(await db.auditLog.count({ where: { schoolId: s.school.id, action: "concern.exported", actorUserId: s.staff.dsl } })).toBe(1);

  // The transfer: a mistake is shown by its field and what was typed stays; then it is recorded.
  const form = page.getByRole("form", { name: "Record a transfer" });
  await form.getByLabel("Receiving school").fill("Riverside Academy");
  await form.getByLabel("Received by").fill("Ms Jones, safeguarding lead");
  await form.getByLabel("How it was sent").fill("Local authority secure transfer service");
  await form.getByLabel("Date sent").fill(addDaysIso(s.today, -1));
  await form.getByLabel("Receipt confirmed on (optional)").fill(addDaysIso(s.today, -2));
  await form.getByRole("button", { name: "Record transfer" }).click();
  const receipt = form.getByLabel("Receipt confirmed on (optional)");
  await expect(receipt).toHaveAttribute("aria-invalid", "true");
  await expect(receipt).toHaveAccessibleDescription(
    `Leave empty if the receiving school has not confirmed yet. Choose a date from ${formatStaffDate(addDaysIso(s.today, -1))} to today.`,
  );
  await expect(form.getByLabel("Receiving school")).toHaveValue("Riverside Academy");
  await expectNoAxeViolations(page, "the transfer form with a mistake");
  await receipt.fill("");
  await form.getByRole("button", { name: "Record transfer" }).click();
  await expect(form.getByRole("status").filter({ hasText: "Transfer recorded in the chronology of all 2 concerns." })).toBeVisible();
  const transfers = page.locator("section").filter({ has: page.getByRole("heading", { name: "Transfers" }) });
  await expect(
    transfers.getByText(`To Ms Jones, safeguarding lead, Riverside Academy, sent ${formatStaffDate(addDaysIso(s.today, -1))}`),
  ).toBeVisible();
  await expect(transfers.getByText("Receipt not yet confirmed.")).toBeVisible();
  expect(await db.concernEntry.count({ where: { schoolId: s.school.id, kind: "TRANSFER" } })).toBe(2);
  await expectNoAxeViolations(page, "the pupil's file with a transfer");

  // Receipt confirmed: announced, the form leaves, and the chronology has it.
  await transfers.getByRole("button", { name: "Confirm receipt" }).click();
  await expect(page.getByTestId("toast")).toContainText("Receipt confirmed and added to the chronology.");
  await expect(transfers.getByText(`Receipt confirmed on ${formatStaffDate(s.today)}.`)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Transfers" })).toBeFocused();
  expect(await db.concernEntry.count({ where: { schoolId: s.school.id, kind: "TRANSFER" } })).toBe(4);
  await expectNoAxeViolations(page, "the pupil's file with a confirmed transfer");

  const after = await download();
  expect(after.text).toContain(
    `File transferred to Ms Jones, safeguarding lead, Riverside Academy On ${formatStaffDate(addDaysIso(s.today, -1))} How: Local authority secure transfer service By Helen Okafor`,
  );
  expect(after.text).toContain(`Receipt of the transfer confirmed`);
  expect(after.text).toContain(`Receipt confirmed ${formatStaffDate(s.today)} By Helen Okafor`);

  // Anyone else: the file is a 404 (a teacher here); without a session, sign in first.
  const teacherContext = await browser.newContext();
  const teacherPage = await teacherContext.newPage();
  await signInAs(teacherPage, s.accounts.teacher);
  expect((await teacherPage.request.get(exportUrl)).status()).toBe(404);
  await teacherContext.close();
  const anonymous = await browser.newContext();
  const response = await anonymous.request.get(exportUrl, { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(new URL(response.headers()["location"]!, "http://x").pathname).toBe("/sign-in");
  await anonymous.close();
});
