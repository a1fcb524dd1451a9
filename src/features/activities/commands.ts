import "server-only";
import { defineCommand, type CommandContext } from "@/server/command";
import type { Tx } from "@/server/db";
import { NotFoundError, RuleError } from "@/server/errors";
import { addActivitySchema, moveActivitySchema, renameActivitySchema, restoreActivitySchema, retireActivitySchema } from "./schemas";

// The school's activity list (ADR 015): what mentors choose for "What did you do?". Sessions keep the
// activity they name, so an activity is retired, never deleted, and a rename shows on old sessions too.
const STAFF = ["COORDINATOR", "ADMIN"] as const;
const ALREADY_THERE = "That activity is already in the list.";

type Activity = { id: string; name: string; sortOrder: number; archivedAt: Date | null };

/**
 * One change to the list at a time, per school (a transaction-scoped advisory lock): names are unique
 * whatever their case, which the unique key (exact names) cannot check, and moves renumber the list.
 */
async function lockActivityList({ tx, actor, contention }: CommandContext): Promise<Activity[]> {
  contention("Someone else is changing the activity list at the same moment, so nothing was saved. Please try again.");
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`activities:${actor.schoolId}`}, 0))`;
  return tx.schoolActivity.findMany({
    where: { schoolId: actor.schoolId },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true, sortOrder: true, archivedAt: true },
  });
}

function find(list: Activity[], id: string): Activity {
  const activity = list.find((a) => a.id === id);
  if (!activity) throw new NotFoundError("activity");
  return activity;
}

const isSameName = (a: string, b: string) => a.toLocaleLowerCase("en-GB") === b.toLocaleLowerCase("en-GB");

function requireNewName(list: Activity[], name: string, self?: Activity) {
  const clash = list.find((a) => a.id !== self?.id && isSameName(a.name, name));
  if (!clash) return;
  const message = clash.archivedAt
    ? `“${clash.name}” is already in the list, retired. Bring it back instead.`
    : `“${clash.name}” is already in the list.`;
  throw new RuleError(message, { name: [message] });
}

const nextSortOrder = (list: Activity[]) => Math.max(0, ...list.map((a) => a.sortOrder)) + 1;

async function setArchived(tx: Tx, schoolId: string, activity: Activity, archivedAt: Date | null, sortOrder?: number) {
  // Conditional on what was read, though the list lock already keeps changes in line.
  const updated = await tx.schoolActivity.updateMany({
    where: { schoolId, id: activity.id, archivedAt: activity.archivedAt === null ? null : { not: null } },
    data: { archivedAt, ...(sortOrder === undefined ? {} : { sortOrder }) },
  });
  if (updated.count !== 1) throw new RuleError("Someone else changed this activity at the same moment. Please look at the list again.");
}

export const addActivity = defineCommand(
  { name: "addActivity", schema: addActivitySchema, allow: STAFF, alreadyExists: ALREADY_THERE },
  async (input, ctx) => {
    const list = await lockActivityList(ctx);
    requireNewName(list, input.name);
    const row = await ctx.tx.schoolActivity.create({
      data: { schoolId: ctx.actor.schoolId, name: input.name, sortOrder: nextSortOrder(list) },
      select: { id: true },
    });
    await ctx.audit({ action: "activity.added", recordType: "SchoolActivity", recordId: row.id, changes: { name: input.name } });
    return { message: `Added ${input.name}. Mentors can choose it from now on.`, recordId: row.id };
  },
);

export const renameActivity = defineCommand(
  { name: "renameActivity", schema: renameActivitySchema, allow: STAFF, alreadyExists: ALREADY_THERE },
  async (input, ctx) => {
    const list = await lockActivityList(ctx);
    const activity = find(list, input.activityId);
    if (activity.name === input.name) throw new RuleError("That is its name already.", { name: ["Type the new name."] });
    requireNewName(list, input.name, activity);
    await ctx.tx.schoolActivity.update({
      where: { schoolId_id: { schoolId: ctx.actor.schoolId, id: activity.id } },
      data: { name: input.name },
    });
    await ctx.audit({
      action: "activity.renamed",
      recordType: "SchoolActivity",
      recordId: activity.id,
      changes: { from: { name: activity.name }, name: input.name },
    });
    return { message: `Renamed ${activity.name} to ${input.name}. Sessions already logged show the new name.` };
  },
);

export const retireActivity = defineCommand({ name: "retireActivity", schema: retireActivitySchema, allow: STAFF }, async (input, ctx) => {
  const list = await lockActivityList(ctx);
  const activity = find(list, input.activityId);
  if (activity.archivedAt) throw new RuleError(`${activity.name} is already retired.`);
  if (!list.some((a) => a.id !== activity.id && a.archivedAt === null))
    throw new RuleError(`Keep at least one activity: mentors choose one for every session. Add another before retiring ${activity.name}.`);
  await setArchived(ctx.tx, ctx.actor.schoolId, activity, new Date());
  await ctx.audit({ action: "activity.retired", recordType: "SchoolActivity", recordId: activity.id, changes: { name: activity.name } });
  return { message: `Retired ${activity.name}. Sessions that used it keep it; mentors are not offered it any more.` };
});

export const restoreActivity = defineCommand(
  { name: "restoreActivity", schema: restoreActivitySchema, allow: STAFF },
  async (input, ctx) => {
    const list = await lockActivityList(ctx);
    const activity = find(list, input.activityId);
    if (!activity.archivedAt) throw new RuleError(`${activity.name} is already offered to mentors.`);
    // Back at the end of the list, where it is easy to find and move.
    await setArchived(ctx.tx, ctx.actor.schoolId, activity, null, nextSortOrder(list));
    await ctx.audit({ action: "activity.restored", recordType: "SchoolActivity", recordId: activity.id, changes: { name: activity.name } });
    return { message: `Brought back ${activity.name}, at the end of the list.` };
  },
);

export const moveActivity = defineCommand({ name: "moveActivity", schema: moveActivitySchema, allow: STAFF }, async (input, ctx) => {
  const list = await lockActivityList(ctx);
  const activity = find(list, input.activityId);
  if (activity.archivedAt) throw new RuleError(`Bring ${activity.name} back before moving it.`);
  const active = list.filter((a) => a.archivedAt === null);
  const from = active.findIndex((a) => a.id === activity.id);
  const to = input.direction === "up" ? from - 1 : from + 1;
  if (to < 0 || to >= active.length) throw new RuleError(`${activity.name} is already ${to < 0 ? "first" : "last"}.`);
  const order = [...active];
  order.splice(from, 1);
  order.splice(to, 0, activity);
  // Numbered 1, 2, 3… in the new order; only rows whose number changes are written.
  for (const [index, a] of order.entries()) {
    if (a.sortOrder === index + 1) continue;
    await ctx.tx.schoolActivity.update({
      where: { schoolId_id: { schoolId: ctx.actor.schoolId, id: a.id } },
      data: { sortOrder: index + 1 },
    });
  }
  await ctx.audit({
    action: "activity.moved",
    recordType: "SchoolActivity",
    recordId: activity.id,
    changes: { name: activity.name, from: { position: from + 1 }, position: to + 1 },
  });
  return { message: `Moved ${activity.name} ${input.direction} to number ${to + 1} of ${active.length}.` };
});
