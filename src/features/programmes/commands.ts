import "server-only";
import { defineCommand } from "@/server/command";
import { RuleError } from "@/server/errors";
import { loadCalendarFacts, requireDateInRange } from "@/server/calendar";
import { loadDaySlots } from "@/server/day-slots";
import { fromDbDate, toDbDate } from "@/lib/dates";
import { programmeDateRange } from "@/lib/school-calendar";
import { LIVE_STATUSES } from "@/features/pairings/status";
import { nextProgrammeStatuses, programmeStatusLabels } from "./labels";
import { lockProgramme, PROGRAMME_CONTENTION, STALE_PROGRAMME_MESSAGE } from "./locks";
import { changeProgrammeStatusSchema, createProgrammeSchema, updateProgrammeSchema } from "./schemas";

export { addProgrammeSkip, removeProgrammeSkip } from "./skip-commands";

const COORDINATOR = ["COORDINATOR"] as const;

export const createProgramme = defineCommand(
  { name: "createProgramme", schema: createProgrammeSchema, allow: COORDINATOR, isIdempotent: true },
  async (input, { tx, actor, audit }) => {
    const calendar = await loadCalendarFacts(tx, actor);
    const range = programmeDateRange(calendar);
    requireDateInRange("startsOn", input.startsOn, range, "staff", calendar.today);
    if (input.endsOn) requireDateInRange("endsOn", input.endsOn, range, "staff", calendar.today);
    const row = await tx.programme.create({
      data: {
        schoolId: actor.schoolId,
        name: input.name,
        focusAreas: input.focusAreas,
        format: input.format,
        cadence: input.cadence,
        sessionMinutes: input.sessionMinutes,
        startsOn: toDbDate(input.startsOn),
        endsOn: input.endsOn ? toDbDate(input.endsOn) : null,
        // Set up first, then started: a draft takes no pairings and pupils do not see it.
        status: "DRAFT",
      },
      select: { id: true },
    });
    await audit({ action: "programme.created", recordType: "Programme", recordId: row.id, changes: { ...input, status: "DRAFT" } });
    return {
      message: `Created ${input.name}. Choose its sessions, matching rules and to-dos, then start it.`,
      recordId: row.id,
      link: { href: `/coordinator/programmes/${row.id}`, label: `Open ${input.name}` },
    };
  },
);

type Settings = Awaited<ReturnType<typeof lockProgramme>>;
type Comparable = string | number | boolean | null | string[];

/** The settings as plain values, so the audit says what changed from what. */
function plain(p: Omit<Settings, "id" | "name" | "status" | "version"> & { name: string }): Record<string, Comparable> {
  return {
    ...p,
    startsOn: fromDbDate(p.startsOn),
    endsOn: p.endsOn ? fromDbDate(p.endsOn) : null,
    focusAreas: [...p.focusAreas],
  };
}

