import "server-only";
import { defineCommand, type CommandContext } from "@/server/command";
import { NotFoundError, RuleError } from "@/server/errors";
import type { Tx } from "@/server/db";
import { formatTimes, sameSlotName, slotKeyFor } from "@/lib/day-slots";
import {
  addDaySlotSchema,
  removeYearGroupTimesSchema,
  restoreDaySlotSchema,
  retireDaySlotSchema,
  setYearGroupTimesSchema,
  updateDaySlotSchema,
} from "./schemas";

const ADMIN = ["ADMIN"] as const;
const CONTENDED = "Someone else is changing the school day at the same moment, so nothing was saved. Please try again.";

/**
 * Every change to a school's slots runs under one lock per school (ADR 014): names stay unique (no
 * database key holds them), keys are chosen from what is there, and the order is renumbered, each
 * seeing the change before it.
 */
async function lockSchoolDay({ tx, actor, contention }: CommandContext) {
  contention(CONTENDED);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`day-slots:${actor.schoolId}`}, 0))`;
}

async function findSlot(tx: Tx, schoolId: string, slotId: string) {
  const slot = await tx.schoolSlot.findFirst({
    where: { schoolId, id: slotId },
    select: { id: true, key: true, name: true, startTime: true, endTime: true, archivedAt: true },
  });
  if (!slot) throw new NotFoundError("day slot");
  return slot;
}

/** No two slots share a name, retired ones included (bringing one back must not make two). */
async function requireFreeName(tx: Tx, schoolId: string, name: string, exceptId?: string) {
  const others = await tx.schoolSlot.findMany({
    where: { schoolId, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { key: true, name: true, archivedAt: true },
  });
  const same = others.find((s) => sameSlotName(s.name, name));
  if (same) {
    const message = same.archivedAt
      ? `${same.name} is a retired slot. Bring it back instead of adding it again.`
      : `There is already a slot called ${same.name}.`;
    throw new RuleError(message, { name: [message] });
  }
  return others;
}

/** The slots stay in the order of the day: by start time, then end time, then name. */
async function keepInOrderOfDay(tx: Tx, schoolId: string) {
  await tx.$executeRaw`
    UPDATE "SchoolSlot" AS s SET "sortOrder" = o.n
    FROM (SELECT "id", (row_number() OVER (ORDER BY "startTime", "endTime", "name"))::int AS n FROM "SchoolSlot" WHERE "schoolId" = ${schoolId}) AS o
    WHERE s."schoolId" = ${schoolId} AND s."id" = o."id" AND s."sortOrder" <> o.n`;
}

export const addDaySlot = defineCommand({ name: "addDaySlot", schema: addDaySlotSchema, allow: ADMIN }, async (input, ctx) => {
  const { tx, actor, audit } = ctx;
  await lockSchoolDay(ctx);
  const others = await requireFreeName(tx, actor.schoolId, input.name);
  const key = slotKeyFor(input.name, new Set(others.map((s) => s.key)));
  const slot = await tx.schoolSlot.create({
    data: { schoolId: actor.schoolId, key, name: input.name, startTime: input.startTime, endTime: input.endTime },
    select: { id: true },
  });
  await keepInOrderOfDay(tx, actor.schoolId);
  await audit({ action: "day_slot.added", recordType: "SchoolSlot", recordId: slot.id, changes: { key, ...input } });
  return { message: `Added ${input.name} (${formatTimes(input)}).`, recordId: slot.id };
});

export const updateDaySlot = defineCommand({ name: "updateDaySlot", schema: updateDaySlotSchema, allow: ADMIN }, async (input, ctx) => {
  const { tx, actor, audit } = ctx;
  await lockSchoolDay(ctx);
  const slot = await findSlot(tx, actor.schoolId, input.slotId);
  await requireFreeName(tx, actor.schoolId, input.name, slot.id);
  // The key stays: pupils' free times name it.
  await tx.schoolSlot.update({
    where: { schoolId_id: { schoolId: actor.schoolId, id: slot.id } },
    data: { name: input.name, startTime: input.startTime, endTime: input.endTime },
  });
  await keepInOrderOfDay(tx, actor.schoolId);
  await audit({
    action: "day_slot.updated",
    recordType: "SchoolSlot",
    recordId: slot.id,
    changes: {
      from: { name: slot.name, startTime: slot.startTime, endTime: slot.endTime },
      name: input.name,
      startTime: input.startTime,
      endTime: input.endTime,
    },
  });
  return { message: `Saved ${input.name} (${formatTimes(input)}).` };
});

export const setYearGroupTimes = defineCommand(
  { name: "setYearGroupTimes", schema: setYearGroupTimesSchema, allow: ADMIN },
  async (input, ctx) => {
    const { tx, actor, audit } = ctx;
    await lockSchoolDay(ctx);
    const slot = await findSlot(tx, actor.schoolId, input.slotId);
    const where = { schoolId_slotId_yearGroup: { schoolId: actor.schoolId, slotId: slot.id, yearGroup: input.yearGroup } };
    const before = await tx.schoolSlotYearTime.findUnique({ where, select: { startTime: true, endTime: true } });
    const times = { startTime: input.startTime, endTime: input.endTime };
    await tx.schoolSlotYearTime.upsert({
      where,
      create: { schoolId: actor.schoolId, slotId: slot.id, yearGroup: input.yearGroup, ...times },
      update: times,
    });
    await audit({
      action: "day_slot.year_times_set",
      recordType: "SchoolSlot",
      recordId: slot.id,
      changes: { yearGroup: input.yearGroup, from: before, ...times },
    });
    return { message: `Year ${input.yearGroup} now has ${slot.name} at ${formatTimes(times)}.` };
  },
);

export const removeYearGroupTimes = defineCommand(
  { name: "removeYearGroupTimes", schema: removeYearGroupTimesSchema, allow: ADMIN },
  async (input, ctx) => {
    const { tx, actor, audit } = ctx;
    await lockSchoolDay(ctx);
    const row = await tx.schoolSlotYearTime.findFirst({
      where: { schoolId: actor.schoolId, id: input.yearTimeId },
      select: {
        id: true,
        yearGroup: true,
        startTime: true,
        endTime: true,
        slot: { select: { id: true, name: true, startTime: true, endTime: true } },
      },
    });
    if (!row) throw new NotFoundError("year group's times");
    await tx.schoolSlotYearTime.deleteMany({ where: { schoolId: actor.schoolId, id: row.id } });
    await audit({
      action: "day_slot.year_times_removed",
      recordType: "SchoolSlot",
      recordId: row.slot.id,
      changes: { yearGroup: row.yearGroup, from: { startTime: row.startTime, endTime: row.endTime } },
    });
    return { message: `Year ${row.yearGroup} now has ${row.slot.name} at the usual times (${formatTimes(row.slot)}).` };
  },
);

export const retireDaySlot = defineCommand({ name: "retireDaySlot", schema: retireDaySlotSchema, allow: ADMIN }, async (input, ctx) => {
  const { tx, actor, audit } = ctx;
  await lockSchoolDay(ctx);
  const slot = await findSlot(tx, actor.schoolId, input.slotId);
  if (slot.archivedAt) throw new RuleError(`${slot.name} is already retired.`);
  const stillOffered = await tx.schoolSlot.count({ where: { schoolId: actor.schoolId, archivedAt: null, id: { not: slot.id } } });
  if (stillOffered === 0) throw new RuleError("Keep at least one slot: pupils choose their free times from the school's slots.");
  const at = new Date();
  await tx.schoolSlot.updateMany({ where: { schoolId: actor.schoolId, id: slot.id, archivedAt: null }, data: { archivedAt: at } });
  await audit({ action: "day_slot.retired", recordType: "SchoolSlot", recordId: slot.id, changes: { name: slot.name, archivedAt: at } });
  return { message: `Retired ${slot.name}. It is no longer offered; free times and pairings that name it keep it.` };
});

export const restoreDaySlot = defineCommand({ name: "restoreDaySlot", schema: restoreDaySlotSchema, allow: ADMIN }, async (input, ctx) => {
  const { tx, actor, audit } = ctx;
  await lockSchoolDay(ctx);
  const slot = await findSlot(tx, actor.schoolId, input.slotId);
  if (!slot.archivedAt) throw new RuleError(`${slot.name} is already in use.`);
  await tx.schoolSlot.updateMany({ where: { schoolId: actor.schoolId, id: slot.id }, data: { archivedAt: null } });
  await audit({
    action: "day_slot.restored",
    recordType: "SchoolSlot",
    recordId: slot.id,
    changes: { name: slot.name, from: { archivedAt: slot.archivedAt } },
  });
  return { message: `Brought back ${slot.name}. Pupils can choose it again.` };
});
