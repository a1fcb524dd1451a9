// ADR 003: every reference between school-owned rows is a composite foreign key (schoolId, id),
// so PostgreSQL itself refuses a row that points into another school, whatever the app does.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "./db";
import { buildSchool, type TestSchool } from "@/test-support/school";
import { toDbDate } from "@/lib/dates";

const FK_VIOLATION = { code: "P2003" };

describe("cross-school references are refused by the database", () => {
  let a: TestSchool;
  let b: TestSchool;
  beforeAll(async () => {
    [a, b] = await Promise.all([buildSchool({ withCalendar: false }), buildSchool({ withCalendar: false })]);
  });

  it("a pairing member from school B in school A's pairing", async () => {
    await expect(
      db.pairingMember.create({
        data: { schoolId: a.school.id, pairingId: a.pairing.id, studentId: b.pupils.spareMentee.id, role: "MENTEE" },
      }),
    ).rejects.toMatchObject(FK_VIOLATION);
    // Labelled as school B instead: now the pairing is in the wrong school.
    await expect(
      db.pairingMember.create({
        data: { schoolId: b.school.id, pairingId: a.pairing.id, studentId: b.pupils.spareMentee.id, role: "MENTEE" },
      }),
    ).rejects.toMatchObject(FK_VIOLATION);
  });

  it("while the same row within one school is accepted (the control)", async () => {
    const member = await db.pairingMember.create({
      data: { schoolId: a.school.id, pairingId: a.pairing.id, studentId: a.pupils.spareMentee.id, role: "MENTEE" },
    });
    expect(member.schoolId).toBe(a.school.id);
    await db.pairingMember.deleteMany({ where: { id: member.id } });
  });

  it("a point entry for school B's pupil in school A's programme", async () => {
    await expect(
      db.pointEntry.create({
        data: {
          schoolId: a.school.id,
          programmeId: a.programme.id,
          studentId: b.pupils.mentee.id,
          amount: 1,
          categoryId: a.categoryIds.Effort!,
          reason: "x",
          awardedById: a.staff.teacher.id,
        },
      }),
    ).rejects.toMatchObject(FK_VIOLATION);
    await expect(
      db.pointEntry.create({
        data: {
          schoolId: b.school.id,
          programmeId: a.programme.id,
          studentId: b.pupils.mentee.id,
          amount: 1,
          categoryId: a.categoryIds.Effort!,
          reason: "x",
          awardedById: a.staff.teacher.id,
        },
      }),
    ).rejects.toMatchObject(FK_VIOLATION);
  });

  it("a session in school A for school B's pairing", async () => {
    await expect(
      db.mentoringSession.create({
        data: {
          schoolId: a.school.id,
          pairingId: b.pairing.id,
          heldOn: toDbDate(a.today),
          durationMinutes: 20,
          activityId: a.activityIds["Check-in chat"]!,
          loggedById: a.staff.coordinator.id,
        },
      }),
    ).rejects.toMatchObject(FK_VIOLATION);
  });

  it("an attendance in school A's session for school B's pupil", async () => {
    const session = await db.mentoringSession.create({
      data: {
        schoolId: a.school.id,
        pairingId: a.pairing.id,
        heldOn: toDbDate(a.today),
        durationMinutes: 20,
        activityId: a.activityIds["Check-in chat"]!,
        loggedById: a.staff.coordinator.id,
      },
    });
    await expect(
      db.sessionAttendance.create({
        data: { schoolId: a.school.id, sessionId: session.id, studentId: b.pupils.mentee.id, attendance: "PRESENT" },
      }),
    ).rejects.toMatchObject(FK_VIOLATION);
  });

  it("a mentor profile, mentee profile or review that crosses schools", async () => {
    await expect(
      db.mentorProfile.create({ data: { schoolId: a.school.id, programmeId: a.programme.id, studentId: b.pupils.spareMentor.id } }),
    ).rejects.toMatchObject(FK_VIOLATION);
    await expect(
      db.menteeProfile.create({ data: { schoolId: a.school.id, programmeId: b.programme.id, studentId: a.pupils.spareMentee.id } }),
    ).rejects.toMatchObject(FK_VIOLATION);
    await expect(
      db.review.create({
        data: {
          schoolId: a.school.id,
          pairingId: b.pairing.id,
          reviewerId: a.staff.coordinator.id,
          heldOn: toDbDate(a.today),
          progress: 3,
          decision: "CONTINUE",
        },
      }),
    ).rejects.toMatchObject(FK_VIOLATION);
  });

  it("moving an existing row to another school", async () => {
    const member = await db.pairingMember.findFirstOrThrow({ where: { pairingId: a.pairing.id } });
    await expect(db.pairingMember.updateMany({ where: { id: member.id }, data: { schoolId: b.school.id } })).rejects.toMatchObject(
      FK_VIOLATION,
    );
  });

  it("also through raw SQL", async () => {
    const insert = db.$executeRaw`
      INSERT INTO "PairingMember" ("id", "schoolId", "pairingId", "studentId", "role")
      VALUES (${`raw-${a.school.id}`}, ${a.school.id}, ${a.pairing.id}, ${b.pupils.spareMentee.id}, 'MENTEE')`;
    await expect(insert).rejects.toThrow(/foreign key/i);
    const points = db.$executeRaw`
      INSERT INTO "PointEntry" ("id", "schoolId", "programmeId", "studentId", "amount", "categoryId", "reason", "awardedById")
      VALUES (${`raw-pe-${a.school.id}`}, ${a.school.id}, ${a.programme.id}, ${b.pupils.mentee.id}, 1, ${a.categoryIds.Effort}, 'x', ${a.staff.teacher.id})`;
    await expect(points).rejects.toThrow(/foreign key/i);
  });
});

describe("point corrections stay in their school", () => {
  it("refuses a point entry in school A that reverses school B's entry", async () => {
    const [a, b] = await Promise.all([buildSchool({ withCalendar: false }), buildSchool({ withCalendar: false })]);
    await expect(
      db.pointEntry.create({
        data: {
          schoolId: a.school.id,
          programmeId: a.programme.id,
          studentId: a.pupils.mentee.id,
          amount: -3,
          categoryId: a.categoryIds.Effort!,
          reason: "Correction",
          awardedById: a.staff.coordinator.id,
          reversesId: b.pointEntry.id,
        },
      }),
    ).rejects.toMatchObject(FK_VIOLATION);
  });
});
