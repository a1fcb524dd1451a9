import "server-only";
import { defineCommand, type CommandContext } from "@/server/command";
import { NotFoundError, RuleError } from "@/server/errors";
import { EVERY_ROLE, isSchoolStaff, type Actor } from "@/server/actor";
import type { Tx } from "@/server/db";
import { notify } from "@/server/notifications";
import { kickEmailDelivery } from "@/server/notification-email";
import type { Prisma } from "@/generated/prisma/client";
import type { ConcernEntryKind } from "@/generated/prisma/enums";
import { routeFor, STATUS_LABELS, CATEGORY_LABELS } from "@/lib/concerns";
import { toDbDate, todayIn } from "@/lib/dates";
import { receiptOf } from "./receipt";
import { keepApart } from "@/features/keep-apart/commands";
import { SET_BY_SAFEGUARDING_LEAD } from "@/features/keep-apart/policy";
import { pausePlace, resumePause, takeOverPause } from "@/features/pairings/pause";
import { pupilsAPupilMayName, staffMemberAConcernMayName, staffWhoReadRoute } from "./people";
import {
  addConcernPupilSchema,
  addToMyConcernSchema,
  changeConcernCategorySchema,
  changeConcernStatusSchema,
  concernDraftSchema,
  correctConcernEntrySchema,
  keepApartFromConcernSchema,
  pauseFromConcernSchema,
  raiseConcernSchema,
  recordConcernActionSchema,
  removeConcernPupilSchema,
  resumeFromConcernSchema,
  routeConcernToStaffSchema,
  shareConcernNoteSchema,
} from "./schemas";
import { concernsLedBy, CONCERN_READER_ROLES } from "./policy";

// Concerns (issue 9, ADR 021). Raising is one step for anyone; everything after is the lead's, and
// every change is a new chronology entry (the database refuses to rewrite one).

async function addEntry(
  tx: Tx,
  actor: Actor,
  concernId: string,
  entry: { kind: ConcernEntryKind; text?: string; details?: Prisma.InputJsonObject } & Partial<
    Pick<Prisma.ConcernEntryUncheckedCreateInput, "action" | "happenedOn" | "correctsId">
  >,
) {
  return tx.concernEntry.create({
    data: { schoolId: actor.schoolId, concernId, authorId: actor.userId, ...entry },
    select: { id: true },
  });
}

/** Tells the route's readers (never the person it names) that a concern needs them: no content, a link. */
async function tellReaders(
  ctx: Pick<CommandContext, "tx" | "actor" | "afterCommit">,
  concern: { id: string; route: "SAFEGUARDING" | "HEAD" | "CHAIR"; aboutStaffId: string | null },
  what: { kind: string; message: string; dedupe: string },
) {
  const readers = await staffWhoReadRoute(ctx.tx, ctx.actor.schoolId, concern.route);
  for (const userId of readers) {
    if (userId === concern.aboutStaffId || userId === ctx.actor.userId) continue;
    await notify(ctx.tx, {
      schoolId: ctx.actor.schoolId,
      userId,
      kind: what.kind,
      message: what.message,
      link: `/safeguarding/concerns/${concern.id}`,
      dedupeKey: what.dedupe,
    });
  }
  ctx.afterCommit(kickEmailDelivery);
}

