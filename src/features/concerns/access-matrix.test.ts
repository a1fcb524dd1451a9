// The concerns feature's own access matrix (issue 9), written by hand from the product's rules, never
// from policy.ts or the commands' `allow` lists. The school-wide matrices skip this folder because its
// readers are roles they have no column for: the head, the chair of governors, the reporter, and
// another school's safeguarding lead. Every action and query of the folder must have a row, and every
// row an action or query. An allowed cell must really succeed and is checked for what it did or
// returned; a denied action answers "no permission" or "not found" and writes nothing (the concern
// tables included); a denied read is Next's 404.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/actor";
import type { ConcernRoute, ConcernStatus } from "@/generated/prisma/enums";
import type { FormState } from "@/lib/form-state";
import { db } from "@/server/db";
import { FORBIDDEN_MESSAGE, NOT_FOUND_MESSAGE } from "@/server/command";
import { newIdempotencyKey } from "@/server/idempotency";
import {
  addMentee,
  addMentor,
  createConcernRow,
  createPairingRow,
  createSessionRow,
  createStaffUser,
  createStudent,
} from "@/server/factories";
import { actorFor } from "@/test-support/actors";
import { expectRefusedWithoutWrites, runCommand, type RunnableCommand } from "@/test-support/commands";
import { expectNotFound, SIGNED_OUT_MESSAGE } from "@/test-support/expectations";
import { actionsIn, queriesIn } from "@/test-support/own-matrices";
import { buildWorld, uniqueEmail } from "@/test-support/school";
import * as commands from "./commands";
import {
  countOpenConcernsForLead,
  getConcernForReader,
  getPupilRecordForConcern,
  getRaiseConcernForm,
  listConcernsForLead,
  listMyConcernReceipts,
  listSharedConcernLines,
} from "./queries";

const FEATURES_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

const COLUMNS = [
  "signedOut",
  "ADMIN",
  "COORDINATOR",
  "TEACHER",
  "DSL",
  "HEAD",
  "CHAIR_OF_GOVERNORS",
  "MENTOR",
  "MENTEE",
  "otherSchoolDSL",
] as const;
type Column = (typeof COLUMNS)[number];
/** Reads take a signed-in actor (pages sign the visitor in first), so they have no signed-out column. */
type Reader = Exclude<Column, "signedOut">;
const READERS = COLUMNS.filter((c): c is Reader => c !== "signedOut");

/** Allowed and succeeds; denied ("no permission" or "not found"); or denied with "not found" exactly. */
type Cell = "allowed" | "denied" | "notFound";
const Y: Cell = "allowed";
const N: Cell = "denied";
const X: Cell = "notFound";
type Row = [Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell];

// The lead's actions run on an escalated safeguarding concern of each column's own: the school's
// safeguarding leads act on it; the head may read it (escalated) but never act; another school's
// safeguarding lead is told it is not there.
// prettier-ignore
//                                         out ADMIN COORD TEACH DSL HEAD CHAIR MENTOR MENTEE otherDSL
const MATRIX: Record<string, Row> = {
  raiseConcernAction:                     [N,  Y,    Y,    Y,    Y,  Y,   Y,    Y,     Y,     Y],
  saveConcernDraftAction:                 [N,  Y,    Y,    Y,    Y,  Y,   Y,    Y,     Y,     Y],
  // The mentee's own concern: only she adds to it; anyone else, its safeguarding lead too, gets "not found".
  addToMyConcernAction:                   [N,  X,    X,    X,    X,  X,   X,    X,     Y,     X],
  recordConcernActionAction:              [N,  N,    N,    N,    Y,  N,   N,    N,     N,     X],
  changeConcernStatusAction:              [N,  N,    N,    N,    Y,  N,   N,    N,     N,     X],
  changeConcernCategoryAction:            [N,  N,    N,    N,    Y,  N,   N,    N,     N,     X],
  addConcernPupilAction:                  [N,  N,    N,    N,    Y,  N,   N,    N,     N,     X],
  removeConcernPupilAction:               [N,  N,    N,    N,    Y,  N,   N,    N,     N,     X],
  correctConcernEntryAction:              [N,  N,    N,    N,    Y,  N,   N,    N,     N,     X],
  shareConcernNoteAction:                 [N,  N,    N,    N,    Y,  N,   N,    N,     N,     X],
  keepApartFromConcernAction:             [N,  N,    N,    N,    Y,  N,   N,    N,     N,     X],
  routeConcernToStaffAction:              [N,  N,    N,    N,    Y,  N,   N,    N,     N,     X],
  // Each column's concern names a pupil of a pairing of its own (live, or paused from that concern).
  pauseFromConcernAction:                 [N,  N,    N,    N,    Y,  N,   N,    N,     N,     X],
  resumeFromConcernAction:                [N,  N,    N,    N,    Y,  N,   N,    N,     N,     X],
};

const LEAD_ROWS = [
  "recordConcernActionAction",
  "changeConcernStatusAction",
  "changeConcernCategoryAction",
  "addConcernPupilAction",
  "removeConcernPupilAction",
  "correctConcernEntryAction",
  "shareConcernNoteAction",
  "keepApartFromConcernAction",
  "routeConcernToStaffAction",
] as const;
type LeadRow = (typeof LEAD_ROWS)[number];

/** buildWorld, plus the head and the chair of governors of school `a` and a safeguarding lead of school `b`. */
async function buildConcernsWorld() {
  const { a, b, actors } = await buildWorld();
  const staff = (schoolId: string, role: "HEAD" | "CHAIR_OF_GOVERNORS" | "DSL", label: string) =>
    createStaffUser(db, { schoolId, roles: [role], email: uniqueEmail(label.toLowerCase()), name: `${label} Person` });
  const [head, chair, otherDsl] = await Promise.all([
    staff(a.school.id, "HEAD", "Head"),
    staff(a.school.id, "CHAIR_OF_GOVERNORS", "Chair"),
    staff(b.school.id, "DSL", "Otherdsl"),
  ]);
  const [HEAD, CHAIR_OF_GOVERNORS, otherSchoolDSL] = await Promise.all([actorFor(head), actorFor(chair), actorFor(otherDsl)]);
  const { ADMIN, COORDINATOR, TEACHER, DSL, MENTOR, MENTEE } = actors;
  const readers: Record<Reader, Actor> = { ADMIN, COORDINATOR, TEACHER, DSL, HEAD, CHAIR_OF_GOVERNORS, MENTOR, MENTEE, otherSchoolDSL };
  return { a, b, head, chair, otherDsl, readers, schoolIds: [a.school.id, b.school.id] };
}
type World = Awaited<ReturnType<typeof buildConcernsWorld>>;

