import "server-only";
import { lockSchool } from "@/server/locks";
import { defineCommand } from "@/server/command";
import { NotFoundError, RuleError } from "@/server/errors";
import { addDaysIso, formatStaffDate, fromDbDate, isWeekday, toDbDate } from "@/lib/dates";
import {
  addAcademicYearSchema,
  addCalendarPeriodSchema,
  confirmAcademicYearSchema,
  removeCalendarPeriodSchema,
  saveSchoolWeekSchema,
} from "./schemas";

const ADMIN = ["ADMIN"] as const;
// The kind and first day are the natural key: the same dates sent twice give one row and this.
const ALREADY_THERE = "These dates are already in the calendar.";

/** True when some day from `startsOn` to `endsOn` is a Monday to Friday. */
function hasWeekday(startsOn: string, endsOn: string): boolean {
  for (let day = startsOn, n = 0; day <= endsOn && n < 7; day = addDaysIso(day, 1), n += 1) {
    if (isWeekday(day)) return true;
  }
  return false;
}

export const addCalendarPeriod = defineCommand(
  { name: "addCalendarPeriod", schema: addCalendarPeriodSchema, allow: ADMIN, alreadyExists: ALREADY_THERE },
  async (input, { tx, actor, audit, contention }) => {
    // The year's row is locked, so two terms sent at once are checked one after the other.
    contention("Someone else is changing this school year's dates at the same moment, so nothing was saved. Please try again.");
    const [year] = await tx.$queryRaw<{ id: string; name: string; startsOn: Date; endsOn: Date }[]>`
      SELECT "id", "name", "startsOn", "endsOn" FROM "AcademicYear"
      WHERE "schoolId" = ${actor.schoolId} AND "id" = ${input.academicYearId} FOR UPDATE`;
    if (!year) throw new NotFoundError("academic year");
    const [from, to] = [fromDbDate(year.startsOn), fromDbDate(year.endsOn)];
    if (input.startsOn < from || input.endsOn > to) {
      const message = `Choose dates inside ${year.name} (${formatStaffDate(from)} to ${formatStaffDate(to)}).`;
      const startIsOutside = input.startsOn < from || input.startsOn > to;
      throw new RuleError(message, startIsOutside ? { startsOn: [message] } : { endsOn: [message] });
    }
    if (!hasWeekday(input.startsOn, input.endsOn)) {
      const message = "These dates are all at a weekend: choose at least one day from Monday to Friday.";
      throw new RuleError(message, { startsOn: [message] });
    }
    if (input.kind === "TERM") {
      const overlapping = await tx.calendarPeriod.findFirst({
        where: {
          schoolId: actor.schoolId,
          kind: "TERM",
          startsOn: { lte: toDbDate(input.endsOn) },
          endsOn: { gte: toDbDate(input.startsOn) },
        },
        select: { name: true },
      });
      if (overlapping)
        throw new RuleError(`Terms cannot overlap: this one overlaps ${overlapping.name}.`, { startsOn: ["Overlaps another term."] });
    }
    const duplicate = await tx.calendarPeriod.findFirst({
      where: { schoolId: actor.schoolId, kind: input.kind, startsOn: toDbDate(input.startsOn) },
      select: { id: true },
    });
    if (duplicate) throw new RuleError(ALREADY_THERE, { startsOn: ["Already in the calendar."] });
    const row = await tx.calendarPeriod.create({
      data: {
        schoolId: actor.schoolId,
        academicYearId: year.id,
        kind: input.kind,
        name: input.name,
        startsOn: toDbDate(input.startsOn),
        endsOn: toDbDate(input.endsOn),
      },
      select: { id: true },
    });
    await audit({ action: "calendar.period_added", recordType: "CalendarPeriod", recordId: row.id, changes: { ...input } });
    return { message: `Added ${input.name}.`, recordId: row.id };
  },
);

export const removeCalendarPeriod = defineCommand(
  { name: "removeCalendarPeriod", schema: removeCalendarPeriodSchema, allow: ADMIN },
  async (input, { tx, actor, audit }) => {
    const row = await tx.calendarPeriod.findFirst({
      where: { schoolId: actor.schoolId, id: input.periodId },
      select: { id: true, kind: true, name: true, startsOn: true, endsOn: true },
    });
    if (!row) throw new NotFoundError("calendar period");
    if (row.kind === "TERM") {
      const inside = await tx.calendarPeriod.count({
        where: { schoolId: actor.schoolId, kind: { not: "TERM" }, startsOn: { gte: row.startsOn }, endsOn: { lte: row.endsOn } },
      });
      if (inside > 0)
        throw new RuleError(`Remove the holidays, INSET days and half-term blocks inside ${row.name} first: the term holds ${inside}.`);
    }
    // Conditional: a second remove at the same moment finds nothing left.
    const removed = await tx.calendarPeriod.deleteMany({ where: { schoolId: actor.schoolId, id: row.id } });
    if (removed.count !== 1) throw new RuleError("These dates have already been removed.");
    await audit({
      action: "calendar.period_removed",
      recordType: "CalendarPeriod",
      recordId: row.id,
      changes: { kind: row.kind, name: row.name, startsOn: fromDbDate(row.startsOn), endsOn: fromDbDate(row.endsOn) },
    });
    return { message: `Removed ${row.name}.` };
  },
);