export const raiseConcern = defineCommand(
  { name: "raiseConcern", schema: raiseConcernSchema, allow: EVERY_ROLE, isIdempotent: true },
  async (input, ctx) => {
    const { tx, actor, audit } = ctx;
    const staff = isSchoolStaff(actor);
    const pupilIds = [...new Set(input.pupilIds)];
    if (staff) {
      const found = await tx.student.count({ where: { schoolId: actor.schoolId, id: { in: pupilIds }, status: "ON_ROLL" } });
      if (found !== pupilIds.length) throw new RuleError("Check the pupils you chose.", { pupilIds: ["Choose pupils from the list."] });
    } else {
      if (input.aboutStaffId) throw new RuleError("Check the form.", { aboutStaffId: ["That is not a valid choice."] });
      const mayName = new Set((await pupilsAPupilMayName(tx, actor)).map((p) => p.id));
      if (pupilIds.some((id) => !mayName.has(id)))
        throw new RuleError("Check the names you chose.", { pupilIds: ["Choose from the names shown, or write names in your own words."] });
    }
    let aboutStaffId: string | null = null;
    if (input.aboutStaffId) {
      if (input.aboutStaffId === actor.userId)
        throw new RuleError("Check the form.", { aboutStaffId: ["Choose someone other than yourself."] });
      aboutStaffId = await staffMemberAConcernMayName(tx, actor.schoolId, input.aboutStaffId);
      if (!aboutStaffId) throw new RuleError("Check the form.", { aboutStaffId: ["Choose a member of staff from the list."] });
    }
    const [heads, chairs] = await Promise.all([
      staffWhoReadRoute(tx, actor.schoolId, "HEAD"),
      staffWhoReadRoute(tx, actor.schoolId, "CHAIR"),
    ]);
    const route = routeFor({ aboutStaffId, heads, chairs, isAboutUnnamedStaff: !staff && input.aboutAdult === "yes" });
    const isUrgent = input.inDanger === "yes";
    const concern = await tx.concern.create({
      data: { schoolId: actor.schoolId, reporterId: actor.userId, route, aboutStaffId, category: input.category, isUrgent },
      select: { id: true, route: true, aboutStaffId: true, createdAt: true },
    });
    if (pupilIds.length > 0)
      await tx.concernPupil.createMany({
        data: pupilIds.map((studentId) => ({ schoolId: actor.schoolId, concernId: concern.id, studentId })),
      });
    await addEntry(tx, actor, concern.id, {
      kind: "REPORT",
      text: input.what,
      details: {
        when: input.when,
        where: input.where,
        namedInWords: input.names,
        inDanger: isUrgent,
        category: input.category,
        aboutAdult: !staff && input.aboutAdult === "yes",
        reporterStudentId: actor.studentId,
        pupilIds,
      },
    });
    await tx.concernDraft.deleteMany({ where: { schoolId: actor.schoolId, userId: actor.userId } });
    await tellReaders(ctx, concern, {
      kind: isUrgent ? "concern.urgent" : "concern.raised",
      message: isUrgent ? "An urgent concern needs your attention now." : "A new concern needs your attention.",
      dedupe: `concern:${concern.id}`,
    });
    // Who raised it and where it went; never what it says.
    await audit({
      action: "concern.raised",
      recordType: "Concern",
      recordId: concern.id,
      changes: { route, category: input.category, isUrgent, pupils: pupilIds.length, aboutStaff: aboutStaffId !== null },
    });
    return {
      message: receiptOf(concern.createdAt, actor),
      recordId: concern.id,
      link: { href: "/concerns", label: "Your concerns" },
    };
  },
);

/** Keeps what the writer has typed so far, on the server against their account (never in the browser). */
export const saveConcernDraft = defineCommand(
  { name: "saveConcernDraft", schema: concernDraftSchema, allow: EVERY_ROLE },
  async (input, { tx, actor, audit }) => {
    const values = input satisfies Prisma.InputJsonObject;
    await tx.concernDraft.upsert({
      where: { schoolId_userId: { schoolId: actor.schoolId, userId: actor.userId } },
      create: { schoolId: actor.schoolId, userId: actor.userId, values },
      update: { values },
    });
    await audit({ action: "concern.draft_saved", recordType: "ConcernDraft", recordId: actor.userId });
    return { message: "Your draft is saved." };
  },
);