/** A concern raised by this reader in their own school; `escalated` also makes it urgent, as only urgent ones escalate. */
async function concernBy(
  w: World,
  reporter: Reader,
  options: {
    route?: ConcernRoute;
    aboutStaffId?: string;
    escalated?: boolean;
    status?: ConcernStatus;
    pupilIds?: string[];
    what?: string;
  } = {},
) {
  const { schoolId, userId } = w.readers[reporter];
  const row = await createConcernRow(db, {
    schoolId,
    reporterId: userId,
    route: options.route ?? "SAFEGUARDING",
    aboutStaffId: options.aboutStaffId ?? null,
    isUrgent: options.escalated ?? false,
    status: options.status ?? "OPEN",
    pupilIds: options.pupilIds ?? [],
    what: options.what ?? `Report by ${reporter}`,
  });
  if (options.escalated) await db.concern.updateMany({ where: { schoolId, id: row.id }, data: { escalatedAt: new Date() } });
  const report = await db.concernEntry.findFirstOrThrow({ where: { schoolId, concernId: row.id, kind: "REPORT" }, select: { id: true } });
  return { id: row.id, reportId: report.id };
}

/** What "wrote nothing" adds for concerns: snapshotSchools does not look at the concern tables or keep-apart pairs. */
async function snapshotConcerns(schoolIds: string[]) {
  const where = { schoolId: { in: schoolIds } };
  const [concerns, entries, pupils, drafts, keptApart] = await Promise.all([
    db.concern.findMany({
      where,
      orderBy: { id: "asc" },
      select: { id: true, status: true, category: true, sharedNote: true, version: true, firstOpenedAt: true, escalatedAt: true },
    }),
    db.concernEntry.count({ where }),
    db.concernPupil.findMany({ where, orderBy: { id: "asc" }, select: { id: true } }),
    db.concernDraft.findMany({ where, orderBy: { id: "asc" }, select: { id: true, values: true, updatedAt: true } }),
    db.keepApart.count({ where }),
  ]);
  return { concerns, entries, pupils, drafts, keptApart };
}

function commandFor(action: string): RunnableCommand {
  const command = (commands as Record<string, unknown>)[action.replace(/Action$/, "")] as RunnableCommand | undefined;
  if (!command || typeof command.run !== "function") throw new Error(`${action}: no command of that name in concerns/commands.ts`);
  return command;
}

/** A refusal with a business rule's words: nothing written anywhere, the concern tables included. */
async function expectRuleWithoutWrites(w: World, command: RunnableCommand, actor: Actor, input: unknown, message: string) {
  const before = await snapshotConcerns(w.schoolIds);
  await expectRefusedWithoutWrites(command, actor, input, w.schoolIds, message);
  expect(await snapshotConcerns(w.schoolIds)).toEqual(before);
}

const text = (value: unknown) => JSON.stringify(value);
const sorted = (ids: string[]) => [...ids].sort();
const linkedPupils = async (concernId: string) =>
  sorted((await db.concernPupil.findMany({ where: { concernId }, select: { studentId: true } })).map((p) => p.studentId));
const entryOf = (
  concernId: string,
  kind: "ACTION" | "STATUS" | "CATEGORY" | "PUPILS" | "CORRECTION" | "SHARED_NOTE" | "KEEP_APART" | "ADDITION" | "PAUSE" | "ROUTE",
) => db.concernEntry.findFirstOrThrow({ where: { concernId, kind } });

describe("concerns access matrix: the tables match the actions and queries", () => {
  it("has a row for every action, and an action for every row", () => {
    const discovered = actionsIn(FEATURES_DIR, "concerns");
    expect(discovered.length).toBeGreaterThan(5);
    expect(
      discovered.filter((name) => !(name in MATRIX)),
      "add rows to MATRIX (and INPUTS, CHECKS)",
    ).toEqual([]);
    expect(
      Object.keys(MATRIX).filter((name) => !discovered.includes(name)),
      "remove these rows from MATRIX",
    ).toEqual([]);
    expect(Object.keys(MATRIX).filter((name) => !(name in INPUTS) || !(name in CHECKS))).toEqual([]);
  });

  it("has a row for every query, and a query for every row", () => {
    const discovered = queriesIn(FEATURES_DIR, "concerns");
    expect(discovered.length).toBeGreaterThan(3);
    expect(
      discovered.filter((name) => !READS.some((r) => r.name === name)),
      "add rows to READS",
    ).toEqual([]);
    expect(
      READS.map((r) => r.name).filter((name) => !discovered.includes(name)),
      "remove these rows from READS",
    ).toEqual([]);
  });
});

// ---- Actions ----

type Extra = {
  /** Per lead row and column: an escalated safeguarding concern of its own, about the mentee and the mentor. */
  cases: Record<LeadRow, Record<Column, { id: string; reportId: string }>>;
  /** A concern the mentee raised herself. */
  menteesConcern: string;
  /** Per column: an escalated concern naming a mentee of a live pairing of its own, to pause. */
  toPause: Record<Column, { id: string; pairingId: string }>;
  /** Per column: an escalated concern whose pairing it paused, to resume. */
  toResume: Record<Column, { id: string; pauseId: string; pairingId: string }>;
};

/** A live 1:1 pairing of two new pupils of school a. */
async function freshPairing(w: World) {
  const { school, programme, today, staff } = w.a;
  const [mentor, mentee] = await Promise.all([
    createStudent(db, { schoolId: school.id, yearGroup: 11, today }),
    createStudent(db, { schoolId: school.id, yearGroup: 8, today }),
  ]);
  await Promise.all([
    addMentor(db, { schoolId: school.id, programmeId: programme.id, studentId: mentor.id }),
    addMentee(db, { schoolId: school.id, programmeId: programme.id, studentId: mentee.id }),
  ]);
  const pairing = await createPairingRow(db, {
    schoolId: school.id,
    programmeId: programme.id,
    createdById: staff.coordinator.id,
    mentorIds: [mentor.id],
    menteeIds: [mentee.id],
    status: "ACTIVE",
  });
  return { pairingId: pairing.id, menteeId: mentee.id };
}