export const updateProgramme = defineCommand(
  { name: "updateProgramme", schema: updateProgrammeSchema, allow: COORDINATOR },
  async (input, { tx, actor, audit, contention }) => {
    contention(PROGRAMME_CONTENTION);
    const current = await lockProgramme(tx, actor.schoolId, input.programmeId);
    if (current.version !== input.version) throw new RuleError(STALE_PROGRAMME_MESSAGE);
    const { programmeId, version, ...wanted } = input;
    const before = plain(current);
    const endsOn = wanted.endsOn === "" ? null : wanted.endsOn;
    const defaultSlotId = wanted.defaultSlotId === "" ? null : wanted.defaultSlotId;
    const after = plain({
      ...wanted,
      startsOn: toDbDate(wanted.startsOn),
      endsOn: endsOn ? toDbDate(endsOn) : null,
      defaultWeekday: wanted.defaultWeekday ?? null,
      defaultSlotId,
    });

    // Only a changed date is held to the range, so an older programme can still be edited.
    const calendar = await loadCalendarFacts(tx, actor);
    const range = programmeDateRange(calendar);
    if (after.startsOn !== before.startsOn) requireDateInRange("startsOn", wanted.startsOn, range, "staff", calendar.today);
    if (endsOn && endsOn !== before.endsOn) requireDateInRange("endsOn", endsOn, range, "staff", calendar.today);
    // A retired day slot may stay where it was chosen, but is not chosen anew.
    if (defaultSlotId && defaultSlotId !== before.defaultSlotId) {
      const slots = await loadDaySlots(actor.schoolId, tx);
      if (!slots.some((s) => s.id === defaultSlotId))
        throw new RuleError("Choose a time of day from the list.", { defaultSlotId: ["Choose a time of day from the list."] });
    }

    const updated = await tx.programme.updateMany({
      where: { schoolId: actor.schoolId, id: programmeId, version },
      data: {
        name: wanted.name,
        focusAreas: wanted.focusAreas,
        format: wanted.format,
        cadence: wanted.cadence,
        sessionMinutes: wanted.sessionMinutes,
        startsOn: toDbDate(wanted.startsOn),
        endsOn: endsOn ? toDbDate(endsOn) : null,
        defaultWeekday: wanted.defaultWeekday ?? null,
        defaultSlotId,
        defaultPlace: wanted.defaultPlace,
        minYearGap: wanted.minYearGap,
        maxYearGap: wanted.maxYearGap,
        groupSize: wanted.groupSize,
        isTrainingRequired: wanted.isTrainingRequired,
        todoLogGraceDays: wanted.todoLogGraceDays,
        todoFirstSessionDays: wanted.todoFirstSessionDays,
        todoFirstWeeks: wanted.todoFirstWeeks,
        todoFirstWeeksSessions: wanted.todoFirstWeeksSessions,
        todoAbsentRun: wanted.todoAbsentRun,
        todoCheckInLow: wanted.todoCheckInLow,
        todoCheckInChange: wanted.todoCheckInChange,
        checkInEveryWeeks: wanted.checkInEveryWeeks,
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) throw new RuleError(STALE_PROGRAMME_MESSAGE);
    const changed = Object.keys(after).filter((key) => JSON.stringify(after[key]) !== JSON.stringify(before[key]));
    await audit({
      action: "programme.updated",
      recordType: "Programme",
      recordId: programmeId,
      changes: {
        from: Object.fromEntries(changed.map((key) => [key, before[key]])),
        ...Object.fromEntries(changed.map((key) => [key, after[key]])),
        version: version + 1,
      },
    });
    return { message: changed.length === 0 ? "Saved. Nothing had changed." : `Saved ${wanted.name}'s settings.` };
  },
);

const STATUS_DONE: Record<string, (name: string) => string> = {
  "DRAFT>ACTIVE": (name) => `Started ${name}. It can now take pairings.`,
  "CLOSED>ACTIVE": (name) => `Reopened ${name}. It can take pairings again.`,
  "DRAFT>CLOSED": (name) => `Closed ${name}.`,
  "ACTIVE>CLOSED": (name) => `Closed ${name}. Its pairings, sessions and points stay in the history.`,
};

export const changeProgrammeStatus = defineCommand(
  { name: "changeProgrammeStatus", schema: changeProgrammeStatusSchema, allow: COORDINATOR },
  async (input, { tx, actor, audit, contention }) => {
    contention(PROGRAMME_CONTENTION);
    const current = await lockProgramme(tx, actor.schoolId, input.programmeId);
    if (current.version !== input.version) throw new RuleError(STALE_PROGRAMME_MESSAGE);
    if (current.status === input.status)
      throw new RuleError(`${current.name} is already ${programmeStatusLabels[current.status].toLowerCase()}.`);
    if (!nextProgrammeStatuses(current.status).includes(input.status))
      throw new RuleError("A programme that has started cannot go back to being set up. Close it instead.");
    if (input.status === "CLOSED") {
      // Pairings are created under a share lock on this row, so none can start while this counts.
      const live = await tx.pairing.count({
        where: { schoolId: actor.schoolId, programmeId: current.id, status: { in: [...LIVE_STATUSES] } },
      });
      if (live > 0)
        throw new RuleError(
          `${current.name} still has ${live} live pairing${live === 1 ? "" : "s"} (on trial or active), so it cannot close yet. End ${live === 1 ? "it" : "each one"} from the pairing's page first: the programme dashboard lists them.`,
          {},
          { href: `/coordinator?programme=${current.id}`, label: "Open the programme dashboard" },
        );
    }
    const updated = await tx.programme.updateMany({
      where: { schoolId: actor.schoolId, id: current.id, version: input.version, status: current.status },
      data: { status: input.status, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new RuleError(STALE_PROGRAMME_MESSAGE);
    const action =
      input.status === "CLOSED" ? "programme.closed" : current.status === "CLOSED" ? "programme.reopened" : "programme.started";
    await audit({
      action,
      recordType: "Programme",
      recordId: current.id,
      changes: { from: { status: current.status }, status: input.status, version: input.version + 1 },
    });
    return { message: STATUS_DONE[`${current.status}>${input.status}`]!(current.name) };
  },
);