export const addToMyConcern = defineCommand(
  { name: "addToMyConcern", schema: addToMyConcernSchema, allow: EVERY_ROLE, isIdempotent: true },
  async (input, ctx) => {
    const { tx, actor, audit } = ctx;
    const concern = await tx.concern.findFirst({
      where: { schoolId: actor.schoolId, id: input.concernId, reporterId: actor.userId },
      select: { id: true, route: true, aboutStaffId: true },
    });
    if (!concern) throw new NotFoundError("concern");
    const entry = await addEntry(tx, actor, concern.id, { kind: "ADDITION", text: input.text });
    await tx.concern.updateMany({ where: { schoolId: actor.schoolId, id: concern.id }, data: { version: { increment: 1 } } });
    await tellReaders(ctx, concern, {
      kind: "concern.added_to",
      message: "More has been added to a concern.",
      dedupe: `concern-entry:${entry.id}`,
    });
    await audit({ action: "concern.added_to", recordType: "Concern", recordId: concern.id });
    return { message: "Added. A member of staff will read it.", recordId: concern.id };
  },
);

/**
 * The concern the actor leads, locked for this change (each change reads the state it changes). A
 * concern they may not lead is "not found", whether it exists or not.
 */
export async function leadConcernForUpdate(tx: Tx, actor: Actor, concernId: string) {
  await tx.$queryRaw`SELECT 1 FROM "Concern" WHERE "schoolId" = ${actor.schoolId} AND "id" = ${concernId} FOR UPDATE`;
  const concern = await tx.concern.findFirst({
    where: { AND: [concernsLedBy(actor), { id: concernId }] },
    select: { id: true, status: true, category: true, route: true, aboutStaffId: true, sharedNote: true },
  });
  if (!concern) throw new NotFoundError("concern");
  return concern;
}

const touched = (tx: Tx, actor: Actor, concernId: string, data: Prisma.ConcernUncheckedUpdateManyInput = {}) =>
  tx.concern.updateMany({ where: { schoolId: actor.schoolId, id: concernId }, data: { ...data, version: { increment: 1 } } });

const LEADS = CONCERN_READER_ROLES;

export const recordConcernAction = defineCommand(
  { name: "recordConcernAction", schema: recordConcernActionSchema, allow: LEADS, isIdempotent: true },
  async (input, { tx, actor, audit }) => {
    const concern = await leadConcernForUpdate(tx, actor, input.concernId);
    if (input.happenedOn && input.happenedOn > todayIn(actor.timezone))
      throw new RuleError("Check the date.", { happenedOn: ["Choose today or an earlier day."] });
    await addEntry(tx, actor, concern.id, {
      kind: "ACTION",
      action: input.action,
      text: input.reason,
      happenedOn: input.happenedOn ? toDbDate(input.happenedOn) : null,
    });
    await touched(tx, actor, concern.id);
    await audit({ action: "concern.action_recorded", recordType: "Concern", recordId: concern.id, changes: { action: input.action } });
    return { message: "Added to the chronology." };
  },
);

export const changeConcernStatus = defineCommand(
  { name: "changeConcernStatus", schema: changeConcernStatusSchema, allow: LEADS },
  async (input, { tx, actor, audit }) => {
    const concern = await leadConcernForUpdate(tx, actor, input.concernId);
    if (concern.status === input.status)
      throw new RuleError(`This concern is already ${STATUS_LABELS[input.status].toLowerCase()}.`, { status: ["Choose another status."] });
    await addEntry(tx, actor, concern.id, { kind: "STATUS", text: input.reason, details: { from: concern.status, to: input.status } });
    await touched(tx, actor, concern.id, { status: input.status });
    await audit({
      action: "concern.status_changed",
      recordType: "Concern",
      recordId: concern.id,
      changes: { from: concern.status, to: input.status },
    });
    return {
      message:
        input.status === "CLOSED" ? "Closed, with its outcome in the chronology." : `Now ${STATUS_LABELS[input.status].toLowerCase()}.`,
    };
  },
);

export const changeConcernCategory = defineCommand(
  { name: "changeConcernCategory", schema: changeConcernCategorySchema, allow: LEADS },
  async (input, { tx, actor, audit }) => {
    const concern = await leadConcernForUpdate(tx, actor, input.concernId);
    if (concern.category === input.category)
      throw new RuleError("That is already its category.", { category: ["Choose another category."] });
    await addEntry(tx, actor, concern.id, {
      kind: "CATEGORY",
      text: input.reason,
      details: { from: concern.category, to: input.category },
    });
    await touched(tx, actor, concern.id, { category: input.category });
    await audit({
      action: "concern.category_changed",
      recordType: "Concern",
      recordId: concern.id,
      changes: { from: concern.category, to: input.category },
    });
    return { message: `Category changed to ${CATEGORY_LABELS[input.category].toLowerCase()}.` };
  },
);

