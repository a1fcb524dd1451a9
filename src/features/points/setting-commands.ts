import "server-only";
import { defineCommand, type CommandContext } from "@/server/command";
import { NotFoundError, RuleError } from "@/server/errors";
import { toDbDate, todayIn } from "@/lib/dates";
import {
  addPointCategorySchema,
  decideNicknameSchema,
  restorePointCategorySchema,
  retirePointCategorySchema,
  savePointSettingsSchema,
  setPupilHiddenSchema,
  updatePointCategorySchema,
} from "./schemas";

// The school's categories, points settings and pupils' board profiles, as the coordinator runs them
// (ADR 024). Categories are retired, never deleted: the ledger points at them.
const COORDINATOR = ["COORDINATOR"] as const;
const ALREADY_THERE = "A category with that name already exists.";
const STALE = "Someone else changed this at the same moment. Please reload the page; nothing was saved.";

const isSameName = (a: string, b: string) => a.toLocaleLowerCase("en-GB") === b.toLocaleLowerCase("en-GB");

/** One change to the category list at a time per school, so names stay unique whatever their case. */
async function lockCategories({ tx, actor, contention }: CommandContext) {
  contention("Someone else is changing the categories at the same moment, so nothing was saved. Please try again.");
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`point-categories:${actor.schoolId}`}, 0))`;
  return tx.pointCategory.findMany({
    where: { schoolId: actor.schoolId },
    select: { id: true, name: true, sortOrder: true, archivedAt: true, version: true },
  });
}

function requireNewName(list: { id: string; name: string; archivedAt: Date | null }[], name: string, selfId?: string) {
  const clash = list.find((c) => c.id !== selfId && isSameName(c.name, name));
  if (!clash) return;
  const message = clash.archivedAt ? `“${clash.name}” is already a category, retired. Bring it back instead.` : ALREADY_THERE;
  throw new RuleError(message, { name: [message] });
}

/** Read under the category lock, which saving the settings takes too, so the two cannot cross. */
async function isUsedByAutomaticPoints({ tx, actor }: CommandContext, categoryId: string): Promise<boolean> {
  const settings = await tx.pointSettings.findUnique({ where: { schoolId: actor.schoolId } });
  return settings?.attendanceCategoryId === categoryId || settings?.onTimeCategoryId === categoryId;
}

export const addPointCategory = defineCommand(
  { name: "addPointCategory", schema: addPointCategorySchema, allow: COORDINATOR, alreadyExists: ALREADY_THERE },
  async (input, ctx) => {
    const list = await lockCategories(ctx);
    requireNewName(list, input.name);
    const row = await ctx.tx.pointCategory.create({
      data: { schoolId: ctx.actor.schoolId, ...input, sortOrder: Math.max(0, ...list.map((c) => c.sortOrder)) + 1 },
      select: { id: true },
    });
    await ctx.audit({ action: "pointCategory.added", recordType: "PointCategory", recordId: row.id, changes: input });
    return { message: `Added ${input.name}. Pupils can read what earns it.`, recordId: row.id };
  },
);

export const updatePointCategory = defineCommand(
  { name: "updatePointCategory", schema: updatePointCategorySchema, allow: COORDINATOR, alreadyExists: ALREADY_THERE },
  async (input, ctx) => {
    const list = await lockCategories(ctx);
    const category = list.find((c) => c.id === input.categoryId);
    if (!category) throw new NotFoundError("category");
    requireNewName(list, input.name, category.id);
    if (input.defaultAmount < 0 && (await isUsedByAutomaticPoints(ctx, category.id))) {
      const message = "Automatic points are given in this category, so it must give points. Choose another category for them first.";
      throw new RuleError(message, { defaultAmount: [message] });
    }
    const updated = await ctx.tx.pointCategory.updateMany({
      where: { schoolId: ctx.actor.schoolId, id: category.id, version: input.version },
      data: { name: input.name, description: input.description, defaultAmount: input.defaultAmount, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new RuleError(STALE);
    const { categoryId, version, ...changes } = input;
    await ctx.audit({
      action: "pointCategory.updated",
      recordType: "PointCategory",
      recordId: categoryId,
      changes: { ...changes, version },
    });
    return { message: `Saved ${input.name}.` };
  },
);

export const retirePointCategory = defineCommand(
  { name: "retirePointCategory", schema: retirePointCategorySchema, allow: COORDINATOR },
  async (input, ctx) => {
    const list = await lockCategories(ctx);
    const category = list.find((c) => c.id === input.categoryId);
    if (!category) throw new NotFoundError("category");
    if (category.archivedAt) throw new RuleError(`${category.name} is already retired.`);
    if (list.filter((c) => !c.archivedAt).length === 1) throw new RuleError("Keep at least one category, so points can be given.");
    if (await isUsedByAutomaticPoints(ctx, category.id)) {
      throw new RuleError(`${category.name} is used for automatic points. Choose another category for them first.`);
    }
    await ctx.tx.pointCategory.updateMany({
      where: { schoolId: ctx.actor.schoolId, id: category.id, archivedAt: null },
      data: { archivedAt: new Date(), version: { increment: 1 } },
    });
    await ctx.audit({
      action: "pointCategory.retired",
      recordType: "PointCategory",
      recordId: category.id,
      changes: { name: category.name },
    });
    return { message: `${category.name} is retired. Points already given keep it; nobody can give it now.` };
  },
);

export const restorePointCategory = defineCommand(
  { name: "restorePointCategory", schema: restorePointCategorySchema, allow: COORDINATOR },
  async (input, ctx) => {
    const list = await lockCategories(ctx);
    const category = list.find((c) => c.id === input.categoryId);
    if (!category) throw new NotFoundError("category");
    if (!category.archivedAt) throw new RuleError(`${category.name} is already in use.`);
    await ctx.tx.pointCategory.updateMany({
      where: { schoolId: ctx.actor.schoolId, id: category.id, archivedAt: { not: null } },
      data: { archivedAt: null, version: { increment: 1 } },
    });
    await ctx.audit({
      action: "pointCategory.restored",
      recordType: "PointCategory",
      recordId: category.id,
      changes: { name: category.name },
    });
    return { message: `${category.name} is back. Staff can give it again.` };
  },
);

/**
 * Saves the school's points settings, versioned (a stale form is refused). Switching an automatic rule
 * on, or to another category, starts it today: sessions held before are not given points afterwards.
 */
export const savePointSettings = defineCommand(
  { name: "savePointSettings", schema: savePointSettingsSchema, allow: COORDINATOR },
  async (input, { tx, actor, audit, contention }) => {
    contention(STALE);
    // The category list's lock: a category cannot be retired, or turned negative, while a rule is pointed at it.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`point-categories:${actor.schoolId}`}, 0))`;
    const current = await tx.pointSettings.findUnique({ where: { schoolId: actor.schoolId } });
    if ((current?.version ?? 0) !== input.version) throw new RuleError(STALE);
    const ruleIds = [input.attendanceCategoryId, input.onTimeCategoryId].filter((id): id is string => Boolean(id));
    const usable = await tx.pointCategory.findMany({
      where: { schoolId: actor.schoolId, id: { in: ruleIds }, archivedAt: null, defaultAmount: { gt: 0 } },
      select: { id: true },
    });
    const usableIds = new Set(usable.map((c) => c.id));
    for (const field of ["attendanceCategoryId", "onTimeCategoryId"] as const) {
      const id = input[field];
      if (id && !usableIds.has(id))
        throw new RuleError("Choose a category that gives points.", { [field]: ["Choose a category that gives points."] });
    }
    const today = toDbDate(todayIn(actor.timezone));
    const since = (id: string | undefined, was: string | null | undefined, wasSince: Date | null | undefined) =>
      !id ? null : id === was && wasSince ? wasSince : today;
    const data = {
      mentorsMayAward: input.mentorsMayAward === "yes",
      mentorWeeklyLimit: input.mentorWeeklyLimit,
      pupilBoardMeasure: input.pupilBoardMeasure,
      boardNameStyle: input.boardNameStyle,
      attendanceCategoryId: input.attendanceCategoryId ?? null,
      attendanceSince: since(input.attendanceCategoryId, current?.attendanceCategoryId, current?.attendanceSince),
      onTimeCategoryId: input.onTimeCategoryId ?? null,
      onTimeSince: since(input.onTimeCategoryId, current?.onTimeCategoryId, current?.onTimeSince),
      updatedAt: new Date(),
    };
    if (current) {
      await tx.pointSettings.update({ where: { schoolId: actor.schoolId }, data: { ...data, version: current.version + 1 } });
    } else {
      await tx.pointSettings.create({ data: { schoolId: actor.schoolId, ...data } });
    }
    const { version, ...changes } = input;
    await audit({
      action: "pointSettings.saved",
      recordType: "School",
      recordId: actor.schoolId,
      changes: { ...changes, version: version + 1 },
    });
    return { message: "Points settings saved." };
  },
);

