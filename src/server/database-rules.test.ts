// What the database itself enforces (ADR 003), whatever the app does: the app connects as a role that
// owns nothing and may only read and add to the append-only tables (the point ledger, the audit log,
// the security events); triggers refuse changes to those tables even for their owner; nothing a school
// owns is ever hard-deleted; and the one way to rewrite append-only rows is an owner-defined function.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "./db";
import { writeAudit } from "./audit";
import { buildSchool, type TestSchool } from "@/test-support/school";
import { createConcernRow } from "./factories";

const APPEND_ONLY = /append-only/;
const NO_RIGHT = /permission denied/;
const NOT_OWNER = /must be owner/;

async function connectAs(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

describe("the database's rules", () => {
  let s: TestSchool;
  let auditId: string;
  let owner: pg.Client;
  let app: pg.Client;
  beforeAll(async () => {
    s = await buildSchool({ withCalendar: false });
    await db.$transaction((tx) =>
      writeAudit(
        tx,
        { userId: s.staff.admin.id, schoolId: s.school.id },
        { action: "test.append_only", recordType: "School", recordId: s.school.id },
      ),
    );
    auditId = (await db.auditLog.findFirstOrThrow({ where: { schoolId: s.school.id, action: "test.append_only" } })).id;
    owner = await connectAs(inject("ownerDatabaseUrl"));
    app = await connectAs(inject("databaseUrl"));
  });
  afterAll(async () => {
    await owner.end();
    await app.end();
  });

  describe("the app's role", () => {
    it("is not the owner of anything, nor a superuser, and cannot create tables", async () => {
      const { rows } = await app.query<{ rolsuper: boolean; rolbypassrls: boolean; owned: number; create: boolean }>(
        `SELECT r.rolsuper, r.rolbypassrls,
                (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid)
                + (SELECT count(*)::int FROM pg_proc p WHERE p.proowner = r.oid)
                + (SELECT count(*)::int FROM pg_namespace n WHERE n.nspowner = r.oid) AS owned,
                has_schema_privilege(r.oid, 'public', 'CREATE') AS create
         FROM pg_roles r WHERE r.rolname = current_user`,
      );
      expect(rows).toEqual([{ rolsuper: false, rolbypassrls: false, owned: 0, create: false }]);
      await expect(app.query(`CREATE TABLE "Sneaky" (id int)`)).rejects.toThrow(NO_RIGHT);
      await expect(app.query(`SELECT count(*) FROM "_prisma_migrations"`)).rejects.toThrow(NO_RIGHT);
    });

    it("may not change or remove a point entry, by any route", async () => {
      await expect(db.pointEntry.updateMany({ where: { id: s.pointEntry.id }, data: { amount: 10 } })).rejects.toThrow(NO_RIGHT);
      await expect(db.pointEntry.deleteMany({ where: { schoolId: s.school.id } })).rejects.toThrow(NO_RIGHT);
      await expect(db.$executeRaw`UPDATE "PointEntry" SET "amount" = 10 WHERE "id" = ${s.pointEntry.id}`).rejects.toThrow(NO_RIGHT);
      await expect(db.$executeRaw`DELETE FROM "PointEntry" WHERE "id" = ${s.pointEntry.id}`).rejects.toThrow(NO_RIGHT);
      await expect(app.query(`TRUNCATE "PointEntry"`)).rejects.toThrow(NO_RIGHT);
    });

    it("may not change or remove an audit entry or a security event", async () => {
      await expect(db.auditLog.updateMany({ where: { id: auditId }, data: { action: "rewritten" } })).rejects.toThrow(NO_RIGHT);
      await expect(db.auditLog.deleteMany({ where: { id: auditId } })).rejects.toThrow(NO_RIGHT);
      await expect(app.query(`TRUNCATE "AuditLog" CASCADE`)).rejects.toThrow(NO_RIGHT);
      await expect(app.query(`UPDATE "SecurityEvent" SET "kind" = 'x'`)).rejects.toThrow(NO_RIGHT);
      await expect(app.query(`DELETE FROM "SecurityEvent"`)).rejects.toThrow(NO_RIGHT);
      await expect(app.query(`TRUNCATE "SecurityEvent"`)).rejects.toThrow(NO_RIGHT);
    });

    it("may not change or remove a volunteer's safeguarding check, by any route, nor remove a staff member's place", async () => {
      const check = await db.volunteerCheck.create({
        data: {
          schoolId: s.school.id,
          studentId: s.pupils.mentor.id,
          kind: "ENHANCED_DBS",
          checkedOn: new Date("2026-09-01T00:00:00Z"),
          reference: "001234567890",
          recordedById: s.staff.admin.id,
        },
      });
      await expect(db.volunteerCheck.updateMany({ where: { id: check.id }, data: { reference: "x" } })).rejects.toThrow(NO_RIGHT);
      await expect(db.volunteerCheck.deleteMany({ where: { id: check.id } })).rejects.toThrow(NO_RIGHT);
      await expect(owner.query(`UPDATE "VolunteerCheck" SET "reference" = 'x' WHERE "id" = $1`, [check.id])).rejects.toThrow(APPEND_ONLY);
      await expect(db.membership.deleteMany({ where: { schoolId: s.school.id } })).rejects.toThrow(NO_RIGHT);
    });

    it("may not change or remove a concern's chronology entry, by any route: a correction is a new entry", async () => {
      const concern = await createConcernRow(db, {
        schoolId: s.school.id,
        reporterId: s.staff.teacher.id,
        pupilIds: [s.pupils.mentee.id],
        what: "Seen crying at break",
      });
      const entryId = (await db.concernEntry.findFirstOrThrow({ where: { schoolId: s.school.id, concernId: concern.id } })).id;
      await expect(db.concernEntry.updateMany({ where: { id: entryId }, data: { text: "rewritten" } })).rejects.toThrow(NO_RIGHT);
      await expect(db.concernEntry.deleteMany({ where: { id: entryId } })).rejects.toThrow(NO_RIGHT);
      await expect(app.query(`UPDATE "ConcernEntry" SET "text" = 'x' WHERE "id" = $1`, [entryId])).rejects.toThrow(NO_RIGHT);
      await expect(app.query(`DELETE FROM "ConcernEntry" WHERE "id" = $1`, [entryId])).rejects.toThrow(NO_RIGHT);
      await expect(app.query(`TRUNCATE "ConcernEntry" CASCADE`)).rejects.toThrow(NO_RIGHT);
      // The owner is refused by the trigger.
      await expect(owner.query(`UPDATE "ConcernEntry" SET "text" = 'x' WHERE "id" = $1`, [entryId])).rejects.toThrow(APPEND_ONLY);
      await expect(owner.query(`DELETE FROM "ConcernEntry" WHERE "id" = $1`, [entryId])).rejects.toThrow(APPEND_ONLY);
      const correction = await db.concernEntry.create({
        data: {
          schoolId: s.school.id,
          concernId: concern.id,
          kind: "CORRECTION",
          authorId: s.staff.dsl.id,
          correctsId: entryId,
          text: "It was at lunch, not break.",
        },
      });
      expect(correction.correctsId).toBe(entryId);
      expect((await db.concernEntry.findFirstOrThrow({ where: { id: entryId } })).text).toBe("Seen crying at break");
    });

    it("cannot switch the triggers off: no replica mode, no dropping or disabling them, no new triggers", async () => {
      await expect(app.query(`SET session_replication_role = replica`)).rejects.toThrow(NO_RIGHT);
      await expect(app.query(`DROP TRIGGER "PointEntry_append_only" ON "PointEntry"`)).rejects.toThrow(NOT_OWNER);
      await expect(app.query(`ALTER TABLE "AuditLog" DISABLE TRIGGER USER`)).rejects.toThrow(NOT_OWNER);
      await expect(
        app.query(`CREATE TRIGGER "x" BEFORE INSERT ON "PointEntry" FOR EACH ROW EXECUTE FUNCTION peerpath_refuse_change()`),
      ).rejects.toThrow(NO_RIGHT);
      await expect(app.query(`DROP FUNCTION peerpath_refuse_change() CASCADE`)).rejects.toThrow(NOT_OWNER);
    });

    it("cannot move append-only rows by rewriting a key they point at: no key update cascades", async () => {
      const t = await buildSchool({ withCalendar: false });
      await app.query("BEGIN");
      try {
        // Even with the erasure function's setting, which lets the trigger pass text changes.
        await app.query(`SELECT set_config('peerpath.rewriting_append_only', 'anonymise', true)`);
        await app.query("SAVEPOINT attempt");
        await expect(
          app.query(`UPDATE "Student" SET "id" = $1 WHERE "schoolId" = $2 AND "id" = $3`, ["moved", t.school.id, t.pointEntry.studentId]),
        ).rejects.toMatchObject({ code: "23503" });
        await app.query("ROLLBACK TO SAVEPOINT attempt");
        await expect(app.query(`UPDATE "School" SET "id" = $1 WHERE "id" = $2`, ["moved-school", t.school.id])).rejects.toMatchObject({
          code: "23503",
        });
      } finally {
        await app.query("ROLLBACK");
      }
      const { rows } = await owner.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace AND confupdtype <> 'r'`,
      );
      expect(rows[0]!.n).toBe(0);
      expect((await db.pointEntry.findFirstOrThrow({ where: { schoolId: t.school.id, id: t.pointEntry.id } })).studentId).toBe(
        t.pointEntry.studentId,
      );
    });

    it("never hard-deletes a school, a pupil, a programme or a user", async () => {
      await expect(db.school.deleteMany({ where: { id: s.school.id } })).rejects.toThrow(NO_RIGHT);
      await expect(db.student.deleteMany({ where: { id: s.pupils.spareMentee.id } })).rejects.toThrow(NO_RIGHT);
      await expect(db.programme.deleteMany({ where: { id: s.programme.id } })).rejects.toThrow(NO_RIGHT);
      await expect(db.user.deleteMany({ where: { id: s.staff.teacher.id } })).rejects.toThrow(NO_RIGHT);
    });

    it("still reads and adds: a correction is a new, reversing entry", async () => {
      const entry = await db.pointEntry.findFirstOrThrow({ where: { id: s.pointEntry.id } });
      expect(entry.amount).toBe(3);
      expect(entry.reason).toBe("Helped a friend");
      const reversal = await db.pointEntry.create({
        data: {
          schoolId: s.school.id,
          programmeId: s.programme.id,
          studentId: entry.studentId,
          amount: -3,
          categoryId: entry.categoryId,
          reason: "Correction",
          awardedById: s.staff.coordinator.id,
          reversesId: entry.id,
        },
      });
      expect(reversal.reversesId).toBe(entry.id);
    });
  });

  describe("the owner", () => {
    it("is refused too by the triggers: no update, delete or truncate of append-only rows", async () => {
      await expect(owner.query(`UPDATE "PointEntry" SET "amount" = 10 WHERE "id" = $1`, [s.pointEntry.id])).rejects.toThrow(APPEND_ONLY);
      await expect(owner.query(`DELETE FROM "PointEntry" WHERE "id" = $1`, [s.pointEntry.id])).rejects.toThrow(APPEND_ONLY);
      await expect(owner.query(`UPDATE "AuditLog" SET "changes" = '{}' WHERE "id" = $1`, [auditId])).rejects.toThrow(APPEND_ONLY);
      await expect(owner.query(`DELETE FROM "AuditLog" WHERE "id" = $1`, [auditId])).rejects.toThrow(APPEND_ONLY);
      // TRUNCATE in a transaction that is rolled back, so a failure of this test could not empty the tables.
      for (const table of ["PointEntry", "AuditLog", "SecurityEvent"]) {
        await owner.query("BEGIN");
        await expect(owner.query(`TRUNCATE "${table}" CASCADE`)).rejects.toThrow(APPEND_ONLY);
        await owner.query("ROLLBACK");
      }
      expect((await db.auditLog.findFirstOrThrow({ where: { id: auditId } })).action).toBe("test.append_only");
    });

    it("cannot delete a pupil, programme or school with history: every reference is RESTRICT, nothing cascades", async () => {
      await owner.query("BEGIN");
      try {
        for (const [table, id] of [
          ["Student", s.pointEntry.studentId],
          ["Programme", s.programme.id],
          ["School", s.school.id],
        ] as const) {
          await owner.query("SAVEPOINT attempt");
          await expect(owner.query(`DELETE FROM "${table}" WHERE "id" = $1`, [id])).rejects.toMatchObject({ code: "23503" });
          await owner.query("ROLLBACK TO SAVEPOINT attempt");
        }
      } finally {
        await owner.query("ROLLBACK");
      }
      const { rows } = await owner.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace AND confdeltype <> 'r'`,
      );
      expect(rows[0]!.n).toBe(0);
    });
  });

  describe("anonymising a pupil's free text (the one way to rewrite append-only rows)", () => {
    it("replaces the pupil's point reasons and audit details, keeps the rest, and audits itself", async () => {
      const t = await buildSchool({ withCalendar: false });
      const studentId = t.pointEntry.studentId;
      await db.$transaction((tx) =>
        writeAudit(
          tx,
          { userId: t.staff.coordinator.id, schoolId: t.school.id },
          { action: "student.profile_updated", recordType: "Student", recordId: studentId, changes: { aboutMe: "I live at 4 Elm Road" } },
        ),
      );
      // An entry about something else that names the pupil: a keep-apart pair, with its reason.
      await db.$transaction((tx) =>
        tx.auditLog.create({
          data: {
            schoolId: t.school.id,
            actorUserId: t.staff.dsl.id,
            action: "keep_apart.added",
            recordType: "KeepApart",
            recordId: "ka-1",
            changes: { studentAId: studentId, studentBId: "someone-else", note: "Fell out at the bus stop" },
          },
        }),
      );
      const otherEntry = await db.pointEntry.findFirstOrThrow({ where: { schoolId: s.school.id, id: s.pointEntry.id } });
      // Words about the pupil on their board profile (ADR 024): a nickname, why staff hid them.
      await db.pupilBoardProfile.create({
        data: {
          schoolId: t.school.id,
          studentId,
          nickname: "Sunny Elm",
          nicknameStatus: "APPROVED",
          hiddenAt: new Date(),
          hiddenReason: "Family at 4 Elm Road",
        },
      });

      const [first] = await db.$queryRaw<{ changed: number }[]>`
        SELECT peerpath_anonymise_pupil_free_text(${t.school.id}, ${studentId}, ${t.staff.admin.id}) AS changed`;
      expect(first!.changed).toBe(3);

      const entry = await db.pointEntry.findFirstOrThrow({ where: { schoolId: t.school.id, id: t.pointEntry.id } });
      expect(entry).toMatchObject({ reason: "[removed]", amount: t.pointEntry.amount, studentId });
      const about = await db.auditLog.findFirstOrThrow({ where: { schoolId: t.school.id, action: "student.profile_updated" } });
      expect(about.changes).toEqual({ anonymised: true });
      expect(about.actorUserId).toBe(t.staff.coordinator.id);
      const own = await db.auditLog.findFirstOrThrow({ where: { schoolId: t.school.id, action: "student.anonymised" } });
      expect(own).toMatchObject({ actorUserId: t.staff.admin.id, recordType: "Student", recordId: studentId });
      expect(own.changes).toEqual({ pointEntries: 1, auditEntries: 2 });
      const keepApart = await db.auditLog.findFirstOrThrow({ where: { schoolId: t.school.id, action: "keep_apart.added" } });
      expect(keepApart).toMatchObject({ changes: { anonymised: true }, recordId: "ka-1", actorUserId: t.staff.dsl.id });
      expect(await db.pupilBoardProfile.findFirstOrThrow({ where: { schoolId: t.school.id, studentId } })).toMatchObject({
        nickname: null,
        nicknameStatus: null,
        hiddenReason: "",
      });
      // Another school's rows are untouched.
      expect((await db.pointEntry.findFirstOrThrow({ where: { schoolId: s.school.id, id: s.pointEntry.id } })).reason).toBe(
        otherEntry.reason,
      );
      // Twice changes nothing more.
      const [again] = await db.$queryRaw<{ changed: number }[]>`
        SELECT peerpath_anonymise_pupil_free_text(${t.school.id}, ${studentId}, ${t.staff.admin.id}) AS changed`;
      expect(again!.changed).toBe(0);
    });

    it("checks its arguments: an admin of the pupil's own school, a pupil of that school", async () => {
      const t = await buildSchool({ withCalendar: false });
      const studentId = t.pointEntry.studentId;
      const call = (schoolId: string, pupil: string, actor: string) =>
        app.query(`SELECT peerpath_anonymise_pupil_free_text($1, $2, $3)`, [schoolId, pupil, actor]);
      await expect(call(t.school.id, studentId, t.staff.coordinator.id)).rejects.toThrow(/Only an admin of this school/);
      await expect(call(t.school.id, studentId, s.staff.admin.id)).rejects.toThrow(/Only an admin of this school/);
      await expect(call(s.school.id, studentId, s.staff.admin.id)).rejects.toThrow(/No such pupil in this school/);
      expect((await db.pointEntry.findFirstOrThrow({ where: { schoolId: t.school.id, id: t.pointEntry.id } })).reason).toBe(
        t.pointEntry.reason,
      );
    });

    it("lends the app no way around the rules: its setting alone changes nothing", async () => {
      await app.query("BEGIN");
      try {
        await app.query(`SELECT set_config('peerpath.rewriting_append_only', 'anonymise', true)`);
        await expect(app.query(`UPDATE "PointEntry" SET "reason" = 'x' WHERE "id" = $1`, [s.pointEntry.id])).rejects.toThrow(NO_RIGHT);
      } finally {
        await app.query("ROLLBACK");
      }
      await owner.query("BEGIN");
      try {
        await owner.query(`SELECT set_config('peerpath.rewriting_append_only', 'anonymise', true)`);
        await expect(owner.query(`DELETE FROM "PointEntry" WHERE "id" = $1`, [s.pointEntry.id])).rejects.toThrow(APPEND_ONLY);
        await owner.query("ROLLBACK");
        await owner.query("BEGIN");
        await owner.query(`SELECT set_config('peerpath.rewriting_append_only', 'anonymise', true)`);
        // The setting lets free text change, and nothing else: not an amount, a key or a date.
        for (const change of [
          `"amount" = 10`,
          `"awardedById" = "awardedById" || 'x'`,
          `"createdAt" = now()`,
          `"reason" = 'x', "amount" = 1`,
        ]) {
          await owner.query("SAVEPOINT attempt");
          await expect(owner.query(`UPDATE "PointEntry" SET ${change} WHERE "id" = $1`, [s.pointEntry.id])).rejects.toThrow(
            /append-only|foreign key/,
          );
          await owner.query("ROLLBACK TO SAVEPOINT attempt");
        }
      } finally {
        await owner.query("ROLLBACK");
      }
    });
  });
});
