// Staff read a pupil's full history with filters, and a programme's weekly summary, exported as CSV a
// spreadsheet reads back the same (formulas in text escaped).
import { beforeEach, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { db } from "@/server/db";
import { createPointEntry, createStaffUser } from "@/server/factories";
import type { Actor } from "@/server/actor";
import { actorFor } from "@/test-support/actors";
import { buildSchool, uniqueEmail, type TestSchool } from "@/test-support/school";
import { addDaysIso, weekOf } from "@/lib/dates";
import { getWeeklyPointsSummary, listPointHistoryForStaff } from "./history-queries";
import { summaryCsv } from "./summary-csv";

let s: TestSchool;
let teacher: Actor;
let formulaGiverId: string;
beforeEach(async () => {
  s = await buildSchool();
  teacher = await actorFor(s.staff.teacher);
  formulaGiverId = (await createStaffUser(db, { schoolId: s.school.id, roles: ["TEACHER"], email: uniqueEmail("eq"), name: "=SUM(A1:A9)" }))
    .id;
  const give = (amount: number, category: string, awardedById: string, createdAt?: Date, autoKey?: string) =>
    createPointEntry(db, {
      schoolId: s.school.id,
      programmeId: s.programme.id,
      studentId: s.pupils.mentee.id,
      amount,
      category,
      awardedById,
      createdAt,
      autoKey,
    });
  await give(2, "Kindness", s.staff.coordinator.id);
  await give(-1, "Points lost", formulaGiverId);
  await give(1, "Attendance", s.staff.teacher.id, undefined, "ATTENDANCE:sess:pupil:1");
  await give(5, "Effort", s.staff.teacher.id, new Date(Date.now() - 60 * 24 * 60 * 60 * 1000));
});

describe("a pupil's history for staff", () => {
  it("lists every entry newest first, filtered by category, giver and period, with automatic points named so", async () => {
    const all = await listPointHistoryForStaff(teacher, s.pupils.mentee.id);
    // The builder's +3 Effort, and the four above.
    expect(all.total).toBe(3 + 2 - 1 + 1 + 5);
    expect(all.entries).toHaveLength(5);
    expect(all.entries.find((e) => e.categoryName === "Attendance")?.awardedByName).toBe("Automatic");
    const effort = await listPointHistoryForStaff(teacher, s.pupils.mentee.id, { categoryId: s.categoryIds.Effort! });
    expect(effort.entries.map((e) => e.amount).sort()).toEqual([3, 5]);
    const byCoordinator = await listPointHistoryForStaff(teacher, s.pupils.mentee.id, { awardedById: s.staff.coordinator.id });
    expect(byCoordinator.entries.map((e) => e.amount)).toEqual([2]);
    const week = await listPointHistoryForStaff(teacher, s.pupils.mentee.id, { period: "WEEK" });
    expect(week.filtered).toMatchObject({ count: 4, sum: 3 + 2 - 1 + 1 });
    expect(all.givers.map((g) => g.id).sort()).toEqual([s.staff.coordinator.id, s.staff.teacher.id, formulaGiverId].sort());
  });
});

describe("the weekly summary", () => {
  it("adds up by category and by giver, and its CSV reads back the same with formulas escaped", async () => {
    const summary = await getWeeklyPointsSummary(teacher, s.programme.id, weekOf(s.today).start);
    expect(summary.totals).toEqual({ given: 3 + 2 + 1, taken: 1, entries: 4 });
    expect(summary.byGiver.find((l) => l.label === "Automatic")).toEqual({
      key: "automatic",
      label: "Automatic",
      given: 1,
      taken: 0,
      entries: 1,
    });
    expect(summary.byCategory.find((l) => l.label === "Points lost")).toMatchObject({
      label: "Points lost",
      given: 0,
      taken: 1,
      entries: 1,
    });
    const rows = parse(summaryCsv(summary)) as string[][];
    expect(rows[0]).toEqual(["Programme", "Week starting", "Grouped by", "Name", "Points given", "Points taken away", "Entries"]);
    expect(rows).toContainEqual([s.programme.name, summary.weekStart, "Category", "Points lost", "0", "1", "1"]);
    // A name that looks like a formula is text in a spreadsheet: csv-stringify prefixes it with a quote.
    expect(rows).toContainEqual([s.programme.name, summary.weekStart, "Given by", "'=SUM(A1:A9)", "0", "1", "1"]);
    const earlier = await getWeeklyPointsSummary(teacher, s.programme.id, addDaysIso(weekOf(s.today).start, -7));
    expect(earlier.totals.entries).toBe(0);
  });
});