export const addConcernPupil = defineCommand(
  { name: "addConcernPupil", schema: addConcernPupilSchema, allow: LEADS, alreadyExists: "That pupil is already linked to this concern." },
  async (input, { tx, actor, audit }) => {
    const concern = await leadConcernForUpdate(tx, actor, input.concernId);
    const pupil = await tx.student.findFirst({ where: { schoolId: actor.schoolId, id: input.studentId }, select: { id: true } });
    if (!pupil) throw new RuleError("Check the pupil.", { studentId: ["Choose a pupil from the list."] });
    const linked = await tx.concernPupil.findFirst({ where: { schoolId: actor.schoolId, concernId: concern.id, studentId: pupil.id } });
    if (linked) throw new RuleError("That pupil is already linked to this concern.", { studentId: ["Already linked."] });
    await tx.concernPupil.create({ data: { schoolId: actor.schoolId, concernId: concern.id, studentId: pupil.id } });
    await addEntry(tx, actor, concern.id, { kind: "PUPILS", text: input.reason, details: { added: [pupil.id], removed: [] } });
    await touched(tx, actor, concern.id);
    await audit({ action: "concern.pupil_linked", recordType: "Concern", recordId: concern.id, changes: { studentId: pupil.id } });
    return { message: "Linked. This pupil's record now shows in the concern." };
  },
);

export const removeConcernPupil = defineCommand(
  { name: "removeConcernPupil", schema: removeConcernPupilSchema, allow: LEADS },
  async (input, { tx, actor, audit }) => {
    const concern = await leadConcernForUpdate(tx, actor, input.concernId);
    const removed = await tx.concernPupil.deleteMany({
      where: { schoolId: actor.schoolId, concernId: concern.id, studentId: input.studentId },
    });
    if (removed.count !== 1) throw new RuleError("That pupil is not linked to this concern.");
    await addEntry(tx, actor, concern.id, { kind: "PUPILS", text: input.reason, details: { added: [], removed: [input.studentId] } });
    await touched(tx, actor, concern.id);
    await audit({ action: "concern.pupil_unlinked", recordType: "Concern", recordId: concern.id, changes: { studentId: input.studentId } });
    return { message: "Removed from this concern. The chronology keeps a note of it." };
  },
);

export const correctConcernEntry = defineCommand(
  { name: "correctConcernEntry", schema: correctConcernEntrySchema, allow: LEADS, isIdempotent: true },
  async (input, { tx, actor, audit }) => {
    const concern = await leadConcernForUpdate(tx, actor, input.concernId);
    const entry = await tx.concernEntry.findFirst({
      where: { schoolId: actor.schoolId, concernId: concern.id, id: input.entryId },
      select: { id: true },
    });
    if (!entry) throw new NotFoundError("concern entry");
    await addEntry(tx, actor, concern.id, { kind: "CORRECTION", text: input.text, correctsId: entry.id });
    await touched(tx, actor, concern.id);
    await audit({ action: "concern.corrected", recordType: "Concern", recordId: concern.id, changes: { entryId: entry.id } });
    return { message: "Correction added. The earlier entry stays, marked as corrected." };
  },
);