async function prepareActions(w: World): Promise<Extra> {
  const { mentee, mentor } = w.a.pupils;
  const cases = {} as Extra["cases"];
  for (const row of LEAD_ROWS) {
    const made = await Promise.all(
      COLUMNS.map((column) => concernBy(w, "TEACHER", { escalated: true, pupilIds: [mentee.id, mentor.id], what: `${row} ${column}` })),
    );
    cases[row] = Object.fromEntries(COLUMNS.map((column, i) => [column, made[i]!])) as Record<Column, { id: string; reportId: string }>;
  }
  const menteesConcern = (await concernBy(w, "MENTEE", { pupilIds: [mentor.id] })).id;
  const toPause = {} as Extra["toPause"];
  const toResume = {} as Extra["toResume"];
  for (const column of COLUMNS) {
    const live = await freshPairing(w);
    toPause[column] = { id: (await concernBy(w, "TEACHER", { escalated: true, pupilIds: [live.menteeId] })).id, pairingId: live.pairingId };
    const paused = await freshPairing(w);
    const concernId = (await concernBy(w, "TEACHER", { escalated: true, pupilIds: [paused.menteeId] })).id;
    await db.pairing.updateMany({ where: { id: paused.pairingId }, data: { status: "PAUSED" } });
    const pause = await db.pause.create({
      data: {
        schoolId: w.a.school.id,
        pairingId: paused.pairingId,
        source: "CONCERN",
        reason: "Matrix pause",
        concernId,
        resumeTo: "ACTIVE",
        pausedById: w.readers.DSL.userId,
      },
    });
    toResume[column] = { id: concernId, pauseId: pause.id, pairingId: paused.pairingId };
  }
  return { cases, menteesConcern, toPause, toResume };
}

/** Who each column names when raising one: a pupil, the other pupil of their pairing; staff, any pupil of their school. */
function pupilNamedBy(w: World, column: Column): string {
  if (column === "MENTOR") return w.a.pupils.mentee.id;
  if (column === "MENTEE") return w.a.pupils.mentor.id;
  if (column === "otherSchoolDSL") return w.b.pupils.spareMentee.id;
  return w.a.pupils.spareMentee.id;
}

const INPUTS: Record<string, (w: World, column: Column, x: Extra) => Record<string, unknown>> = {
  raiseConcernAction: (w, column) => ({
    what: `Matrix concern raised by ${column}`,
    when: "At lunch",
    where: "Library",
    category: "WELLBEING",
    inDanger: "no",
    // The chair of governors is not school staff: they write names in their own words, never pick from the roll.
    pupilIds: column === "CHAIR_OF_GOVERNORS" ? [] : [pupilNamedBy(w, column)],
    idempotencyKey: newIdempotencyKey(),
  }),
  saveConcernDraftAction: (_w, column) => ({ what: `Half written by ${column}`, category: "HOME" }),
  addToMyConcernAction: (_w, column, x) => ({
    concernId: x.menteesConcern,
    text: `More from ${column}`,
    idempotencyKey: newIdempotencyKey(),
  }),
  recordConcernActionAction: (w, column, x) => ({
    concernId: x.cases.recordConcernActionAction[column].id,
    action: "SPOKE_TO_PUPIL",
    happenedOn: w.a.today,
    reason: `Matrix action by ${column}`,
    idempotencyKey: newIdempotencyKey(),
  }),
  changeConcernStatusAction: (_w, column, x) => ({
    concernId: x.cases.changeConcernStatusAction[column].id,
    status: "IN_PROGRESS",
    reason: "Matrix: looking into it",
  }),
  changeConcernCategoryAction: (_w, column, x) => ({
    concernId: x.cases.changeConcernCategoryAction[column].id,
    category: "BULLYING",
    reason: "Matrix: it is bullying",
  }),
  addConcernPupilAction: (w, column, x) => ({
    concernId: x.cases.addConcernPupilAction[column].id,
    studentId: w.a.pupils.spareMentee.id,
    reason: "Matrix: named later",
  }),
  removeConcernPupilAction: (w, column, x) => ({
    concernId: x.cases.removeConcernPupilAction[column].id,
    studentId: w.a.pupils.mentor.id,
    reason: "Matrix: linked by mistake",
  }),
  correctConcernEntryAction: (_w, column, x) => ({
    concernId: x.cases.correctConcernEntryAction[column].id,
    entryId: x.cases.correctConcernEntryAction[column].reportId,
    text: `Matrix correction by ${column}`,
    idempotencyKey: newIdempotencyKey(),
  }),
  shareConcernNoteAction: (_w, column, x) => ({
    concernId: x.cases.shareConcernNoteAction[column].id,
    note: "Matrix: please keep an eye on them",
  }),
  routeConcernToStaffAction: (w, column, x) => ({
    concernId: x.cases.routeConcernToStaffAction[column].id,
    aboutStaffId: w.a.staff.teacher.id,
    reason: "Matrix: it is about a teacher",
  }),
  pauseFromConcernAction: (_w, column, x) => ({
    concernId: x.toPause[column].id,
    pairingId: x.toPause[column].pairingId,
    reason: "Matrix: SECRET pause reason",
  }),
  resumeFromConcernAction: (_w, column, x) => ({ concernId: x.toResume[column].id, pauseId: x.toResume[column].pauseId }),
  keepApartFromConcernAction: (w, column, x) => ({
    concernId: x.cases.keepApartFromConcernAction[column].id,
    studentAId: w.a.pupils.mentee.id,
    studentBId: w.a.pupils.mentor.id,
    reason: "Matrix: SECRET keep-apart reason",
  }),
};

type Done = {
  result: FormState & { recordId?: string };
  actor: Actor;
  column: Column;
  input: Record<string, unknown>;
  w: World;
  x: Extra;
  command: RunnableCommand;
};
const caseOf = (d: Done, row: LeadRow) => d.x.cases[row][d.column].id;

