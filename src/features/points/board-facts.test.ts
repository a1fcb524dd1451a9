// The board loader's sums (ADR 024): a window runs from the school's midnight to the next, a correction
// counts in the window it was made in, and the award it corrects stops counting as earned in every window.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createPointEntry, createProgramme } from "@/server/factories";
import type { BoardPeriod } from "@/lib/board-periods";
import { buildSchool, type TestSchool } from "@/test-support/school";
import { loadBoardFacts } from "./board-facts";

// A Wednesday in British Summer Time: the school's week began at 23:00 UTC on Sunday 14 June.
const NOW = new Date("2026-06-17T12:00:00Z");
const WEEK_STARTS = new Date("2026-06-14T23:00:00Z");
const TOMORROW_STARTS = new Date("2026-06-17T23:00:00Z");

let s: TestSchool;
beforeEach(async () => {
  s = await buildSchool();
});

const give = (amount: number, createdAt: Date, extra: { reversesId?: string; programmeId?: string } = {}) =>
  createPointEntry(db, {
    schoolId: s.school.id,
    programmeId: s.programme.id,
    studentId: s.pupils.spareMentee.id,
    awardedById: s.staff.teacher.id,
    amount,
    category: amount > 0 || extra.reversesId ? "Effort" : "Points lost",
    createdAt,
    ...extra,
  });

async function figures(period: BoardPeriod) {
  const facts = await loadBoardFacts(db, { schoolId: s.school.id, timezone: s.school.timezone }, s.programme.id, period, NOW);
  const pupil = facts!.pupils.find((p) => p.studentId === s.pupils.spareMentee.id)!;
  return { total: pupil.total, earned: pupil.earned, previousTotal: pupil.previousTotal, previousEarned: pupil.previousEarned };
}

describe("a board's sums", () => {
  it("run from the school's midnight to the next, not UTC's", async () => {
    await give(1, WEEK_STARTS);
    await give(10, new Date(WEEK_STARTS.getTime() - 1));
    await give(100, new Date(TOMORROW_STARTS.getTime() - 1));
    await give(1000, TOMORROW_STARTS);
    // Most improved compares the same days of the week before (Monday to Wednesday): its first instant
    // counts, and last Sunday's late point does not.
    await give(5, new Date(WEEK_STARTS.getTime() - 7 * 24 * 60 * 60 * 1000));
    expect(await figures("WEEK")).toEqual({ total: 101, earned: 101, previousTotal: 5, previousEarned: 5 });
  });

  it("count a correction where it was made, and its award as earned nowhere; other programmes not at all", async () => {
    const lastWeek = new Date("2026-06-09T09:00:00Z");
    const mistaken = await give(5, lastWeek);
    await give(2, lastWeek);
    await give(-5, new Date("2026-06-16T09:00:00Z"), { reversesId: mistaken.id });
    await give(-1, new Date("2026-06-16T10:00:00Z"));
    const other = await createProgramme(db, { schoolId: s.school.id, startsOn: "2026-01-05" });
    await give(50, new Date("2026-06-16T11:00:00Z"), { programmeId: other.id });
    expect(await figures("WEEK")).toEqual({ total: -6, earned: 0, previousTotal: 7, previousEarned: 2 });
    const allTime = await figures("ALL_TIME");
    // The builder's pupils have no points of their own before these (the spare mentee was given none).
    expect(allTime).toEqual({ total: 1, earned: 2, previousTotal: 0, previousEarned: 0 });
  });
});