export const shareConcernNote = defineCommand(
  { name: "shareConcernNote", schema: shareConcernNoteSchema, allow: LEADS },
  async (input, { tx, actor, audit }) => {
    const concern = await leadConcernForUpdate(tx, actor, input.concernId);
    if (concern.route !== "SAFEGUARDING") throw new RuleError("A concern about a member of staff is never shared with coordinators.");
    const note = input.note === "" ? null : input.note;
    if (note === concern.sharedNote) throw new RuleError(note ? "That line is already shared." : "Nothing is shared for this concern.");
    await addEntry(tx, actor, concern.id, { kind: "SHARED_NOTE", text: note ?? "", details: { shared: note !== null } });
    await touched(tx, actor, concern.id, { sharedNote: note });
    await audit({ action: note ? "concern.note_shared" : "concern.note_unshared", recordType: "Concern", recordId: concern.id });
    return {
      message: note
        ? "Shared. Coordinators now see this line on the pupils' pages."
        : "Coordinators no longer see a line for this concern.",
    };
  },
);

export { SET_BY_SAFEGUARDING_LEAD };

export const keepApartFromConcern = defineCommand(
  {
    name: "keepApartFromConcern",
    schema: keepApartFromConcernSchema,
    allow: ["DSL"],
    alreadyExists: "These two pupils are already kept apart.",
  },
  async (input, { tx, actor, audit, contention }) => {
    const concern = await leadConcernForUpdate(tx, actor, input.concernId);
    if (concern.route !== "SAFEGUARDING") throw new NotFoundError("concern");
    const linked = await tx.concernPupil.count({
      where: { schoolId: actor.schoolId, concernId: concern.id, studentId: { in: [input.studentAId, input.studentBId] } },
    });
    if (linked !== 2)
      throw new RuleError("Choose two pupils linked to this concern.", { studentBId: ["Choose a pupil linked to this concern."] });
    const kept = await keepApart(tx, actor, { ...input, reason: SET_BY_SAFEGUARDING_LEAD }, contention);
    await addEntry(tx, actor, concern.id, {
      kind: "KEEP_APART",
      text: input.reason,
      details: { keepApartId: kept.id, studentIds: [kept.studentAId, kept.studentBId] },
    });
    await touched(tx, actor, concern.id);
    await audit({
      action: "keep_apart.added",
      recordType: "KeepApart",
      recordId: kept.id,
      changes: { studentAId: kept.studentAId, studentBId: kept.studentBId, concernId: concern.id },
    });
    return { message: `Saved. These pupils will never be paired or grouped together.${kept.warning}` };
  },
);

/** The live pairings of a concern's linked pupils: what a lead may pause from it. */
async function pairingOfLinkedPupil(tx: Tx, actor: Actor, concernId: string, pairingId: string) {
  return tx.pairing.findFirst({
    where: {
      schoolId: actor.schoolId,
      id: pairingId,
      members: { some: { student: { concerns: { some: { schoolId: actor.schoolId, concernId } } } } },
    },
    select: { id: true, members: { select: { studentId: true, role: true } } },
  });
}

export const pauseFromConcern = defineCommand(
  { name: "pauseFromConcern", schema: pauseFromConcernSchema, allow: ["DSL"] },
  async (input, { tx, actor, audit }) => {
    const concern = await leadConcernForUpdate(tx, actor, input.concernId);
    if (concern.route !== "SAFEGUARDING") throw new NotFoundError("concern");
    const pairing = await pairingOfLinkedPupil(tx, actor, concern.id, input.pairingId);
    if (!pairing) throw new RuleError("Choose mentoring of a pupil linked to this concern.", { pairingId: ["Choose from the list."] });
    const studentId = input.studentId ?? null;
    if (studentId && !pairing.members.some((m) => m.studentId === studentId && m.role === "MENTEE"))
      throw new RuleError("Choose a mentee of that pairing.", { studentId: ["Choose a mentee of that pairing."] });
    const paused = await pausePlace(tx, {
      schoolId: actor.schoolId,
      pairingId: pairing.id,
      studentId,
      source: "CONCERN",
      reason: input.reason,
      concernId: concern.id,
      pausedById: actor.userId,
    });
    let pauseId = paused.pauseId;
    if (paused.alreadyPaused) {
      // Already paused by the mentee or a coordinator: the concern takes it over, so only a lead ends it.
      const taken = await takeOverPause(tx, {
        schoolId: actor.schoolId,
        pauseId: paused.pauseId,
        source: "CONCERN",
        reason: input.reason,
        concernId: concern.id,
        pausedById: actor.userId,
      });
      if (!taken) throw new RuleError("That mentoring is already paused by a safeguarding lead.");
      pauseId = taken.pauseId;
    }
    await addEntry(tx, actor, concern.id, {
      kind: "PAUSE",
      text: input.reason,
      details: { pauseId, pairingId: pairing.id, scope: paused.scope, studentIds: studentId ? [studentId] : [] },
    });
    await touched(tx, actor, concern.id);
    await audit({
      action: "pairing.paused",
      recordType: "Pairing",
      recordId: pairing.id,
      changes: { source: "CONCERN", concernId: concern.id, scope: paused.scope, reason: "[redacted]" },
    });
    return { message: "Paused. The pupils see only that mentoring is paused for now." };
  },
);