export const saveSchoolWeek = defineCommand(
  { name: "saveSchoolWeek", schema: saveSchoolWeekSchema, allow: ADMIN },
  async (input, { tx, actor, audit }) => {
    const [school] = await tx.$queryRaw<{ timezone: string; weekAStarts: Date[] }[]>`
      SELECT "timezone", "weekAStarts" FROM "School" WHERE "id" = ${actor.schoolId} FOR UPDATE`;
    if (!school) throw new NotFoundError("school");
    const before = (school.weekAStarts ?? []).map(fromDbDate).sort();
    // Earlier Week A Mondays stay, so weeks already past keep their letters; one week: none at all.
    const weekAStarts = input.weekAMonday ? [...before.filter((d) => d < input.weekAMonday), input.weekAMonday] : [];
    await tx.school.update({
      where: { id: actor.schoolId },
      data: { timezone: input.timezone, weekAStarts: weekAStarts.map(toDbDate) },
    });
    await audit({
      action: "school.week_saved",
      recordType: "School",
      recordId: actor.schoolId,
      changes: { from: { timezone: school.timezone, weekAStarts: before }, timezone: input.timezone, weekAStarts },
    });
    return { message: input.weekAMonday ? "Saved. Weeks alternate A and B." : "Saved. The school has one timetable week." };
  },
);

const YEAR_EXISTS = "That school year is already in the calendar.";

/**
 * Adds a school year (e.g. next year's, before its terms are known). Its natural key is the school and
 * the year it starts; it may not overlap another year, and it must start in that year and last at most
 * thirteen months. Audited.
 */
export const addAcademicYear = defineCommand(
  { name: "addAcademicYear", schema: addAcademicYearSchema, allow: ADMIN, alreadyExists: YEAR_EXISTS },
  async (input, { tx, actor, audit, contention }) => {
    if (!input.startsOn.startsWith(`${input.startYear}-`)) {
      throw new RuleError(`The first day must be in ${input.startYear}.`, { startsOn: [`Choose a day in ${input.startYear}.`] });
    }
    if (input.endsOn > addDaysIso(input.startsOn, 396)) {
      throw new RuleError("A school year lasts at most thirteen months.", {
        endsOn: ["Choose a day within thirteen months of the first."],
      });
    }
    contention("Someone else is changing the school years at the same moment, so nothing was saved. Please try again.");
    // One school year at a time per school: the school's row is the lock.
    await lockSchool(tx, actor.schoolId);
    const overlapping = await tx.academicYear.findFirst({
      where: { schoolId: actor.schoolId, startsOn: { lte: toDbDate(input.endsOn) }, endsOn: { gte: toDbDate(input.startsOn) } },
      select: { name: true, startYear: true },
    });
    if (overlapping?.startYear === input.startYear) throw new RuleError(YEAR_EXISTS, { startYear: ["Already in the calendar."] });
    if (overlapping)
      throw new RuleError(`School years cannot overlap: this one overlaps ${overlapping.name}.`, {
        startsOn: ["Overlaps another school year."],
      });
    const name = `${input.startYear}–${String((input.startYear + 1) % 100).padStart(2, "0")}`;
    const row = await tx.academicYear.create({
      data: {
        schoolId: actor.schoolId,
        name,
        startYear: input.startYear,
        startsOn: toDbDate(input.startsOn),
        endsOn: toDbDate(input.endsOn),
        // Added by hand, so its dates are the admin's own: confirmed (a rollover's draft is not).
        confirmedAt: new Date(),
      },
      select: { id: true },
    });
    await audit({ action: "academic_year.added", recordType: "AcademicYear", recordId: row.id, changes: { ...input, name } });
    return { message: `Added the school year ${name}. Add its terms and holidays below.`, recordId: row.id };
  },
);

/**
 * Makes a draft school year (the rollover's, plan §7) real once the admin has checked its dates: from
 * then on its terms and holidays plan sessions and bound dates. Conditional, so a second confirm says so.
 */
export const confirmAcademicYear = defineCommand(
  { name: "confirmAcademicYear", schema: confirmAcademicYearSchema, allow: ADMIN },
  async (input, { tx, actor, audit }) => {
    const year = await tx.academicYear.findFirst({
      where: { schoolId: actor.schoolId, id: input.academicYearId },
      select: { id: true, name: true, confirmedAt: true },
    });
    if (!year) throw new NotFoundError("academic year");
    const confirmed = await tx.academicYear.updateMany({
      where: { schoolId: actor.schoolId, id: year.id, confirmedAt: null },
      data: { confirmedAt: new Date() },
    });
    if (confirmed.count !== 1) throw new RuleError(`${year.name} is already confirmed.`);
    const periods = await tx.calendarPeriod.count({ where: { schoolId: actor.schoolId, academicYearId: year.id } });
    await audit({
      action: "academic_year.confirmed",
      recordType: "AcademicYear",
      recordId: year.id,
      changes: { name: year.name, periods },
    });
    return { message: `Confirmed ${year.name}. Its terms and holidays now plan sessions.`, recordId: year.id };
  },
);