/** What an allowed cell must have done, read back from the database. */
const CHECKS: Record<string, (d: Done) => Promise<void>> = {
  raiseConcernAction: async ({ result, actor, input, w, command }) => {
    expect(result.message).toMatch(/^Received on .+ — a member of staff will follow it up\.$/);
    const concern = await db.concern.findFirstOrThrow({ where: { schoolId: actor.schoolId, id: result.recordId! } });
    expect(concern).toMatchObject({ reporterId: actor.userId, route: "SAFEGUARDING", aboutStaffId: null, isUrgent: false, status: "OPEN" });
    expect(await linkedPupils(concern.id)).toEqual(input.pupilIds);
    expect((await db.concernEntry.findFirstOrThrow({ where: { concernId: concern.id, kind: "REPORT" } })).text).toBe(input.what);
    // Sent again with the same key (a double click, a retry): the same receipt, and no second concern.
    const concernsBefore = await snapshotConcerns(w.schoolIds);
    const again = await runCommand(command, actor, input, w.schoolIds);
    expect(again.result).toMatchObject({ ok: true, recordId: concern.id, message: result.message });
    expect(again.after).toEqual(again.before);
    expect(await snapshotConcerns(w.schoolIds)).toEqual(concernsBefore);
  },
  saveConcernDraftAction: async ({ actor, column }) => {
    const draft = await db.concernDraft.findFirstOrThrow({ where: { schoolId: actor.schoolId, userId: actor.userId } });
    expect(draft.values).toMatchObject({ what: `Half written by ${column}`, category: "HOME" });
  },
  addToMyConcernAction: async ({ actor, x, column }) => {
    const entry = await entryOf(x.menteesConcern, "ADDITION");
    expect(entry).toMatchObject({ authorId: actor.userId, text: `More from ${column}` });
  },
  recordConcernActionAction: async (d) => {
    const id = caseOf(d, "recordConcernActionAction");
    expect(await entryOf(id, "ACTION")).toMatchObject({ authorId: d.actor.userId, action: "SPOKE_TO_PUPIL", text: d.input.reason });
    expect((await db.concern.findFirstOrThrow({ where: { id } })).version).toBe(2);
  },
  changeConcernStatusAction: async (d) => {
    const id = caseOf(d, "changeConcernStatusAction");
    expect((await db.concern.findFirstOrThrow({ where: { id } })).status).toBe("IN_PROGRESS");
    expect(await entryOf(id, "STATUS")).toMatchObject({ authorId: d.actor.userId, details: { from: "OPEN", to: "IN_PROGRESS" } });
  },
  changeConcernCategoryAction: async (d) => {
    const id = caseOf(d, "changeConcernCategoryAction");
    expect((await db.concern.findFirstOrThrow({ where: { id } })).category).toBe("BULLYING");
    expect(await entryOf(id, "CATEGORY")).toMatchObject({ authorId: d.actor.userId, details: { from: "WELLBEING", to: "BULLYING" } });
  },
  addConcernPupilAction: async (d) => {
    const id = caseOf(d, "addConcernPupilAction");
    const { mentee, mentor, spareMentee } = d.w.a.pupils;
    expect(await linkedPupils(id)).toEqual(sorted([mentee.id, mentor.id, spareMentee.id]));
    expect(await entryOf(id, "PUPILS")).toMatchObject({ details: { added: [spareMentee.id], removed: [] } });
  },
  removeConcernPupilAction: async (d) => {
    const id = caseOf(d, "removeConcernPupilAction");
    const { mentee, mentor } = d.w.a.pupils;
    expect(await linkedPupils(id)).toEqual([mentee.id]);
    expect(await entryOf(id, "PUPILS")).toMatchObject({ details: { added: [], removed: [mentor.id] } });
  },
  correctConcernEntryAction: async (d) => {
    const { id, reportId } = d.x.cases.correctConcernEntryAction[d.column];
    expect(await entryOf(id, "CORRECTION")).toMatchObject({ authorId: d.actor.userId, correctsId: reportId, text: d.input.text });
    // The corrected entry stays as it was.
    expect((await db.concernEntry.findFirstOrThrow({ where: { id: reportId } })).text).toBe(`correctConcernEntryAction ${d.column}`);
  },
  shareConcernNoteAction: async (d) => {
    const id = caseOf(d, "shareConcernNoteAction");
    expect((await db.concern.findFirstOrThrow({ where: { id } })).sharedNote).toBe(d.input.note);
    expect(await entryOf(id, "SHARED_NOTE")).toMatchObject({ text: d.input.note, details: { shared: true } });
  },
  routeConcernToStaffAction: async (d) => {
    const id = caseOf(d, "routeConcernToStaffAction");
    expect(await db.concern.findFirstOrThrow({ where: { id } })).toMatchObject({ route: "HEAD", aboutStaffId: d.w.a.staff.teacher.id });
    expect(await entryOf(id, "ROUTE")).toMatchObject({ text: d.input.reason, details: { from: "SAFEGUARDING", to: "HEAD" } });
  },
  pauseFromConcernAction: async (d) => {
    const { id, pairingId } = d.x.toPause[d.column];
    expect((await db.pairing.findFirstOrThrow({ where: { id: pairingId } })).status).toBe("PAUSED");
    const pause = await db.pause.findFirstOrThrow({ where: { pairingId, endedAt: null } });
    expect(pause).toMatchObject({ source: "CONCERN", concernId: id, reason: d.input.reason, resumeTo: "ACTIVE" });
    expect(await entryOf(id, "PAUSE")).toMatchObject({ text: d.input.reason, details: { pauseId: pause.id } });
  },
  resumeFromConcernAction: async (d) => {
    const { id, pauseId, pairingId } = d.x.toResume[d.column];
    expect((await db.pairing.findFirstOrThrow({ where: { id: pairingId } })).status).toBe("ACTIVE");
    expect((await db.pause.findFirstOrThrow({ where: { id: pauseId } })).endedAt).not.toBeNull();
    expect(await entryOf(id, "PAUSE")).toMatchObject({ details: { pauseId, resumed: true } });
  },
  keepApartFromConcernAction: async (d) => {
    const id = caseOf(d, "keepApartFromConcernAction");
    const [studentAId, studentBId] = sorted([d.w.a.pupils.mentee.id, d.w.a.pupils.mentor.id]);
    const pair = await db.keepApart.findFirstOrThrow({ where: { schoolId: d.actor.schoolId, studentAId, studentBId } });
    // Other staff read a neutral reason; the real one is only in the chronology.
    expect(pair.reason).toBe(commands.SET_BY_SAFEGUARDING_LEAD);
    expect(await entryOf(id, "KEEP_APART")).toMatchObject({ text: d.input.reason, details: { keepApartId: pair.id } });
  },
};

