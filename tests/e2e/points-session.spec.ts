// A supervising teacher gives everyone who came to a group session their Attendance points in one go,
// from the session's page; a second press adds nothing and says so; a pupil who came sees it on her
// group's board, and the pupil who did not come has no more points than before.
import { addDaysIso } from "@/lib/dates";
import { createPairingRow, createSessionRow } from "@/server/factories";
import { expect, expectNoAxeViolations, signInAs, tableRows, test } from "./fixtures";
import { seedSchool } from "./support/seed";
import { parse } from "csv-parse/sync";

test("a teacher gives everyone who came +1 Attendance from a session, and the pupil's board shows it", async ({ page, browser, db }) => {
  // No history: the week's summary then holds only what this test gives.
  const seeded = await seedSchool(db, { label: "Session points", history: false });
  const { kofi, nia, theo, aisha } = seeded.pupils;
  // Kofi mentors a group of three, supervised by the teacher; yesterday Nia came, Theo came late, Aisha did not.
  const group = await createPairingRow(db, {
    schoolId: seeded.school.id,
    programmeId: seeded.programme.id,
    createdById: seeded.staff.coordinator,
    mentorIds: [kofi.id],
    menteeIds: [nia.id, theo.id, aisha.id],
    kind: "GROUP",
    name: "Kofi's group",
    status: "ACTIVE",
  });
  await db.pairing.update({
    where: { schoolId_id: { schoolId: seeded.school.id, id: group.id } },
    data: { supervisorId: seeded.staff.teacher },
  });
  const session = await createSessionRow(db, {
    schoolId: seeded.school.id,
    pairingId: group.id,
    loggedById: seeded.staff.coordinator,
    heldOn: addDaysIso(seeded.today, -1),
    pupils: [
      { studentId: nia.id, attendance: "PRESENT" },
      { studentId: theo.id, attendance: "LATE" },
      { studentId: aisha.id, attendance: "ABSENT" },
    ],
  });

  const teacherContext = await browser.newContext();
  const teacherPage = await teacherContext.newPage();
  await signInAs(teacherPage, seeded.accounts.teacher);
  await teacherPage.goto(`/sessions/${session.id}`);
  const form = teacherPage.getByRole("form", { name: "Points for this session" });
  await expect(form.getByText("2 pupils came.")).toBeVisible();
  const give = form.getByRole("button", { name: "Give everyone who came +1 Attendance" });
  await give.click();
  await expect(form.getByRole("status")).toHaveText("1 Attendance point given to 2 pupils who came.");
  await expectNoAxeViolations(teacherPage, "/sessions/[id] after giving points");
  // A second press gives nothing more, and says why.
  await give.click();
  await expect(form.getByRole("alert")).toHaveText("Everyone who came already has Attendance points for this session.");

  // This week's summary on the Points page counts them, and downloads as CSV a spreadsheet reads.
  await teacherPage.goto(`/staff?programme=${seeded.programme.id}`);
  const download = teacherPage.getByRole("link", { name: "Download as CSV" });
  const response = await teacherPage.request.get((await download.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const csv = parse(await response.text()) as string[][];
  expect(csv[0]).toEqual(["Programme", "Week starting", "Grouped by", "Name", "Points given", "Points taken away", "Entries"]);
  expect(csv.find((r) => r[2] === "Category" && r[3] === "Attendance")?.slice(4)).toEqual(["2", "0", "2"]);
  expect(csv.find((r) => r[2] === "Given by" && r[3] === "Tom Reed")?.slice(4)).toEqual(["2", "0", "2"]);
  await teacherContext.close();

  await signInAs(page, seeded.accounts.waitingMentee);
  await page.goto(`/student/boards?programme=${seeded.programme.id}&scope=GROUP&group=${group.id}&period=ALL_TIME`);
  const board = page.getByRole("table", { name: /^Kofi's group: all time/ });
  const rows = await tableRows(board);
  const pointsOf = (name: string) => rows.find((r) => r[1]?.startsWith(name))?.at(-1);
  expect(pointsOf(nia.name), "Nia came: one more point").toBe(String(nia.points + 1));
  expect(pointsOf(theo.name), "Theo came late: one more point").toBe(String(theo.points + 1));
  expect(pointsOf(aisha.name), "Aisha did not come: no more points").toBe(String(aisha.points));
  await expectNoAxeViolations(page, "/student/boards, her group");

  // The export is for staff: a pupil asking for it gets the not-found page.
  const asPupil = await page.request.get(`/staff/points/${seeded.programme.id}/summary.csv`);
  expect(asPupil.status()).toBe(404);
});