async function requirePupil(ctx: CommandContext, studentId: string) {
  const pupil = await ctx.tx.student.findFirst({ where: { schoolId: ctx.actor.schoolId, id: studentId }, select: { id: true } });
  if (!pupil) throw new NotFoundError("pupil");
  return pupil;
}

export const decideNickname = defineCommand(
  { name: "decideNickname", schema: decideNicknameSchema, allow: COORDINATOR },
  async (input, ctx) => {
    await requirePupil(ctx, input.studentId);
    const status = input.decision === "approve" ? "APPROVED" : "REJECTED";
    // Only the nickname the coordinator saw: a new proposal since then is decided on its own.
    const updated = await ctx.tx.pupilBoardProfile.updateMany({
      where: { schoolId: ctx.actor.schoolId, studentId: input.studentId, nicknameStatus: "PROPOSED", nickname: input.nickname },
      data: { nicknameStatus: status, nicknameDecidedById: ctx.actor.userId, version: { increment: 1 }, updatedAt: new Date() },
    });
    if (updated.count !== 1)
      throw new RuleError("This nickname is no longer waiting for a decision, or the pupil changed it. Please reload the page.");
    await ctx.audit({ action: "nickname.decided", recordType: "Student", recordId: input.studentId, changes: { decision: status } });
    return { message: input.decision === "approve" ? "Nickname approved. It shows on pupil boards." : "Nickname turned down." };
  },
);

export const setPupilHidden = defineCommand(
  { name: "setPupilHidden", schema: setPupilHiddenSchema, allow: COORDINATOR },
  async (input, ctx) => {
    await requirePupil(ctx, input.studentId);
    const hidden = input.hidden === "yes";
    const data = hidden
      ? { hiddenAt: new Date(), hiddenById: ctx.actor.userId, hiddenReason: input.reason }
      : { hiddenAt: null, hiddenById: null, hiddenReason: "" };
    await ctx.tx.pupilBoardProfile.upsert({
      where: { schoolId_studentId: { schoolId: ctx.actor.schoolId, studentId: input.studentId } },
      create: { schoolId: ctx.actor.schoolId, studentId: input.studentId, ...data },
      update: { ...data, version: { increment: 1 }, updatedAt: new Date() },
    });
    await ctx.audit({
      action: hidden ? "board.pupilHidden" : "board.pupilShown",
      recordType: "Student",
      recordId: input.studentId,
      changes: { reason: input.reason },
    });
    return {
      message: hidden ? "Hidden from pupil boards and the noticeboard. Staff still see their points." : "Shown on pupil boards again.",
    };
  },
);
