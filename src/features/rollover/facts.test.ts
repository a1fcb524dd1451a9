import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createSchool, createStaffUser } from "@/server/factories";
import { uniqueEmail } from "@/test-support/school";
import { toDbDate } from "@/lib/dates";
import { loadRollover } from "./facts";

const year = (schoolId: string, startYear: number) =>
  db.academicYear.create({
    data: {
      schoolId,
      name: `${startYear}–${String((startYear + 1) % 100).padStart(2, "0")}`,
      startYear,
      startsOn: toDbDate(`${startYear}-09-01`),
      endsOn: toDbDate(`${startYear + 1}-08-31`),
      confirmedAt: new Date(),
    },
  });

describe("which school year the rollover takes", () => {
  it("takes the earliest begun year not rolled over, not a next year the school entered by hand and has begun", async () => {
    const school = await createSchool(db, { withCalendar: false });
    await year(school.id, 2026);
    await year(school.id, 2027);
    // 10 September 2027: 2027–28 has begun, but 2026–27 was never rolled over.
    const late = new Date("2027-09-10T09:00:00Z");
    expect(await loadRollover(db, school.id, {}, late)).toMatchObject({
      kind: "READY",
      from: { startYear: 2026 },
      next: { startYear: 2027 },
    });
    await db.schoolRollover.create({
      data: {
        schoolId: school.id,
        fromStartYear: 2026,
        toStartYear: 2027,
        summary: {},
        ranById: (await createStaffUser(db, { schoolId: school.id, roles: ["ADMIN"], email: uniqueEmail("facts-admin") })).id,
      },
    });
    // Once 2026–27 is done, the begun 2027–28 is next; before it begins, the done year is shown as done.
    expect(await loadRollover(db, school.id, {}, late)).toMatchObject({ from: { startYear: 2027 }, alreadyRolledOver: false });
    expect(await loadRollover(db, school.id, {}, new Date("2027-07-20T09:00:00Z"))).toMatchObject({
      from: { startYear: 2026 },
      alreadyRolledOver: true,
    });
  });
});