export const resumeFromConcern = defineCommand(
  { name: "resumeFromConcern", schema: resumeFromConcernSchema, allow: ["DSL"] },
  async (input, { tx, actor, audit, contention }) => {
    const concern = await leadConcernForUpdate(tx, actor, input.concernId);
    const pause = await tx.pause.findFirst({
      where: { schoolId: actor.schoolId, id: input.pauseId, concernId: concern.id },
      select: { id: true },
    });
    if (!pause) throw new NotFoundError("pause");
    const resumed = await resumePause(tx, { schoolId: actor.schoolId, pauseId: pause.id, endedById: actor.userId }, contention);
    if (resumed.alreadyEnded) throw new RuleError("That pause has already ended.");
    await addEntry(tx, actor, concern.id, {
      kind: "PAUSE",
      details: { pauseId: pause.id, pairingId: resumed.pairingId, resumed: true, studentIds: resumed.studentId ? [resumed.studentId] : [] },
    });
    await touched(tx, actor, concern.id);
    await audit({
      action: "pairing.resumed",
      recordType: "Pairing",
      recordId: resumed.pairingId,
      changes: { concernId: concern.id, pauseId: pause.id },
    });
    return { message: "Resumed. Mentoring goes on as before." };
  },
);

export const routeConcernToStaff = defineCommand(
  { name: "routeConcernToStaff", schema: routeConcernToStaffSchema, allow: LEADS },
  async (input, ctx) => {
    const { tx, actor, audit } = ctx;
    const concern = await leadConcernForUpdate(tx, actor, input.concernId);
    if (concern.aboutStaffId) throw new RuleError("This concern already names a member of staff.");
    const aboutStaffId = await staffMemberAConcernMayName(tx, actor.schoolId, input.aboutStaffId);
    if (!aboutStaffId) throw new RuleError("Check the form.", { aboutStaffId: ["Choose a member of staff from the list."] });
    const [heads, chairs] = await Promise.all([
      staffWhoReadRoute(tx, actor.schoolId, "HEAD"),
      staffWhoReadRoute(tx, actor.schoolId, "CHAIR"),
    ]);
    const route = routeFor({ aboutStaffId: aboutStaffId, heads, chairs });
    await addEntry(tx, actor, concern.id, { kind: "ROUTE", text: input.reason, details: { from: concern.route, to: route } });
    // The staff member's name is not written into the chronology's details; the concern row names them.
    await touched(tx, actor, concern.id, { aboutStaffId: aboutStaffId, route, sharedNote: null });
    await tellReaders(
      ctx,
      { id: concern.id, route, aboutStaffId: aboutStaffId },
      {
        kind: "concern.routed",
        message: "A concern about a member of staff needs your attention.",
        dedupe: `concern-routed:${concern.id}:${route}`,
      },
    );
    await audit({ action: "concern.routed", recordType: "Concern", recordId: concern.id, changes: { from: concern.route, to: route } });
    return {
      message:
        route === "SAFEGUARDING"
          ? "Saved. There is no headteacher or chair of governors flagged, so it stays with the safeguarding leads."
          : `Sent to the ${route === "HEAD" ? "headteacher" : "chair of governors"}. The member of staff it names can never see it.`,
    };
  },
);
