// The admin imports pupils from a SIMS export (issue 11): a file with two bad rows is refused with
// both rows listed by line and nothing written; the fixed file is previewed and imported; the same
// file again has nothing to change; a whole-roll file marks the missing pupils as left, only after
// its confirm dialog (Cancel first). What was written is read back from the database.
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";
import { seedSchool } from "./support/seed";
import { todayIn } from "@/lib/dates";
import { yearGroupOn } from "@/lib/year-group";
import { encodeWindows1252, simsCsv, upnFor, type MisPupil } from "@/test-support/mis-file";
import type { Page } from "@playwright/test";

const base = 700_000_000 + Math.floor(Math.random() * 1_000_000) * 100;
const roll: MisPupil[] = [
  {
    upn: upnFor(base + 1),
    adno: `${base + 1}`.slice(-6),
    surname: "O’Brien",
    forename: "Zoë",
    dob: "2012-09-14",
    sex: "F",
    year: 9,
    reg: "9AB",
    sen: "K",
  },
  {
    upn: upnFor(base + 2),
    adno: `${base + 2}`.slice(-6),
    surname: "Smith",
    forename: "Ben",
    dob: "2013-01-02",
    sex: "M",
    year: 8,
    reg: "8CD",
  },
  {
    upn: upnFor(base + 3),
    adno: `${base + 3}`.slice(-6),
    surname: "Ng",
    forename: "Chloe",
    dob: "2011-05-20",
    sex: "F",
    year: 10,
    reg: "10E",
  },
  {
    upn: upnFor(base + 4),
    adno: `${base + 4}`.slice(-6),
    surname: "Khan",
    forename: "Omar",
    dob: "2014-03-03",
    sex: "M",
    year: 7,
    reg: "7F",
    pp: true,
  },
  {
    upn: upnFor(base + 5),
    adno: `${base + 5}`.slice(-6),
    surname: "Evans",
    forename: "Isla",
    dob: "2010-11-11",
    sex: "F",
    year: 11,
    reg: "11G",
    fsm: true,
  },
  {
    upn: upnFor(base + 6),
    adno: `${base + 6}`.slice(-6),
    surname: "Patel",
    forename: "Aisha",
    preferred: "Ash",
    dob: "2012-12-01",
    sex: "F",
    year: 9,
    reg: "9AB",
  },
];