describe("concerns access matrix: each action as each actor", () => {
  let w: World;
  let x: Extra;
  let actors: Record<Column, Actor | null>;
  beforeAll(async () => {
    w = await buildConcernsWorld();
    actors = { signedOut: null, ...w.readers };
    x = await prepareActions(w);
  });

  for (const [key, row] of Object.entries(MATRIX)) {
    describe(key, () => {
      it.each(COLUMNS.map((column, i) => [column, row[i]!] as const))("%s → %s", async (column, expected) => {
        const command = commandFor(key);
        const input = INPUTS[key]!(w, column, x);
        const actor = actors[column];
        const startedAt = new Date();
        const concernsBefore = await snapshotConcerns(w.schoolIds);
        const { result, before, after } = await runCommand(command, actor, input, w.schoolIds);
        if (expected === "allowed") {
          expect(result.ok, `${key} as ${column} must succeed: ${result.message}`).toBe(true);
          await CHECKS[key]!({ result, actor: actor!, column, input, w, x, command });
          return;
        }
        expect(result.ok, `${key} as ${column} must be refused`).toBe(false);
        const answers =
          column === "signedOut"
            ? [SIGNED_OUT_MESSAGE]
            : expected === "notFound"
              ? [NOT_FOUND_MESSAGE]
              : [FORBIDDEN_MESSAGE, NOT_FOUND_MESSAGE];
        expect(answers, `${key} as ${column}: ${result.message}`).toContain(result.message);
        expect(after, `${key} as ${column} must write nothing`).toEqual(before);
        expect(await snapshotConcerns(w.schoolIds), `${key} as ${column} must write nothing`).toEqual(concernsBefore);
        if (!actor) return;
        // The refusal is recorded as a security event (ADR 005).
        const events = await db.securityEvent.findMany({
          where: { userId: actor.userId, at: { gte: startedAt }, detail: { path: ["command"], equals: command.name } },
        });
        expect(
          events.map((e) => [e.kind, e.schoolId]),
          `${key} as ${column}: a security event`,
        ).toContainEqual([result.message === FORBIDDEN_MESSAGE ? "access.role_refused" : "access.not_found", actor.schoolId]);
      });
    });
  }
});

// ---- Reads ----

type ReadWorld = World & {
  /** The concern each reader raised (each raised exactly one), by the reader who raised it. */
  own: Record<Reader, string>;
  sgOpen: string;
  sgEscalated: string;
  sgClosed: string;
  headRoute: string;
  chairRoute: string;
  sessionId: string;
};
type ReadContext = { w: ReadWorld; column: Reader; actor: Actor; startedAt: Date };
type Cells = [boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean];
type Read = {
  name: string;
  read: (actor: Actor, w: ReadWorld) => Promise<unknown>;
  /** Which readers may read: the others get a 404. */
  access: Cells;
  check: (result: unknown, c: ReadContext) => void | Promise<void>;
};
const T = true;
const F = false;

const SECRET_LEAD_ENTRY = "SECRET-LEAD-ENTRY";
const isPupil = (c: Reader) => c === "MENTOR" || c === "MENTEE";

const auditBy = (c: ReadContext, action: string, recordId?: string) =>
  db.auditLog.findMany({
    where: { actorUserId: c.actor.userId, action, at: { gte: c.startedAt }, ...(recordId ? { recordId } : {}) },
    select: { action: true, recordId: true, changes: true },
  });

