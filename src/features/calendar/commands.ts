import "server-only";
import { defineCommand } from "@/server/command";
import { NotFoundError, RuleError } from "@/server/errors";
import { formatStaffDate, fromDbDate, toDbDate } from "@/lib/dates";
import { addCalendarPeriodSchema, removeCalendarPeriodSchema, saveSchoolWeekSchema } from "./schemas";

const ADMIN = ["ADMIN"] as const;
// The kind and first day are the natural key: the same dates sent twice give one row and this.
const ALREADY_THERE = "These dates are already in the calendar.";

export const addCalendarPeriod = defineCommand(
  { name: "addCalendarPeriod", schema: addCalendarPeriodSchema, allow: ADMIN, alreadyExists: ALREADY_THERE },
  async (input, { tx, actor, audit }) => {
    const year = await tx.academicYear.findFirst({
      where: { schoolId: actor.schoolId, id: input.academicYearId },
      select: { id: true, name: true, startsOn: true, endsOn: true },
    });
    if (!year) throw new NotFoundError("academic year");
    const [from, to] = [fromDbDate(year.startsOn), fromDbDate(year.endsOn)];
    if (input.startsOn < from || input.endsOn > to) {
      const message = `Choose dates inside ${year.name} (${formatStaffDate(from)} to ${formatStaffDate(to)}).`;
      const startIsOutside = input.startsOn < from || input.startsOn > to;
      throw new RuleError(message, startIsOutside ? { startsOn: [message] } : { endsOn: [message] });
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
    const weekAStarts = input.hasWeekAB ? [input.weekAMonday] : [];
    await tx.school.update({
      where: { id: actor.schoolId },
      data: { timezone: input.timezone, weekAStarts: weekAStarts.map(toDbDate) },
    });
    await audit({
      action: "school.week_saved",
      recordType: "School",
      recordId: actor.schoolId,
      changes: { timezone: input.timezone, weekAStarts },
    });
    return { message: input.hasWeekAB ? "Saved. Weeks alternate A and B." : "Saved. The school has one timetable week." };
  },
);