async function uploadFile(page: Page, name: string, text: string) {
  await page.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(encodeWindows1252(text)) });
  await page.getByRole("button", { name: "Upload and check" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Check ${name}` })).toBeVisible();
}

test("the admin imports pupils from a SIMS file: bad rows listed, fixed, imported, nothing twice, leavers after confirming", async ({
  page,
  db,
}) => {
  const seeded = await seedSchool(db, { label: "Pupil import", history: false });
  const schoolId = seeded.school.id;
  const pupilsBefore = await db.student.count({ where: { schoolId } });
  await signInAs(page, seeded.accounts.admin);
  await page.getByRole("link", { name: "Import pupils" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import pupils" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Two bad rows: a date that does not exist (line 3) and a year group that does not (line 5).
  const bad = roll.map((p, i) => (i === 1 ? { ...p, dob: "2013-02-31" } : i === 3 ? { ...p, year: 14 } : p));
  await uploadFile(page, "pupils-bad.csv", simsCsv(bad));
  const rowsToFix = page.getByRole("table", { name: "Rows to fix in the file" });
  await expect(page.getByRole("heading", { name: "Rows to fix (2)" })).toBeVisible();
  await expect(rowsToFix.getByRole("row").filter({ hasText: "Line 3" })).toContainText("Enter a real date, like 14/09/2012.");
  await expect(rowsToFix.getByRole("row").filter({ hasText: "Line 5" })).toContainText("Use a year group from 7 to 13, like 9 or Year 9.");
  await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);
  await expectNoAxeViolations(page, "the preview with rows to fix");
  expect(await db.student.count({ where: { schoolId } })).toBe(pupilsBefore);

  // The fixed file: six new pupils, imported.
  await page.getByRole("link", { name: "Back to imports" }).click();
  await uploadFile(page, "pupils.csv", simsCsv(roll));
  await expect(page.getByRole("term").filter({ hasText: "New pupils" }).locator("..")).toContainText("6");
  await expectNoAxeViolations(page, "the preview of the fixed file");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import pupils" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Imported:" })).toHaveText("Imported: 6 new, 0 updated, 0 marked as left.");
  const zoe = await db.student.findFirstOrThrow({ where: { schoolId, upn: roll[0]!.upn } });
  expect(zoe).toMatchObject({ legalFirstName: "Zoë", legalLastName: "O’Brien", senStatus: "SUPPORT", hasSend: true, tutorGroup: "9AB" });
  expect(await db.student.count({ where: { schoolId } })).toBe(pupilsBefore + 6);

  // The same file again: nothing to change, and no Import button.
  await uploadFile(page, "pupils.csv", simsCsv(roll));
  await expect(page.getByText("Nothing to change: every pupil in this file is already up to date.")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);

  // The whole roll: every seeded pupil but Sam (given real UPNs first), and the imported six but Aisha.
  const today = todayIn("Europe/London");
  const seededPupils = await db.student.findMany({ where: { schoolId, upn: { startsWith: "UPN" } }, orderBy: { id: "asc" } });
  const wholeRoll: MisPupil[] = roll.slice(0, 5);
  for (const [i, p] of seededPupils.entries()) {
    const upn = upnFor(base + 50 + i);
    await db.student.update({ where: { schoolId_id: { schoolId, id: p.id } }, data: { upn } });
    if (p.id === seeded.pupils.sam.id) continue;
    wholeRoll.push({
      upn,
      adno: `${base + 50 + i}`.slice(-6),
      surname: p.legalLastName,
      forename: p.legalFirstName,
      preferred: p.preferredName ?? undefined,
      dob: "2012-01-01",
      sex: "F",
      year: yearGroupOn(p.cohortYear, today),
      reg: p.tutorGroup,
    });
  }
  await page.getByRole("link", { name: "Back to imports" }).click();
  await uploadFile(page, "whole-roll.csv", simsCsv(wholeRoll));
  const columns = page.getByRole("form", { name: "The file's columns" });
  await columns.getByRole("checkbox", { name: /This file is every pupil on roll/ }).check();
  await columns.getByRole("button", { name: "Save columns" }).click();
  await expect(columns.getByRole("status")).toHaveText("Saved. The preview below uses these columns.");
  await expect(page.getByRole("term").filter({ hasText: "Marked as left" }).locator("..")).toContainText("2");
  const importButton = page.getByRole("button", { name: "Import…" });
  await importButton.click();
  const dialog = page.getByRole("dialog", { name: "Mark 2 pupils as left?" });
  await expect(dialog).toContainText("Their accounts close at once");
  await expectNoAxeViolations(page, "the leavers' confirm dialog");
  await dialog.getByRole("button", { name: "Cancel", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(importButton).toBeFocused();
  expect((await db.student.findFirstOrThrow({ where: { id: seeded.pupils.sam.id } })).status).toBe("ON_ROLL");

  await importButton.click();
  await dialog.getByRole("button", { name: "Import and mark 2 pupils as left", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import pupils" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Imported:" })).toHaveText(
    /^Imported: 0 new, \d+ updated, 2 marked as left(, \d+ back on roll)?\.$/,
  );
  expect(await db.student.findFirstOrThrow({ where: { id: seeded.pupils.sam.id } })).toMatchObject({ status: "LEFT" });
  expect(await db.student.findFirstOrThrow({ where: { schoolId, upn: roll[5]!.upn } })).toMatchObject({ status: "LEFT" });
  expect(await db.pairing.findFirstOrThrow({ where: { id: seeded.pairings.samMaya } })).toMatchObject({
    status: "ENDED",
    closureReason: "PUPIL_LEFT",
  });
  await expectNoAxeViolations(page, "the imports page after importing");
});