// prettier-ignore
//                                                                                         ADMIN COORD TEACH DSL HEAD CHAIR MENTOR MENTEE otherDSL
const READS: Read[] = [
  // Asked to start one about the spare mentee (as a pupil's page would link): staff of her school get her
  // ticked; a pupil gets the pupils of their own pairings, never the roll; another school's DSL, their own roll.
  { name: "getRaiseConcernForm", read: (a, w) => getRaiseConcernForm(a, { aboutStudentId: w.a.pupils.spareMentee.id }),
    access:                                                                                [T,    T,    T,    T,  T,   T,    T,     T,     T],
    check: async (r, { w, column, actor }) => {
      const form = r as Awaited<ReturnType<typeof getRaiseConcernForm>>;
      if (isPupil(column)) {
        const partner = column === "MENTOR" ? w.a.pupils.mentee.id : w.a.pupils.mentor.id;
        expect(form).toMatchObject({ isStaff: false, staff: [] });
        expect(form.pupils.map((p) => p.id)).toEqual([partner]);
        expect(form.draft).toEqual(column === "MENTEE" ? expect.objectContaining({ what: "MENTEE-DRAFT" }) : null);
        return;
      }
      // The chair of governors is not school staff: no roll, no staff list; names in their own words.
      if (column === "CHAIR_OF_GOVERNORS") {
        expect(form).toMatchObject({ isStaff: false, pupils: [], staff: [] });
        return;
      }
      const school = column === "otherSchoolDSL" ? w.b : w.a;
      const roll = await db.student.findMany({ where: { schoolId: school.school.id, status: "ON_ROLL" }, select: { id: true } });
      const staff = await db.membership.findMany({ where: { schoolId: school.school.id, NOT: { roles: { isEmpty: true } } }, select: { userId: true } });
      expect(form.isStaff).toBe(true);
      expect(sorted(form.pupils.map((p) => p.id))).toEqual(sorted(roll.map((s) => s.id)));
      expect(sorted(form.staff.map((s) => s.id))).toEqual(sorted(staff.map((m) => m.userId).filter((id) => id !== actor.userId)));
      expect(form.draft).toEqual(column === "otherSchoolDSL" ? null : expect.objectContaining({ pupilIds: [w.a.pupils.spareMentee.id] }));
      if (column === "otherSchoolDSL") expect(text(form)).not.toContain(w.a.pupils.spareMentee.id);
    } },
  // Each reader raised one concern: they get its receipt and their own words, never the case.
  { name: "listMyConcernReceipts", read: (a) => listMyConcernReceipts(a), access:         [T,    T,    T,    T,  T,   T,    T,     T,     T],
    check: (r, { w, column }) => {
      const receipts = r as Awaited<ReturnType<typeof listMyConcernReceipts>>;
      expect(receipts.map((c) => c.id)).toEqual([w.own[column]]);
      expect(receipts[0]!.receipt).toMatch(/^Received on /);
      expect(receipts[0]!.own.map((e) => e.text)).toEqual(column === "MENTEE" ? [`Report by ${column}`, "MENTEE-ADDITION"] : [`Report by ${column}`]);
      expect(text(receipts)).not.toContain(SECRET_LEAD_ENTRY);
      expect(Object.keys(receipts[0]!).sort()).toEqual(["id", "own", "receipt"]);
    } },
  // The safeguarding leads: every safeguarding concern; the head: those about staff and escalated ones;
  // the chair: those about the head. Another school's DSL reads their own school's list, never school a's.
  { name: "listConcernsForLead", read: (a) => listConcernsForLead(a), access:             [F,    F,    F,    T,  T,   T,    F,     F,     T],
    check: async (r, c) => {
      const list = r as Awaited<ReturnType<typeof listConcernsForLead>>;
      const { w } = c;
      const expected: Record<string, { open: string[]; closed: string[] }> = {
        DSL: { open: [w.sgOpen, w.sgEscalated, w.own.MENTOR, w.own.HEAD, w.own.CHAIR_OF_GOVERNORS], closed: [w.sgClosed] },
        HEAD: { open: [w.sgEscalated, w.headRoute], closed: [] },
        CHAIR_OF_GOVERNORS: { open: [w.chairRoute], closed: [] },
        otherSchoolDSL: { open: [w.own.otherSchoolDSL], closed: [] },
      };
      expect(sorted(list.open.map((x) => x.id))).toEqual(sorted(expected[c.column]!.open));
      expect(list.closed.map((x) => x.id)).toEqual(expected[c.column]!.closed);
      // Listing without a search is not a search.
      expect(await auditBy(c, "concern.searched")).toEqual([]);
    } },
  // An urgent safeguarding concern escalated to the head: its leads read it and act; the head reads it only.
  { name: "getConcernForReader", read: (a, w) => getConcernForReader(a, w.sgEscalated),
    access:                                                                                [F,    F,    F,    T,  T,   F,    F,     F,     F],
    check: async (r, c) => {
      const concern = r as Awaited<ReturnType<typeof getConcernForReader>>;
      const isLead = c.column === "DSL";
      expect(concern).toMatchObject({ id: c.w.sgEscalated, route: "SAFEGUARDING", isUrgent: true, isLead });
      expect(concern.entries[0]).toMatchObject({ kind: "REPORT", text: "Report by TEACHER" });
      expect(concern.roll.length > 0).toBe(isLead);
      if (isLead) expect(concern.views.length).toBeGreaterThan(0);
      else expect(concern.views).toEqual([]);
      // Every opening is audited, the head's too.
      expect(await auditBy(c, "concern.viewed", c.w.sgEscalated)).toEqual([
        { action: "concern.viewed", recordId: c.w.sgEscalated, changes: { asLead: isLead } },
      ]);
    } },
  // The mentee is linked to the open safeguarding concern: only its leads read her mentoring record.
  { name: "getPupilRecordForConcern", read: (a, w) => getPupilRecordForConcern(a, w.sgOpen, w.a.pupils.mentee.id),
    access:                                                                                [F,    F,    F,    T,  F,   F,    F,     F,     F],
    check: async (r, c) => {
      const record = r as Awaited<ReturnType<typeof getPupilRecordForConcern>>;
      expect(record.pupil.id).toBe(c.w.a.pupils.mentee.id);
      expect(record.sessions.map((s) => [s.id, s.notes])).toEqual([[c.w.sessionId, "SESSION-NOTE"]]);
      expect((await auditBy(c, "concern.pupil_record_viewed", c.w.sgOpen)).length).toBe(1);
    } },
  // Coordinators and safeguarding leads, and nothing until a lead shares a line (see the rules below).
  // Another school's DSL asking about school a's pupil: not found.
  { name: "listSharedConcernLines", read: (a, w) => listSharedConcernLines(a, w.a.pupils.mentee.id),
    access:                                                                                [F,    T,    F,    T,  F,   F,    F,     F,     F],
    check: (r) => expect(r).toEqual([]) },
  // The home page's card: null for anyone who reads no concerns, the open and urgent counts for readers.
  { name: "countOpenConcernsForLead", read: (a) => countOpenConcernsForLead(a), access:   [T,    T,    T,    T,  T,   T,    T,     T,     T],
    check: (r, { column }) => {
      const counts: Partial<Record<Reader, { open: number; urgent: number }>> = {
        DSL: { open: 5, urgent: 1 },
        HEAD: { open: 2, urgent: 1 },
        CHAIR_OF_GOVERNORS: { open: 1, urgent: 0 },
        otherSchoolDSL: { open: 1, urgent: 0 },
      };
      expect(r).toEqual(counts[column] ?? null);
    } },
];

async function prepareReads(w: World): Promise<ReadWorld> {
  const { mentee, mentor, otherMentee, otherMentor } = w.a.pupils;
  const [sgOpen, sgEscalated, sgClosed, headRoute, chairRoute, mentors, heads, chairs, otherDsls] = await Promise.all([
    concernBy(w, "MENTEE", { pupilIds: [mentee.id, mentor.id] }),
    concernBy(w, "TEACHER", { escalated: true, pupilIds: [otherMentee.id] }),
    concernBy(w, "COORDINATOR", { status: "CLOSED" }),
    concernBy(w, "ADMIN", { route: "HEAD", aboutStaffId: w.a.staff.teacher.id, pupilIds: [otherMentor.id] }),
    concernBy(w, "DSL", { route: "CHAIR", aboutStaffId: w.head.id }),
    concernBy(w, "MENTOR"),
    concernBy(w, "HEAD"),
    concernBy(w, "CHAIR_OF_GOVERNORS"),
    concernBy(w, "otherSchoolDSL"),
  ]);
  const ofA = [sgOpen, sgEscalated, sgClosed, headRoute, chairRoute, mentors, heads, chairs];
  // A lead's entry on each (never in a receipt), and the mentee's own addition to hers.
  for (const concern of ofA)
    await db.concernEntry.create({
      data: {
        schoolId: w.a.school.id,
        concernId: concern.id,
        kind: "ACTION",
        action: "CONSULTED",
        authorId: w.a.staff.dsl.id,
        text: SECRET_LEAD_ENTRY,
      },
    });
  await db.concernEntry.create({
    data: { schoolId: w.a.school.id, concernId: sgOpen.id, kind: "ADDITION", authorId: mentee.userId!, text: "MENTEE-ADDITION" },
  });
  await db.concernDraft.create({ data: { schoolId: w.a.school.id, userId: mentee.userId!, values: { what: "MENTEE-DRAFT" } } });
  const session = await createSessionRow(db, {
    schoolId: w.a.school.id,
    pairingId: w.a.pairing.id,
    loggedById: w.a.staff.coordinator.id,
    heldOn: w.a.today,
    notes: "SESSION-NOTE",
    pupils: [{ studentId: mentee.id }],
  });
  const own: Record<Reader, string> = {
    ADMIN: headRoute.id,
    COORDINATOR: sgClosed.id,
    TEACHER: sgEscalated.id,
    DSL: chairRoute.id,
    HEAD: heads.id,
    CHAIR_OF_GOVERNORS: chairs.id,
    MENTOR: mentors.id,
    MENTEE: sgOpen.id,
    otherSchoolDSL: otherDsls.id,
  };
  return {
    ...w,
    own,
    sgOpen: sgOpen.id,
    sgEscalated: sgEscalated.id,
    sgClosed: sgClosed.id,
    headRoute: headRoute.id,
    chairRoute: chairRoute.id,
    sessionId: session.id,
  };
}

