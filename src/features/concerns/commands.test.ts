// Concerns (issue 9): raising in one step, routing, drafts, the lead's chronology, the shared line,
// keep-apart from a concern, and escalation with the clock moved.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import type { Actor } from "@/server/actor";
import { createCheckInResponse, createConcernRow, createSessionRow, createStaffUser } from "@/server/factories";
import { addDaysIso } from "@/lib/dates";
import { actorFor } from "@/test-support/actors";
import { expectNotFound } from "@/test-support/expectations";
import { buildSchool, uniqueEmail, type TestSchool } from "@/test-support/school";
import { SET_BY_SAFEGUARDING_LEAD } from "./commands";
import { receiptOf } from "./receipt";
import {
  addConcernPupil,
  addToMyConcern,
  changeConcernCategory,
  changeConcernStatus,
  correctConcernEntry,
  keepApartFromConcern,
  pauseFromConcern,
  raiseConcern,
  recordConcernAction,
  removeConcernPupil,
  resumeFromConcern,
  routeConcernToStaff,
  saveConcernDraft,
  shareConcernNote,
} from "./commands";
import {
  getConcernForReader,
  getPupilRecordForConcern,
  getRaiseConcernForm,
  listConcernsForLead,
  listMyConcernReceipts,
  listSharedConcernLines,
} from "./queries";
import { escalateUrgentConcerns } from "./escalation";
import { changePairingStatus, pausePairing } from "@/features/pairings/commands";
import { removeKeepApart } from "@/features/keep-apart/commands";
import { getPupilConcernFile } from "@/features/concern-export/queries";

const SECRET = "SECRET-CONCERN-WORDS";

