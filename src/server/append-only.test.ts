// Points and the audit log are append-only: a correction is a new row, never an edit. A trigger
// in the database refuses UPDATE and DELETE, so no code path (or console session) can rewrite them.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "./db";
import { writeAudit } from "./audit";
import { buildSchool, type TestSchool } from "@/test-support/school";

const APPEND_ONLY = /append-only/;

describe("append-only tables", () => {
  let s: TestSchool;
  let auditId: string;
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
  });

  it("refuses to update a point entry", async () => {
    await expect(db.pointEntry.update({ where: { id: s.pointEntry.id }, data: { amount: 10 } })).rejects.toThrow(APPEND_ONLY);
    await expect(db.pointEntry.updateMany({ where: { schoolId: s.school.id }, data: { reason: "rewritten" } })).rejects.toThrow(
      APPEND_ONLY,
    );
    await expect(db.$executeRaw`UPDATE "PointEntry" SET "amount" = 10 WHERE "id" = ${s.pointEntry.id}`).rejects.toThrow(APPEND_ONLY);
  });

  it("refuses to delete a point entry", async () => {
    await expect(db.pointEntry.delete({ where: { id: s.pointEntry.id } })).rejects.toThrow(APPEND_ONLY);
    await expect(db.pointEntry.deleteMany({ where: { schoolId: s.school.id } })).rejects.toThrow(APPEND_ONLY);
    await expect(db.$executeRaw`DELETE FROM "PointEntry" WHERE "id" = ${s.pointEntry.id}`).rejects.toThrow(APPEND_ONLY);
  });

  it("refuses to update or delete an audit entry", async () => {
    await expect(db.auditLog.update({ where: { id: auditId }, data: { action: "rewritten" } })).rejects.toThrow(APPEND_ONLY);
    await expect(db.auditLog.delete({ where: { id: auditId } })).rejects.toThrow(APPEND_ONLY);
    await expect(db.$executeRaw`UPDATE "AuditLog" SET "changes" = '{}' WHERE "id" = ${auditId}`).rejects.toThrow(APPEND_ONLY);
    await expect(db.$executeRaw`DELETE FROM "AuditLog" WHERE "id" = ${auditId}`).rejects.toThrow(APPEND_ONLY);
  });

  it("leaves the rows exactly as they were, and still accepts new rows", async () => {
    const entry = await db.pointEntry.findUniqueOrThrow({ where: { id: s.pointEntry.id } });
    expect(entry.amount).toBe(3);
    expect(entry.reason).toBe("Helped a friend");
    expect((await db.auditLog.findUniqueOrThrow({ where: { id: auditId } })).action).toBe("test.append_only");
    const reversal = await db.pointEntry.create({
      data: {
        schoolId: s.school.id,
        programmeId: s.programme.id,
        studentId: entry.studentId,
        amount: -3,
        category: entry.category,
        reason: "Correction",
        awardedById: s.staff.coordinator.id,
        reversesId: entry.id,
      },
    });
    expect(reversal.reversesId).toBe(entry.id);
  });
});
