import "server-only";
import { defineCommand } from "@/server/command";
import { NotFoundError, RuleError } from "@/server/errors";
import { loadCalendarFacts } from "@/server/calendar";
import { formatStaffDate, fromDbDate, toDbDate } from "@/lib/dates";
import { academicYearOf } from "@/lib/school-calendar";
import { skipGroupLabel, span } from "./labels";
import { addProgrammeSkipSchema, removeProgrammeSkipSchema } from "./schemas";
import { lockProgramme, PROGRAMME_CONTENTION } from "./locks";

const COORDINATOR = ["COORDINATOR"] as const;

function refuse(message: string, field: "startsOn" | "endsOn"): never {
  throw new RuleError(message, { [field]: [message] });
}

/**
 * Weeks with no mentoring for the whole programme or one year group (ADR 015): inside the programme's
 * dates and one school year, and never overlapping another for the same group. The programme's row is
 * locked first, so two overlapping weeks sent at once are checked one after the other.
 */
export const addProgrammeSkip = defineCommand(
  {
    name: "addProgrammeSkip",
    schema: addProgrammeSkipSchema,
    allow: COORDINATOR,
    alreadyExists: "Weeks starting that day are already skipped for this group.",
  },
  async (input, { tx, actor, audit, contention }) => {
    contention(PROGRAMME_CONTENTION);
    const programme = await lockProgramme(tx, actor.schoolId, input.programmeId);
    const runs = { from: fromDbDate(programme.startsOn), to: programme.endsOn ? fromDbDate(programme.endsOn) : null };
    const runsFor = runs.to ? `from ${formatStaffDate(runs.from)} to ${formatStaffDate(runs.to)}` : `from ${formatStaffDate(runs.from)}`;
    if (input.startsOn < runs.from) refuse(`Choose dates while the programme runs: ${runsFor}.`, "startsOn");
    if (runs.to && input.endsOn > runs.to) refuse(`Choose dates while the programme runs: ${runsFor}.`, "endsOn");
    const year = academicYearOf(await loadCalendarFacts(tx, actor), input.startsOn);
    if (input.endsOn > year.endsOn)
      refuse(
        `Choose dates inside one school year: this one runs from ${formatStaffDate(year.startsOn)} to ${formatStaffDate(year.endsOn)}.`,
        "endsOn",
      );
    const group = skipGroupLabel(input.yearGroup);
    const overlapping = await tx.programmeSkip.findFirst({
      where: {
        schoolId: actor.schoolId,
        programmeId: programme.id,
        yearGroup: input.yearGroup,
        startsOn: { lte: toDbDate(input.endsOn) },
        endsOn: { gte: toDbDate(input.startsOn) },
      },
      select: { startsOn: true, endsOn: true, reason: true },
    });
    if (overlapping)
      throw new RuleError(
        `${group} already has ${overlapping.reason} (${span(fromDbDate(overlapping.startsOn), fromDbDate(overlapping.endsOn))}) in these dates. Choose other dates, or remove that one first.`,
        { startsOn: ["These dates overlap another skipped week for the same group."] },
      );
    const row = await tx.programmeSkip.create({
      data: {
        schoolId: actor.schoolId,
        programmeId: programme.id,
        startsOn: toDbDate(input.startsOn),
        endsOn: toDbDate(input.endsOn),
        yearGroup: input.yearGroup,
        reason: input.reason,
        createdById: actor.userId,
      },
      select: { id: true },
    });
    await audit({
      action: "programme.skip_added",
      recordType: "ProgrammeSkip",
      recordId: row.id,
      // The reason is about the school's calendar, not a pupil, so it is kept (the audit redacts "reason").
      changes: { programmeId: programme.id, startsOn: input.startsOn, endsOn: input.endsOn, yearGroup: input.yearGroup, why: input.reason },
    });
    const who = input.yearGroup === 0 ? "the programme" : group;
    return {
      message: `Added ${input.reason}: no sessions are planned for ${who} ${span(input.startsOn, input.endsOn)}.`,
      recordId: row.id,
    };
  },
);

export const removeProgrammeSkip = defineCommand(
  { name: "removeProgrammeSkip", schema: removeProgrammeSkipSchema, allow: COORDINATOR },
  async (input, { tx, actor, audit }) => {
    const skip = await tx.programmeSkip.findFirst({
      where: { schoolId: actor.schoolId, id: input.skipId },
      select: { id: true, programmeId: true, startsOn: true, endsOn: true, yearGroup: true, reason: true },
    });
    if (!skip) throw new NotFoundError("skipped week");
    // Conditional: a second remove at the same moment finds nothing left.
    const removed = await tx.programmeSkip.deleteMany({ where: { schoolId: actor.schoolId, id: skip.id } });
    if (removed.count !== 1) throw new RuleError("These weeks have already been removed.");
    const [from, to] = [fromDbDate(skip.startsOn), fromDbDate(skip.endsOn)];
    await audit({
      action: "programme.skip_removed",
      recordType: "ProgrammeSkip",
      recordId: skip.id,
      changes: { programmeId: skip.programmeId, startsOn: from, endsOn: to, yearGroup: skip.yearGroup, why: skip.reason },
    });
    return {
      message: `Removed ${skip.reason} (${skipGroupLabel(skip.yearGroup)}, ${span(from, to)}). Sessions are planned in these weeks again.`,
    };
  },
);
