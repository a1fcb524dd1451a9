// Alumni mentors (issue 11, ADR 025): the DSL records a former mentor's safeguarding check (a missing
// number said next to its field), the coordinator invites them back with the email they use now, they
// sign in with it and land on the mentoring page with nothing of any other pupil, and the coordinator
// ends their time through the confirm dialog (cancel first): their next page is the sign-in page. axe
// on each page.
import { randomUUID } from "node:crypto";
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";
import { SEEDED_PASSWORD, seedSchool } from "./support/seed";
import { createPairingRow, createStudent } from "@/server/factories";
import { todayIn } from "@/lib/dates";

test("a former mentor is checked, invited back, signs in as an alumni mentor, and is ended through the confirm dialog", async ({
  page,
  browser,
  db,
}) => {
  test.setTimeout(120_000);
  const seeded = await seedSchool(db, { label: "Alumni", history: false });
  const schoolId = seeded.school.id;
  const tag = randomUUID().slice(0, 8);
  const jordan = await createStudent(db, {
    schoolId,
    firstName: "Jordan",
    lastName: "Lee",
    yearGroup: 11,
    status: "ALUMNI",
    today: todayIn("Europe/London"),
    account: { email: `jordan-school-${tag}@e2e.example`, password: SEEDED_PASSWORD },
  });
  await createPairingRow(db, {
    schoolId,
    programmeId: seeded.programme.id,
    createdById: seeded.staff.coordinator,
    mentorIds: [jordan.id],
    menteeIds: [seeded.pupils.maya.id],
    status: "ENDED",
    closureReason: "PUPIL_LEFT",
  });

  // The DSL records the check: a missing number is said next to its field, then it is recorded.
  await signInAs(page, seeded.accounts.dsl);
  await page.goto("/staff/alumni");
  await expect(page.getByRole("heading", { level: 1, name: "Alumni mentors" })).toBeVisible();
  const card = page.locator("section", { hasText: "Jordan Lee" });
  await expect(card).toContainText("No safeguarding check recorded.");
  await expectNoAxeViolations(page, "/staff/alumni as the DSL");
  const checkForm = page.getByRole("form", { name: "Record Jordan Lee's safeguarding check" });
  await checkForm.getByLabel("Date on the certificate").fill("2026-09-01");
  await checkForm.getByRole("button", { name: "Record check" }).click();
  await expect(checkForm.getByText("Enter the certificate or reference number.")).toBeVisible();
  await expect(checkForm.getByLabel("Date on the certificate")).toHaveValue("2026-09-01");
  await checkForm.getByLabel("Certificate number").fill("001234567890");
  await checkForm.getByRole("button", { name: "Record check" }).click();
  await expect(checkForm.getByText("Check recorded.", { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByText(/Enhanced DBS check dated 1 Sept? 2026, number 001234567890\./)).toBeVisible();

  // The coordinator invites Jordan back with the address Jordan uses now.
  const coordinator = await browser.newContext();
  const coordinatorPage = await coordinator.newPage();
  await signInAs(coordinatorPage, seeded.accounts.coordinator);
  await coordinatorPage.goto("/staff/alumni");
  await expect(coordinatorPage.getByText(/number 001234567890/)).toHaveCount(0);
  const personalEmail = `jordan-${tag}@e2e.example`;
  const invite = coordinatorPage.getByRole("form", { name: "Invite Jordan Lee back as a mentor" });
  await invite.getByLabel("Their email address now").fill(personalEmail);
  await invite.getByRole("button", { name: "Invite back as a mentor" }).click();
  await expect(coordinatorPage.getByText("Jordan Lee is invited back as an alumni mentor.")).toBeVisible();
  await expectNoAxeViolations(coordinatorPage, "/staff/alumni as the coordinator");

  // Jordan signs in with that address and lands on the mentoring page, with no pupil's page or boards.
  const alumni = await browser.newContext();
  const alumniPage = await alumni.newPage();
  await signInAs(alumniPage, { email: personalEmail, password: SEEDED_PASSWORD, home: "/mentor" });
  await expect(alumniPage.getByText("You do not have a mentee yet")).toBeVisible();
  // One page of their own, so no menu of pages: no pupil's page, no boards.
  await expect(alumniPage.getByRole("link", { name: "Boards" })).toHaveCount(0);
  await expect(alumniPage.getByRole("link", { name: "My page" })).toHaveCount(0);
  expect((await alumniPage.goto("/student/boards"))?.status()).toBe(404);
  await alumniPage.goto("/mentor");
  await expectNoAxeViolations(alumniPage, "/mentor as an alumni mentor");

  // Ending: Cancel leaves it; confirming ends it and Jordan's next page is the sign-in page.
  await coordinatorPage.reload();
  await coordinatorPage.getByRole("button", { name: "End Jordan Lee's time as an alumni mentor" }).click();
  const dialog = coordinatorPage.getByRole("dialog", { name: "End Jordan Lee's time as an alumni mentor?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await alumniPage.reload();
  await expect(alumniPage).toHaveURL(/\/mentor$/);
  await coordinatorPage.getByRole("button", { name: "End Jordan Lee's time as an alumni mentor" }).click();
  await coordinatorPage.getByRole("dialog").getByRole("button", { name: "End", exact: true }).click();
  await expect(coordinatorPage.getByText("They are no longer an alumni mentor, and are signed out.")).toBeVisible();
  await alumniPage.goto("/mentor");
  await expect(alumniPage).toHaveURL(/\/sign-in/);
  await Promise.all([coordinator.close(), alumni.close()]);
});