describe("concerns", () => {
  let s: TestSchool;
  let head: { id: string };
  let chair: { id: string };
  let dsl2: { id: string };
  let as: Record<"mentee" | "mentor" | "teacher" | "dsl" | "dsl2" | "head" | "chair" | "coordinator", Actor>;

  beforeAll(async () => {
    s = await buildSchool();
    [head, chair, dsl2] = await Promise.all([
      createStaffUser(db, { schoolId: s.school.id, roles: ["HEAD"], email: uniqueEmail("head"), name: "Head Person" }),
      createStaffUser(db, { schoolId: s.school.id, roles: ["CHAIR_OF_GOVERNORS"], email: uniqueEmail("chair"), name: "Chair Person" }),
      createStaffUser(db, { schoolId: s.school.id, roles: ["DSL"], email: uniqueEmail("deputy"), name: "Deputy Person" }),
    ]);
    as = {
      mentee: await actorFor(s.pupils.mentee.userId!),
      mentor: await actorFor(s.pupils.mentor.userId!),
      teacher: await actorFor(s.staff.teacher),
      dsl: await actorFor(s.staff.dsl),
      dsl2: await actorFor(dsl2),
      head: await actorFor(head),
      chair: await actorFor(chair),
      coordinator: await actorFor(s.staff.coordinator),
    };
  });

  const pupilRaise = (extra: Record<string, unknown> = {}) => ({
    what: `Someone keeps taking my lunch. ${SECRET}`,
    category: "BULLYING",
    inDanger: "no",
    idempotencyKey: randomUUID(),
    ...extra,
  });

  describe("raising", () => {
    it("a mentee raises one in one step: it reaches every safeguarding lead, without its words", async () => {
      await saveConcernDraft.run(as.mentee, { what: "half written" });
      const result = await raiseConcern.run(as.mentee, pupilRaise({ pupilIds: [s.pupils.mentor.id], names: "a boy in Year 9" }));
      expect(result).toMatchObject({
        ok: true,
        message: expect.stringMatching(/^Received on [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ — a member of staff will follow it up\.$/),
      });
      const concern = await db.concern.findFirstOrThrow({ where: { id: result.recordId! }, include: { pupils: true, entries: true } });
      expect(concern).toMatchObject({
        route: "SAFEGUARDING",
        category: "BULLYING",
        isUrgent: false,
        status: "OPEN",
        reporterId: as.mentee.userId,
      });
      expect(concern.pupils.map((p) => p.studentId)).toEqual([s.pupils.mentor.id]);
      expect(concern.entries).toMatchObject([
        { kind: "REPORT", text: expect.stringContaining(SECRET), details: expect.objectContaining({ namedInWords: "a boy in Year 9" }) },
      ]);
      const notes = await db.notification.findMany({
        where: { schoolId: s.school.id, kind: "concern.raised", link: `/safeguarding/concerns/${concern.id}` },
      });
      expect(notes.map((n) => n.userId).sort()).toEqual([s.staff.dsl.id, dsl2.id].sort());
      for (const n of notes) expect(n.message).not.toContain("lunch");
      // The draft went with it.
      expect(await db.concernDraft.count({ where: { schoolId: s.school.id, userId: as.mentee.userId } })).toBe(0);
      const audit = await db.auditLog.findFirstOrThrow({
        where: { schoolId: s.school.id, recordId: concern.id, action: "concern.raised" },
      });
      expect(JSON.stringify(audit.changes)).not.toContain(SECRET);
    });

    it("a double submit, even at the same moment, makes one concern", async () => {
      const input = pupilRaise({ what: "Twice sent" });
      const results = await Promise.all([
        raiseConcern.run(as.mentee, input),
        raiseConcern.run(as.mentee, input),
        raiseConcern.run(as.mentee, input),
      ]);
      expect(results.every((r) => r.ok)).toBe(true);
      const rows = await db.concernEntry.count({ where: { schoolId: s.school.id, kind: "REPORT", text: "Twice sent" } });
      expect(rows).toBe(1);
    });

    it("a pupil names only pupils of their own pairing, never the roll, and never a member of staff", async () => {
      const form = await getRaiseConcernForm(as.mentee);
      expect(form.pupils.map((p) => p.id)).toEqual([s.pupils.mentor.id]);
      expect(form.staff).toEqual([]);
      const other = await raiseConcern.run(as.mentee, pupilRaise({ pupilIds: [s.pupils.otherMentee.id] }));
      expect(other).toMatchObject({ ok: false, fieldErrors: { pupilIds: [expect.any(String)] } });
      const staff = await raiseConcern.run(as.mentee, pupilRaise({ aboutStaffId: s.staff.teacher.id }));
      expect(staff).toMatchObject({ ok: false, fieldErrors: { aboutStaffId: ["That is not a valid choice."] } });
    });

    it("says what to fix in plain words and keeps what was typed", async () => {
      const result = await raiseConcern.run(as.mentee, { what: "", category: "", inDanger: "", idempotencyKey: randomUUID() });
      expect(result).toMatchObject({
        ok: false,
        fieldErrors: {
          what: ["Write what happened, in your own words."],
          category: ["Choose what it is about."],
          inDanger: ["Choose yes or no."],
        },
      });
    });

    it("keeps a draft on the server against the writer's account", async () => {
      expect(await saveConcernDraft.run(as.mentor, { what: "I am still writing", when: "Tuesday" })).toMatchObject({ ok: true });
      const form = await getRaiseConcernForm(as.mentor);
      expect(form.draft).toMatchObject({ what: "I am still writing", when: "Tuesday" });
      expect((await getRaiseConcernForm(as.mentee)).draft?.what ?? "").not.toBe("I am still writing");
    });

    it("about a member of staff goes to the head; about the head to the chair; the person named never reads it", async () => {
      const aboutTeacher = await raiseConcern.run(as.coordinator, { ...pupilRaise(), aboutStaffId: s.staff.teacher.id });
      const aboutHead = await raiseConcern.run(as.coordinator, { ...pupilRaise(), aboutStaffId: head.id });
      const teacherConcern = await db.concern.findFirstOrThrow({ where: { id: aboutTeacher.recordId! } });
      const headConcern = await db.concern.findFirstOrThrow({ where: { id: aboutHead.recordId! } });
      expect(teacherConcern.route).toBe("HEAD");
      expect(headConcern.route).toBe("CHAIR");
      expect(await getConcernForReader(as.head, teacherConcern.id)).toMatchObject({ id: teacherConcern.id, isLead: true });
      await expectNotFound(() => getConcernForReader(as.head, headConcern.id));
      await expectNotFound(() => getConcernForReader(as.dsl, teacherConcern.id));
      expect(await getConcernForReader(as.chair, headConcern.id)).toMatchObject({ id: headConcern.id, isLead: true });
      const told = await db.notification.findMany({ where: { schoolId: s.school.id, link: `/safeguarding/concerns/${headConcern.id}` } });
      expect(told.map((n) => n.userId)).toEqual([chair.id]);
    });
  });

  describe("the receipt", () => {
    it("reads in the date style of the reporter's pages", async () => {
      const createdAt = new Date("2026-11-29T10:00:00Z");
      const now = new Date("2026-11-30T10:00:00Z");
      expect(receiptOf(createdAt, { timezone: "Europe/London", studentId: "pupil" }, now)).toBe(
        "Received on Sunday 29 November — a member of staff will follow it up.",
      );
      expect(receiptOf(createdAt, { timezone: "Europe/London", studentId: null }, now)).toBe(
        "Received on 29 Nov 2026 — a member of staff will follow it up.",
      );
    });
  });

  describe("the reporter", () => {
    it("reads only the receipt and their own words, and adds more", async () => {
      const raised = await raiseConcern.run(as.mentor, pupilRaise({ what: "Mentor's own words" }));
      await recordConcernAction.run(as.dsl, {
        concernId: raised.recordId,
        action: "SPOKE_TO_PUPIL",
        reason: "LEAD-ONLY-WORDS",
        idempotencyKey: randomUUID(),
      });
      expect(
        await addToMyConcern.run(as.mentor, { concernId: raised.recordId, text: "It happened again", idempotencyKey: randomUUID() }),
      ).toMatchObject({ ok: true });
      const receipts = await listMyConcernReceipts(as.mentor);
      const mine = receipts.find((r) => r.id === raised.recordId)!;
      expect(mine.receipt).toMatch(/^Received on [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ — a member of staff will follow it up\.$/);
      expect(mine.own.map((e) => e.text)).toEqual(["Mentor's own words", "It happened again"]);
      expect(JSON.stringify(receipts)).not.toContain("LEAD-ONLY-WORDS");
      // Someone else's concern is not theirs to add to.
      expect(
        await addToMyConcern.run(as.mentee, { concernId: raised.recordId, text: "Not mine", idempotencyKey: randomUUID() }),
      ).toMatchObject({ ok: false });
    });
  });

  describe("the lead's record", () => {
    it("appends actions, status, category and corrections; the first open is recorded and audited", async () => {
      const concern = await createConcernRow(db, { schoolId: s.school.id, reporterId: s.staff.teacher.id, pupilIds: [s.pupils.mentee.id] });
      const id = concern.id;
      const read = await getConcernForReader(as.dsl, id);
      expect(read.isLead).toBe(true);
      expect((await db.concern.findFirstOrThrow({ where: { id } })).firstOpenedAt).not.toBeNull();
      expect(
        await recordConcernAction.run(as.dsl, {
          concernId: id,
          action: "SPOKE_TO_PUPIL",
          reason: "Spoke to Maya at break.",
          idempotencyKey: randomUUID(),
        }),
      ).toMatchObject({ ok: true });
      expect(
        await recordConcernAction.run(as.dsl2, {
          concernId: id,
          action: "CONTACTED_PARENT",
          happenedOn: s.today,
          reason: "Phoned her mother.",
          idempotencyKey: randomUUID(),
        }),
      ).toMatchObject({ ok: true });
      expect(await changeConcernStatus.run(as.dsl, { concernId: id, status: "IN_PROGRESS", reason: "Looking into it." })).toMatchObject({
        ok: true,
      });
      expect(await changeConcernStatus.run(as.dsl, { concernId: id, status: "IN_PROGRESS", reason: "Again" })).toMatchObject({
        ok: false,
        fieldErrors: { status: ["Choose another status."] },
      });
      expect(await changeConcernCategory.run(as.dsl, { concernId: id, category: "HOME", reason: "It is about home." })).toMatchObject({
        ok: true,
      });
      const first = await db.concernEntry.findFirstOrThrow({ where: { concernId: id, kind: "ACTION" }, orderBy: { at: "asc" } });
      expect(
        await correctConcernEntry.run(as.dsl, {
          concernId: id,
          entryId: first.id,
          text: "It was at lunch, not break.",
          idempotencyKey: randomUUID(),
        }),
      ).toMatchObject({ ok: true });
      expect(await changeConcernStatus.run(as.dsl, { concernId: id, status: "CLOSED", reason: "Resolved with the family." })).toMatchObject(
        { ok: true },
      );
      const again = await getConcernForReader(as.dsl, id);
      expect(again.entries.map((e) => e.kind)).toEqual(["REPORT", "ACTION", "ACTION", "STATUS", "CATEGORY", "CORRECTION", "STATUS"]);
      expect(again.entries.find((e) => e.kind === "CORRECTION")?.correctsId).toBe(first.id);
      expect(again).toMatchObject({ status: "CLOSED", category: "HOME" });
      expect(again.views.map((v) => v.who)).toContain("Dsl Person");
      const viewed = await db.auditLog.count({ where: { schoolId: s.school.id, action: "concern.viewed", recordId: id } });
      expect(viewed).toBe(2);
      // Nobody else leads it: a teacher or the head (not escalated) is told it is not found.
      expect(
        await recordConcernAction.run(as.head, { concernId: id, action: "CONSULTED", reason: "x y z", idempotencyKey: randomUUID() }),
      ).toMatchObject({ ok: false });
    });

    it("links and removes pupils, in the chronology", async () => {
      const concern = await createConcernRow(db, { schoolId: s.school.id, reporterId: s.staff.teacher.id });
      expect(await addConcernPupil.run(as.dsl, { concernId: concern.id, studentId: s.pupils.otherMentee.id })).toMatchObject({ ok: true });
      expect(await addConcernPupil.run(as.dsl, { concernId: concern.id, studentId: s.pupils.otherMentee.id })).toMatchObject({ ok: false });
      expect(await removeConcernPupil.run(as.dsl, { concernId: concern.id, studentId: s.pupils.otherMentee.id })).toMatchObject({
        ok: true,
      });
      const read = await getConcernForReader(as.dsl, concern.id);
      expect(read.pupils).toEqual([]);
      expect(read.entries.filter((e) => e.kind === "PUPILS").map((e) => e.details)).toEqual([
        { added: [s.pupils.otherMentee.id], removed: [] },
        { added: [], removed: [s.pupils.otherMentee.id] },
      ]);
    });

    it("keeps two linked pupils apart: other staff read 'Set by the safeguarding lead', the lead the reason", async () => {
      const concern = await createConcernRow(db, {
        schoolId: s.school.id,
        reporterId: s.staff.teacher.id,
        pupilIds: [s.pupils.spareMentor.id, s.pupils.spareMentee.id],
      });
      const refused = await keepApartFromConcern.run(as.dsl, {
        concernId: concern.id,
        studentAId: s.pupils.spareMentor.id,
        studentBId: s.pupils.mentee.id,
        reason: "Not linked",
      });
      expect(refused).toMatchObject({ ok: false });
      const result = await keepApartFromConcern.run(as.dsl, {
        concernId: concern.id,
        studentAId: s.pupils.spareMentor.id,
        studentBId: s.pupils.spareMentee.id,
        reason: "REAL-REASON bullying at the bus stop",
      });
      expect(result).toMatchObject({ ok: true });
      const pair = await db.keepApart.findFirstOrThrow({
        where: {
          schoolId: s.school.id,
          studentAId: { in: [s.pupils.spareMentor.id, s.pupils.spareMentee.id] },
          studentBId: { in: [s.pupils.spareMentor.id, s.pupils.spareMentee.id] },
        },
      });
      expect(pair.reason).toBe(SET_BY_SAFEGUARDING_LEAD);
      const entry = await db.concernEntry.findFirstOrThrow({ where: { concernId: concern.id, kind: "KEEP_APART" } });
      expect(entry.text).toContain("REAL-REASON");
    });

    it("a coordinator learns of a pupil's open concern only from a line a lead shares", async () => {
      const concern = await createConcernRow(db, {
        schoolId: s.school.id,
        reporterId: s.staff.teacher.id,
        pupilIds: [s.pupils.otherMentor.id],
      });
      expect(await listSharedConcernLines(as.coordinator, s.pupils.otherMentor.id)).toEqual([]);
      await expectNotFound(() => getConcernForReader(as.coordinator, concern.id));
      await expectNotFound(() => listConcernsForLead(as.coordinator));
      expect(await shareConcernNote.run(as.dsl, { concernId: concern.id, note: "Please check in with Kai weekly." })).toMatchObject({
        ok: true,
      });
      expect((await listSharedConcernLines(as.coordinator, s.pupils.otherMentor.id)).map((l) => l.note)).toEqual([
        "Please check in with Kai weekly.",
      ]);
      expect(await shareConcernNote.run(as.dsl, { concernId: concern.id, note: "" })).toMatchObject({ ok: true });
      expect(await listSharedConcernLines(as.coordinator, s.pupils.otherMentor.id)).toEqual([]);
    });

    it("lists open concerns urgent first, and audits a search with its words", async () => {
      const urgent = await createConcernRow(db, { schoolId: s.school.id, reporterId: s.staff.teacher.id, isUrgent: true });
      const list = await listConcernsForLead(as.dsl);
      expect(list.open[0]?.isUrgent).toBe(true);
      expect(list.open.map((c) => c.id)).toContain(urgent.id);
      await listConcernsForLead(as.dsl, { q: "Okoro" });
      expect(
        await db.auditLog.count({ where: { schoolId: s.school.id, action: "concern.searched", actorUserId: as.dsl.userId } }),
      ).toBeGreaterThan(0);
    });
  });

  describe("a pupil's mentoring record", () => {
    it("gives the lead every note, earlier versions and check-ins of a pupil in the concern (audited)", async () => {
      const session = await createSessionRow(db, {
        schoolId: s.school.id,
        pairingId: s.pairing.id,
        loggedById: s.staff.coordinator.id,
        heldOn: addDaysIso(s.today, -3),
        notes: "STAFF-ONLY-NOTE now",
        pupils: [{ studentId: s.pupils.mentee.id, mood: 2 }],
      });
      const activity = await db.schoolActivity.findFirstOrThrow({ where: { schoolId: s.school.id }, select: { id: true } });
      await db.sessionRevision.create({
        data: {
          schoolId: s.school.id,
          sessionId: session.id,
          version: 1,
          heldOn: session.heldOn,
          durationMinutes: 20,
          activityId: activity.id,
          notes: "EARLIER-NOTE before the edit",
          noteVisibility: "STAFF_ONLY",
          fitCheckNote: "",
          attendances: [],
          writtenById: s.staff.coordinator.id,
          writtenAt: new Date(),
        },
      });
      await createCheckInResponse(db, {
        schoolId: s.school.id,
        pairingId: s.pairing.id,
        studentId: s.pupils.mentee.id,
        role: "MENTEE",
        periodStart: addDaysIso(s.today, -7),
        value: 1,
        note: "CHECK-IN-SENTENCE",
      });
      const concern = await createConcernRow(db, { schoolId: s.school.id, reporterId: s.staff.teacher.id, pupilIds: [s.pupils.mentee.id] });
      const record = await getPupilRecordForConcern(as.dsl, concern.id, s.pupils.mentee.id);
      const text = JSON.stringify(record);
      for (const words of ["STAFF-ONLY-NOTE", "EARLIER-NOTE", "CHECK-IN-SENTENCE"]) expect(text).toContain(words);
      expect(
        await db.auditLog.count({ where: { schoolId: s.school.id, action: "concern.pupil_record_viewed", recordId: concern.id } }),
      ).toBe(1);
      await expectNotFound(() => getPupilRecordForConcern(as.dsl, concern.id, s.pupils.otherMentee.id));
    });
  });

  describe("about a member of staff, found out later", () => {
    it("a pupil's 'about an adult at school' goes to the head, not the safeguarding leads", async () => {
      const raised = await raiseConcern.run(
        as.mentee,
        pupilRaise({ aboutAdult: "yes", what: "A teacher shouted at me and grabbed my arm." }),
      );
      const concern = await db.concern.findFirstOrThrow({ where: { id: raised.recordId! } });
      expect(concern.route).toBe("HEAD");
      await expectNotFound(() => getConcernForReader(as.dsl, concern.id));
      expect(await getConcernForReader(as.head, concern.id)).toMatchObject({ isLead: true });
    });

    it("a lead sends a concern naming a member of staff to the head, and no longer reads it", async () => {
      const concern = await createConcernRow(db, { schoolId: s.school.id, reporterId: s.staff.coordinator.id });
      await shareConcernNote.run(as.dsl, { concernId: concern.id, note: "A line that must go" });
      const result = await routeConcernToStaff.run(as.dsl, {
        concernId: concern.id,
        aboutStaffId: s.staff.teacher.id,
        reason: "The pupil named their teacher.",
      });
      expect(result).toMatchObject({ ok: true });
      expect(await db.concern.findFirstOrThrow({ where: { id: concern.id } })).toMatchObject({
        route: "HEAD",
        aboutStaffId: s.staff.teacher.id,
        sharedNote: null,
      });
      await expectNotFound(() => getConcernForReader(as.dsl, concern.id));
      const read = await getConcernForReader(as.head, concern.id);
      expect(read.entries.map((e) => e.kind)).toEqual(["REPORT", "SHARED_NOTE", "ROUTE"]);
      const aboutHead = await createConcernRow(db, { schoolId: s.school.id, reporterId: s.staff.coordinator.id });
      await routeConcernToStaff.run(as.dsl, { concernId: aboutHead.id, aboutStaffId: head.id, reason: "About the head." });
      expect((await db.concern.findFirstOrThrow({ where: { id: aboutHead.id } })).route).toBe("CHAIR");
      await expectNotFound(() => getConcernForReader(as.head, aboutHead.id));
    });
  });

  describe("what only the lead may undo", () => {
    it("a coordinator cannot resume a pause, nor remove a keep-apart pair, set from a concern", async () => {
      const concern = await createConcernRow(db, {
        schoolId: s.school.id,
        reporterId: s.staff.teacher.id,
        pupilIds: [s.pupils.otherMentee.id, s.pupils.otherMentor.id],
      });
      expect(
        await pauseFromConcern.run(as.dsl, { concernId: concern.id, pairingId: s.otherPairing.id, reason: "While we look into it." }),
      ).toMatchObject({ ok: true });
      const going = await changePairingStatus.run(as.coordinator, { pairingId: s.otherPairing.id, status: "ACTIVE" });
      expect(going).toMatchObject({
        ok: false,
        message: "This pause came from a safeguarding concern, so only the safeguarding lead can end it.",
      });
      expect((await db.pairing.findFirstOrThrow({ where: { id: s.otherPairing.id } })).status).toBe("PAUSED");
      const resume = await db.pause.findFirstOrThrow({ where: { concernId: concern.id, endedAt: null } });
      // Unlinked pupils' pauses stay on the concern, to be ended there.
      await removeConcernPupil.run(as.dsl, { concernId: concern.id, studentId: s.pupils.otherMentee.id });
      expect((await getConcernForReader(as.dsl, concern.id)).pauses.map((p) => p.id)).toEqual([resume.id]);
      expect(await resumeFromConcern.run(as.dsl, { concernId: concern.id, pauseId: resume.id })).toMatchObject({ ok: true });
      expect((await db.pairing.findFirstOrThrow({ where: { id: s.otherPairing.id } })).status).toBe("ACTIVE");
      await addConcernPupil.run(as.dsl, { concernId: concern.id, studentId: s.pupils.spareMentee.id });
      await keepApartFromConcern.run(as.dsl, {
        concernId: concern.id,
        studentAId: s.pupils.otherMentor.id,
        studentBId: s.pupils.spareMentee.id,
        reason: "They must not meet.",
      });
      const pair = await db.keepApart.findFirstOrThrow({
        where: {
          schoolId: s.school.id,
          reason: SET_BY_SAFEGUARDING_LEAD,
          studentAId: { in: [s.pupils.otherMentor.id, s.pupils.spareMentee.id] },
        },
      });
      expect(await removeKeepApart.run(as.coordinator, { keepApartId: pair.id })).toMatchObject({
        ok: false,
        message: "This pair was set by the safeguarding lead, so only they can remove it.",
      });
    });
  });

  describe("a pause already there", () => {
    it("is taken over by a concern, so only the lead can end it", async () => {
      const other = await buildSchool();
      const dsl = await actorFor(other.staff.dsl);
      const coordinator = await actorFor(other.staff.coordinator);
      expect(await pausePairing.run(coordinator, { pairingId: other.pairing.id, reason: "Exams" })).toMatchObject({ ok: true });
      const concern = await createConcernRow(db, {
        schoolId: other.school.id,
        reporterId: other.staff.teacher.id,
        pupilIds: [other.pupils.mentee.id],
      });
      expect(await pauseFromConcern.run(dsl, { concernId: concern.id, pairingId: other.pairing.id, reason: "Safeguarding" })).toMatchObject(
        { ok: true },
      );
      const live = await db.pause.findMany({ where: { pairingId: other.pairing.id, endedAt: null } });
      expect(live).toMatchObject([{ source: "CONCERN", concernId: concern.id, resumeTo: "ACTIVE" }]);
      const coordinatorsOwn = await db.pause.findFirstOrThrow({ where: { pairingId: other.pairing.id, source: "COORDINATOR" } });
      expect(coordinatorsOwn.endedAt).not.toBeNull();
      expect(await changePairingStatus.run(coordinator, { pairingId: other.pairing.id, status: "ACTIVE" })).toMatchObject({ ok: false });
      expect(await pauseFromConcern.run(dsl, { concernId: concern.id, pairingId: other.pairing.id, reason: "Again" })).toMatchObject({
        ok: false,
        message: "That mentoring is already paused by a safeguarding lead.",
      });
    });
  });

  describe("who has viewed", () => {
    it("lists opens and the exports of a linked pupil's file on the concern", async () => {
      const concern = await createConcernRow(db, {
        schoolId: s.school.id,
        reporterId: s.staff.teacher.id,
        pupilIds: [s.pupils.spareMentee.id],
      });
      await getPupilConcernFile(as.dsl2, s.pupils.spareMentee.id);
      const read = await getConcernForReader(as.dsl, concern.id);
      expect(read.views.map((v) => [v.who, v.isExport])).toEqual([
        ["Dsl Person", false],
        ["Deputy Person", true],
      ]);
    });
  });

  describe("escalation", () => {
    it("an urgent concern nobody opened in time goes to the head, once; the head then reads it", async () => {
      const raised = await raiseConcern.run(as.mentee, pupilRaise({ inDanger: "yes", what: "Urgent one" }));
      const id = raised.recordId!;
      await expectNotFound(() => getConcernForReader(as.head, id));
      const created = (await db.concern.findFirstOrThrow({ where: { id } })).createdAt;
      await escalateUrgentConcerns(new Date(created.getTime() + 29 * 60_000));
      expect((await db.concern.findFirstOrThrow({ where: { id } })).escalatedAt).toBeNull();
      await escalateUrgentConcerns(new Date(created.getTime() + 31 * 60_000));
      await escalateUrgentConcerns(new Date(created.getTime() + 40 * 60_000));
      expect((await db.concern.findFirstOrThrow({ where: { id } })).escalatedAt).not.toBeNull();
      const told = await db.notification.findMany({
        where: { schoolId: s.school.id, kind: "concern.escalated", link: `/safeguarding/concerns/${id}` },
      });
      expect(told.map((n) => n.userId)).toEqual([head.id]);
      const read = await getConcernForReader(as.head, id);
      expect(read).toMatchObject({ id, isLead: false });
      expect(
        await db.auditLog.count({ where: { schoolId: s.school.id, action: "concern.viewed", recordId: id, actorUserId: head.id } }),
      ).toBe(1);
      expect(await changeConcernStatus.run(as.head, { concernId: id, status: "CLOSED", reason: "Head closes" })).toMatchObject({
        ok: false,
      });
    });

    it("waits for a head to be flagged when the school has none", async () => {
      const other = await buildSchool();
      const concern = await createConcernRow(db, { schoolId: other.school.id, reporterId: other.staff.teacher.id, isUrgent: true });
      await escalateUrgentConcerns(new Date(Date.now() + 60 * 60_000));
      expect((await db.concern.findFirstOrThrow({ where: { id: concern.id } })).escalatedAt).toBeNull();
    });

    it("is not needed once a lead has opened it, nor for a concern that is not urgent", async () => {
      const opened = await createConcernRow(db, { schoolId: s.school.id, reporterId: s.staff.teacher.id, isUrgent: true });
      const calm = await createConcernRow(db, { schoolId: s.school.id, reporterId: s.staff.teacher.id, isUrgent: false });
      await getConcernForReader(as.dsl2, opened.id);
      await escalateUrgentConcerns(new Date(Date.now() + 3 * 60 * 60_000));
      const rows = await db.concern.findMany({ where: { id: { in: [opened.id, calm.id] } }, select: { escalatedAt: true } });
      expect(rows.every((r) => r.escalatedAt === null)).toBe(true);
    });
  });
});
