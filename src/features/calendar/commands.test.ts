// The admin's calendar: what is entered reaches the planned-session engine (ADR 013).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { loadSchoolCalendar } from "@/server/calendar";
import { academicCalendar, createSchool, createStaffUser } from "@/server/factories";
import { addDaysIso, todayIn, weekOf } from "@/lib/dates";
import { occurrencesBetween } from "@/lib/occurrences";
import type { Actor } from "@/server/actor";
import { actorFor } from "@/test-support/actors";
import { runCommand } from "@/test-support/commands";
import { uniqueEmail } from "@/test-support/school";
import { addAcademicYear, addCalendarPeriod, removeCalendarPeriod, saveSchoolWeek } from "./commands";

describe("the school calendar", () => {
  let admin: Actor;
  let schoolId: string;
  let yearId: string;
  const year = academicCalendar(todayIn("Europe/London"));
  // A Wednesday in the autumn term, after its first week.
  const wednesday = addDaysIso(weekOf(`${year.startYear}-09-20`).start, 2);
  beforeAll(async () => {
    const school = await createSchool(db);
    schoolId = school.id;
    admin = await actorFor(await createStaffUser(db, { schoolId, roles: ["ADMIN"], email: uniqueEmail("cal-admin") }));
    yearId = (await db.academicYear.findFirstOrThrow({ where: { schoolId } })).id;
  });
  const inset = (day: string, name = "INSET day") => ({ academicYearId: yearId, kind: "INSET", name, startsOn: day, endsOn: day });

  it("adds an INSET day once, however often it is sent, and audits it", async () => {
    const { result, changes } = await runCommand(addCalendarPeriod, admin, inset(wednesday), [schoolId]);
    expect(result).toMatchObject({ ok: true, message: "Added INSET day." });
    expect(changes).toEqual({ calendarPeriods: 1, auditLogs: 1 });
    const again = await runCommand(addCalendarPeriod, admin, inset(wednesday), [schoolId]);
    expect(again.result).toMatchObject({ ok: false, message: "These dates are already in the calendar." });
    expect(again.changes).toEqual({});
    const racing = await Promise.all([1, 2, 3].map(() => addCalendarPeriod.run(admin, inset(addDaysIso(wednesday, 7), "Second INSET"))));
    expect(racing.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.calendarPeriod.count({ where: { schoolId, name: "Second INSET" } })).toBe(1);
  });

  it("refuses dates in the wrong order, outside the school year, and overlapping terms, field by field", async () => {
    expect(await addCalendarPeriod.run(admin, { ...inset(wednesday), endsOn: addDaysIso(wednesday, -1) })).toMatchObject({
      ok: false,
      fieldErrors: { endsOn: ["The last day cannot be before the first day."] },
    });
    const outside = await addCalendarPeriod.run(admin, inset(addDaysIso(year.endsOn, 3)));
    expect(outside).toMatchObject({ ok: false, fieldErrors: { startsOn: [expect.stringMatching(/^Choose dates inside /)] } });
    const saturday = addDaysIso(wednesday, 3);
    expect(await addCalendarPeriod.run(admin, inset(saturday))).toMatchObject({
      ok: false,
      fieldErrors: { startsOn: ["These dates are all at a weekend: choose at least one day from Monday to Friday."] },
    });
    const term = { academicYearId: yearId, kind: "TERM", name: "Extra term", startsOn: wednesday, endsOn: addDaysIso(wednesday, 30) };
    expect(await addCalendarPeriod.run(admin, term)).toMatchObject({
      ok: false,
      message: "Terms cannot overlap: this one overlaps Autumn term.",
    });
  });

  it("sets the time zone and Week A, refusing a day that is not a Monday and an unknown zone", async () => {
    const monday = `${year.startYear}-09-07`;
    const mondayOfWeek = weekOf(monday).start;
    expect(await saveSchoolWeek.run(admin, { timezone: "Europe/London", weekAMonday: addDaysIso(mondayOfWeek, 1) })).toMatchObject({
      ok: false,
      fieldErrors: { weekAMonday: ["Choose a Monday: Week A starts on a Monday."] },
    });
    expect(await saveSchoolWeek.run(admin, { timezone: "Mars/Olympus", weekAMonday: mondayOfWeek })).toMatchObject({
      ok: false,
      fieldErrors: { timezone: ["Choose a time zone from the list, like Europe/London."] },
    });
    expect(await saveSchoolWeek.run(admin, { timezone: "Europe/London", weekAMonday: mondayOfWeek })).toMatchObject({
      ok: true,
    });
    expect((await loadSchoolCalendar(schoolId)).weekAStarts).toEqual([mondayOfWeek]);
    expect(await saveSchoolWeek.run(admin, { timezone: "Europe/London" })).toMatchObject({
      ok: true,
      message: "Saved. The school has one timetable week.",
    });
    expect((await loadSchoolCalendar(schoolId)).weekAStarts).toEqual([]);
  });

  it("keeps earlier Week A Mondays when a later one is set, so past weeks keep their letters", async () => {
    const first = weekOf(`${year.startYear}-09-07`).start;
    const later = addDaysIso(first, 63);
    await db.school.update({ where: { id: schoolId }, data: { weekAStarts: [new Date(`${first}T00:00:00Z`)] } });
    expect(await saveSchoolWeek.run(admin, { timezone: "Europe/London", weekAMonday: later })).toMatchObject({ ok: true });
    expect((await loadSchoolCalendar(schoolId)).weekAStarts).toEqual([first, later]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { schoolId, action: "school.week_saved" }, orderBy: { at: "desc" } });
    expect(audit.changes).toMatchObject({ from: { weekAStarts: [first] }, weekAStarts: [first, later] });
  });

  it("refuses to remove a term that still holds holidays, INSET days or half-term blocks", async () => {
    const autumn = await db.calendarPeriod.findFirstOrThrow({ where: { schoolId, kind: "TERM", name: "Autumn term" } });
    expect(await removeCalendarPeriod.run(admin, { periodId: autumn.id })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Remove the holidays, INSET days and half-term blocks inside Autumn term first/),
    });
    expect(await db.calendarPeriod.count({ where: { schoolId, id: autumn.id } })).toBe(1);
  });

  it("reaches the planned sessions: no session on the INSET day, and one again once it is removed", async () => {
    // Its own INSET days, so this test stands alone: one on the Wednesday, one a week later.
    const own = addDaysIso(wednesday, 49); // After October half-term, with two more weeks of term.
    for (const [day, name] of [
      [own, "Own INSET"],
      [addDaysIso(own, 7), "Own INSET 2"],
    ] as const)
      expect((await addCalendarPeriod.run(admin, inset(day, name))).ok).toBe(true);
    const slot = {
      weekday: 3 as const,
      startTime: "12:30",
      minutes: 20,
      place: "Library",
      cadence: "WEEKLY" as const,
      startsOn: year.startsOn,
    };
    const days = async () =>
      occurrencesBetween(slot, await loadSchoolCalendar(schoolId), weekOf(own).start, addDaysIso(own, 14)).map((o) => o.on);
    expect(await days()).toEqual([addDaysIso(own, 14)]);
    const period = await db.calendarPeriod.findFirstOrThrow({
      where: { schoolId, startsOn: new Date(`${own}T00:00:00Z`), kind: "INSET" },
    });
    const removed = await runCommand(removeCalendarPeriod, admin, { periodId: period.id }, [schoolId]);
    expect(removed.result).toMatchObject({ ok: true, message: "Removed Own INSET." });
    expect(removed.changes).toEqual({ calendarPeriods: -1, auditLogs: 1 });
    expect(await days()).toEqual([own, addDaysIso(own, 14)]);
    expect(await removeCalendarPeriod.run(admin, { periodId: period.id })).toMatchObject({ ok: false });
  });

  it("adds next school year once, refuses one that overlaps or starts in another year, and audits it", async () => {
    const next = year.startYear + 1;
    const input = { startYear: String(next), startsOn: `${next}-09-01`, endsOn: `${next + 1}-08-31` };
    const { result, changes } = await runCommand(addAcademicYear, admin, input, [schoolId]);
    expect(result).toMatchObject({ ok: true });
    expect(result.message).toMatch(/^Added the school year \d{4}–\d{2}\./);
    expect(changes).toMatchObject({ auditLogs: 1 });
    expect(await db.academicYear.count({ where: { schoolId, startYear: next } })).toBe(1);
    const again = await runCommand(addAcademicYear, admin, input, [schoolId]);
    expect(again.result).toMatchObject({ ok: false, message: "That school year is already in the calendar." });
    const overlap = await runCommand(
      addAcademicYear,
      admin,
      { startYear: String(next + 1), startsOn: `${next + 1}-08-01`, endsOn: `${next + 2}-07-31` },
      [schoolId],
    );
    expect(overlap.result.message).toMatch(/^School years cannot overlap/);
    const wrongYear = await runCommand(
      addAcademicYear,
      admin,
      { startYear: String(next + 5), startsOn: `${next + 4}-09-01`, endsOn: `${next + 5}-08-31` },
      [schoolId],
    );
    expect(wrongYear.result.fieldErrors?.startsOn).toEqual([`Choose a day in ${next + 5}.`]);
  });
});