describe("concerns access matrix: each query as each reader", () => {
  let w: ReadWorld;
  beforeAll(async () => {
    w = await prepareReads(await buildConcernsWorld());
  });

  for (const { name, read, access, check } of READS) {
    describe(name, () => {
      it.each(READERS.map((column, i) => [column, access[i]!] as const))("%s → allowed: %s", async (column, isAllowed) => {
        const actor = w.readers[column];
        const startedAt = new Date();
        if (!isAllowed) {
          await expectNotFound(() => read(actor, w));
          // Every 404 a policy gives is recorded as a security event (ADR 005), and a refused read audits nothing.
          const events = await db.securityEvent.findMany({
            where: { userId: actor.userId, at: { gte: startedAt } },
            select: { kind: true },
          });
          expect(events.map((e) => e.kind)).toEqual([expect.stringMatching(/^access\.(role_refused|not_found)$/)]);
          expect(await db.auditLog.count({ where: { actorUserId: actor.userId, at: { gte: startedAt } } })).toBe(0);
          return;
        }
        await check(await read(actor, w), { w, column, actor, startedAt });
      });
    });
  }
});

// ---- Routes: who reads and who leads each kind of concern ----

type Route = { name: string; route: ConcernRoute; about?: "TEACHER" | "HEAD" | "DSL"; escalated?: boolean; read: Cells; lead: Cells };

// getConcernForReader and changeConcernStatus (standing for every lead action) on one concern of each
// kind. The person a concern names never reads it, even when they would lead it: the head on one about
// the head; the safeguarding lead on a safeguarding concern about them (a school with no head or chair
// to take it); the head on an escalated one about them.
// prettier-ignore
//                                                                                               ADMIN COORD TEACH DSL HEAD CHAIR MENTOR MENTEE otherDSL
const ROUTES: Route[] = [
  { name: "safeguarding, not escalated", route: "SAFEGUARDING",
    read:                                                                                        [F,    F,    F,    T,  F,   F,    F,     F,     F],
    lead:                                                                                        [F,    F,    F,    T,  F,   F,    F,     F,     F] },
  { name: "safeguarding, escalated to the head", route: "SAFEGUARDING", escalated: true,
    read:                                                                                        [F,    F,    F,    T,  T,   F,    F,     F,     F],
    lead:                                                                                        [F,    F,    F,    T,  F,   F,    F,     F,     F] },
  { name: "about the teacher (the head's)", route: "HEAD", about: "TEACHER",
    read:                                                                                        [F,    F,    F,    F,  T,   F,    F,     F,     F],
    lead:                                                                                        [F,    F,    F,    F,  T,   F,    F,     F,     F] },
  { name: "about the head (the chair's)", route: "CHAIR", about: "HEAD",
    read:                                                                                        [F,    F,    F,    F,  F,   T,    F,     F,     F],
    lead:                                                                                        [F,    F,    F,    F,  F,   T,    F,     F,     F] },
  { name: "safeguarding, about the DSL", route: "SAFEGUARDING", about: "DSL",
    read:                                                                                        [F,    F,    F,    F,  F,   F,    F,     F,     F],
    lead:                                                                                        [F,    F,    F,    F,  F,   F,    F,     F,     F] },
  { name: "safeguarding, escalated, about the head", route: "SAFEGUARDING", about: "HEAD", escalated: true,
    read:                                                                                        [F,    F,    F,    T,  F,   F,    F,     F,     F],
    lead:                                                                                        [F,    F,    F,    T,  F,   F,    F,     F,     F] },
];

describe("concerns access matrix: routes", () => {
  let w: World;
  /** Per route: one concern to read, and one per reader to lead. */
  const made: Record<string, { toRead: string; toLead: Record<Reader, string> }> = {};
  beforeAll(async () => {
    w = await buildConcernsWorld();
    for (const route of ROUTES) {
      const aboutStaffId = route.about && { TEACHER: w.a.staff.teacher.id, HEAD: w.head.id, DSL: w.a.staff.dsl.id }[route.about];
      const one = () => concernBy(w, "COORDINATOR", { route: route.route, aboutStaffId, escalated: route.escalated });
      const toRead = (await one()).id;
      const toLead = await Promise.all(READERS.map(one));
      made[route.name] = { toRead, toLead: Object.fromEntries(READERS.map((r, i) => [r, toLead[i]!.id])) as Record<Reader, string> };
    }
  });

  for (const route of ROUTES) {
    describe(route.name, () => {
      it.each(READERS.map((column, i) => [column, route.read[i]!] as const))("%s reads: %s", async (column, isAllowed) => {
        const actor = w.readers[column];
        const id = made[route.name]!.toRead;
        if (!isAllowed) return expectNotFound(() => getConcernForReader(actor, id));
        const concern = await getConcernForReader(actor, id);
        expect(concern).toMatchObject({ id, route: route.route, isLead: route.lead[READERS.indexOf(column)] });
      });

      it.each(READERS.map((column, i) => [column, route.lead[i]!] as const))("%s leads: %s", async (column, isAllowed) => {
        const actor = w.readers[column];
        const id = made[route.name]!.toLead[column];
        const input = { concernId: id, status: "IN_PROGRESS", reason: "Matrix: looking into it" };
        const concernsBefore = await snapshotConcerns(w.schoolIds);
        const { result, before, after } = await runCommand(commands.changeConcernStatus, actor, input, w.schoolIds);
        if (isAllowed) {
          expect(result.ok, result.message).toBe(true);
          expect((await db.concern.findFirstOrThrow({ where: { id } })).status).toBe("IN_PROGRESS");
          return;
        }
        expect([FORBIDDEN_MESSAGE, NOT_FOUND_MESSAGE]).toContain(result.message);
        expect(after).toEqual(before);
        expect(await snapshotConcerns(w.schoolIds)).toEqual(concernsBefore);
      });
    });
  }
});

