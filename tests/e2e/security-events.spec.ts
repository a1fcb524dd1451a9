// Refused attempts are recorded as security events with who, what and when (ADR 005): here a pupil
// opening a staff page, which answers "not found" like a missing page.
import { expect, signInAs, test } from "./fixtures";
import { seedSchool } from "./support/seed";

test("a pupil who opens a staff page gets “not found”, and the refusal is recorded", async ({ page, db }) => {
  const { accounts } = await seedSchool(db, { label: "Refusals", history: false });
  const mentor = await db.user.findUniqueOrThrow({ where: { email: accounts.mentor.email }, select: { id: true } });
  await signInAs(page, accounts.mentor);
  const startedAt = new Date(Date.now() - 1000);

  await page.goto("/coordinator");
  await expect(page.getByRole("heading", { level: 1, name: "We could not find that page" })).toBeVisible();

  await expect
    .poll(async () =>
      (await db.securityEvent.findMany({ where: { userId: mentor.id, at: { gte: startedAt } }, select: { kind: true, detail: true } })).map(
        (e) => [e.kind, (e.detail as { needs?: string[] }).needs],
      ),
    )
    .toEqual([["access.role_refused", ["COORDINATOR"]]]);
});