// ---- The rules a row cannot show ----

describe("concerns access matrix: rules within the allowed cells", () => {
  let w: World;
  beforeAll(async () => {
    w = await buildConcernsWorld();
  });

  it.each(READERS)("%s adds to a concern they raised themselves", async (column) => {
    const { id } = await concernBy(w, column);
    const actor = w.readers[column];
    const { result } = await runCommand(commands.addToMyConcern, actor, { concernId: id, text: `More from ${column}` }, w.schoolIds);
    expect(result, result.message).toMatchObject({ ok: true, recordId: id });
    expect(await entryOf(id, "ADDITION")).toMatchObject({ authorId: actor.userId, text: `More from ${column}` });
  });

  it("lets a pupil name only the pupils of their own pairings, and no member of staff", async () => {
    const raise = (extra: Record<string, unknown>) => ({ what: "Matrix", category: "WELLBEING", inDanger: "no", ...extra });
    const mentor = w.readers.MENTOR;
    await expectRuleWithoutWrites(
      w,
      commands.raiseConcern,
      mentor,
      raise({ pupilIds: [w.a.pupils.spareMentee.id] }),
      "Check the names you chose.",
    );
    await expectRuleWithoutWrites(
      w,
      commands.raiseConcern,
      mentor,
      raise({ pupilIds: [w.b.pupils.mentee.id] }),
      "Check the names you chose.",
    );
    await expectRuleWithoutWrites(w, commands.raiseConcern, mentor, raise({ aboutStaffId: w.a.staff.teacher.id }), "Check the form.");
  });

  it("lets another school's DSL name only their own school's pupils", async () => {
    const input = { what: "Matrix", category: "WELLBEING", inDanger: "no", pupilIds: [w.a.pupils.spareMentee.id] };
    await expectRuleWithoutWrites(w, commands.raiseConcern, w.readers.otherSchoolDSL, input, "Check the pupils you chose.");
  });

  it("keeps apart only two pupils linked to the concern", async () => {
    const { mentee, mentor, spareMentee } = w.a.pupils;
    const { id } = await concernBy(w, "TEACHER", { pupilIds: [mentee.id, mentor.id] });
    const input = { concernId: id, studentAId: mentee.id, studentBId: spareMentee.id, reason: "Matrix" };
    await expectRuleWithoutWrites(w, commands.keepApartFromConcern, w.readers.DSL, input, "Choose two pupils linked to this concern.");
    // The head leads a concern about a member of staff, but keeping pupils apart is the safeguarding leads' alone.
    const aboutStaff = await concernBy(w, "COORDINATOR", {
      route: "HEAD",
      aboutStaffId: w.a.staff.teacher.id,
      pupilIds: [mentee.id, mentor.id],
    });
    await expectRefusedWithoutWrites(
      commands.keepApartFromConcern,
      w.readers.HEAD,
      { ...input, concernId: aboutStaff.id, studentBId: mentor.id },
      w.schoolIds,
      FORBIDDEN_MESSAGE,
    );
  });

  it("opens a pupil's record only for a pupil linked to a safeguarding concern", async () => {
    const { mentee, otherMentor, spareMentee } = w.a.pupils;
    const safeguarding = await concernBy(w, "TEACHER", { pupilIds: [mentee.id] });
    const aboutStaff = await concernBy(w, "COORDINATOR", { route: "HEAD", aboutStaffId: w.a.staff.teacher.id, pupilIds: [otherMentor.id] });
    const dsl = w.readers.DSL;
    expect((await getPupilRecordForConcern(dsl, safeguarding.id, mentee.id)).pupil.id).toBe(mentee.id);
    await expectNotFound(() => getPupilRecordForConcern(dsl, safeguarding.id, spareMentee.id));
    await expectNotFound(() => getPupilRecordForConcern(dsl, aboutStaff.id, otherMentor.id));
    await expectNotFound(() => getPupilRecordForConcern(w.readers.HEAD, aboutStaff.id, otherMentor.id));
    await expectNotFound(() => getPupilRecordForConcern(w.readers.otherSchoolDSL, safeguarding.id, mentee.id));
  });

  it("shows coordinators a line only once a safeguarding lead shares it, and never one about staff", async () => {
    const pupil = await createStudent(db, { schoolId: w.a.school.id, yearGroup: 9, today: w.a.today });
    const { id } = await concernBy(w, "TEACHER", { pupilIds: [pupil.id] });
    const { COORDINATOR, DSL, HEAD } = w.readers;
    expect(await listSharedConcernLines(COORDINATOR, pupil.id)).toEqual([]);
    const { result } = await runCommand(commands.shareConcernNote, DSL, { concernId: id, note: "Matrix: a shared line" }, w.schoolIds);
    expect(result.ok, result.message).toBe(true);
    for (const reader of [COORDINATOR, DSL])
      expect((await listSharedConcernLines(reader, pupil.id)).map((l) => [l.id, l.note])).toEqual([[id, "Matrix: a shared line"]]);
    await expectNotFound(() => listSharedConcernLines(HEAD, pupil.id));
    const aboutStaff = await concernBy(w, "COORDINATOR", { route: "HEAD", aboutStaffId: w.a.staff.teacher.id, pupilIds: [pupil.id] });
    await expectRuleWithoutWrites(
      w,
      commands.shareConcernNote,
      HEAD,
      { concernId: aboutStaff.id, note: "Matrix" },
      "A concern about a member of staff is never shared with coordinators.",
    );
  });

  it("audits a lead's search with its words", async () => {
    const pupil = await createStudent(db, { schoolId: w.a.school.id, yearGroup: 9, today: w.a.today, lastName: `Searchable${Date.now()}` });
    const { id } = await concernBy(w, "TEACHER", { pupilIds: [pupil.id] });
    const startedAt = new Date();
    const list = await listConcernsForLead(w.readers.DSL, { q: pupil.legalLastName });
    expect(list.open.map((c) => c.id)).toEqual([id]);
    const audits = await db.auditLog.findMany({ where: { actorUserId: w.readers.DSL.userId, at: { gte: startedAt } } });
    expect(audits.map((a) => [a.action, a.changes])).toEqual([["concern.searched", { term: pupil.legalLastName }]]);
  });
});
