import { REFUSED_UNLESS_COORDINATOR } from "@/test-support/expectations";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { FORBIDDEN_MESSAGE, NOT_FOUND_MESSAGE } from "@/server/command";
import { KEY_RETENTION_MS } from "@/server/idempotency";
import { createStudent } from "@/server/factories";
import { expectRefusedWithoutWrites, runCommand } from "@/test-support/commands";
import { auditEntriesBy } from "@/test-support/snapshot";
import { buildWorld, type RoleColumn } from "@/test-support/school";
import { awardPoints, reversePoints } from "./commands";

type World = Awaited<ReturnType<typeof buildWorld>>;

describe("awardPoints", () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });
  const input = (w: World) => ({
    programmeId: w.a.programme.id,
    studentIds: [w.a.pupils.mentee.id, w.a.pupils.mentor.id],
    amount: "2",
    categoryId: w.a.categoryIds.Kindness!,
    reason: "Welcomed a new pupil (private)",
  });
  const ids = () => [world.a.school.id, world.b.school.id];

  it.each<[RoleColumn, string]>([
    ["ADMIN", FORBIDDEN_MESSAGE],
    ["DSL", FORBIDDEN_MESSAGE],
    ["MENTEE", FORBIDDEN_MESSAGE],
    ["otherSchoolCoordinator", NOT_FOUND_MESSAGE],
  ])("is refused for %s and writes nothing", async (role, message) => {
    await expectRefusedWithoutWrites(awardPoints, world.actors[role], input(world), ids(), message);
  });

  it("deletes the user's own idempotency keys older than a week when it claims a new one, and nobody else's", async () => {
    const actor = world.actors.COORDINATOR;
    const old = new Date(Date.now() - KEY_RETENTION_MS - 60_000);
    const key = (userId: string, createdAt: Date) => ({
      schoolId: world.a.school.id,
      userId,
      key: randomUUID(),
      command: "awardPoints",
      fingerprint: "x",
      createdAt,
    });
    const [mineOld, mineRecent, theirsOld] = await Promise.all([
      db.idempotencyKey.create({ data: key(actor.userId, old) }),
      db.idempotencyKey.create({ data: key(actor.userId, new Date(Date.now() - 60_000)) }),
      db.idempotencyKey.create({ data: key(world.actors.DSL.userId, old) }),
    ]);
    expect((await runCommand(awardPoints, actor, { ...input(world), reason: "Kept the library tidy" }, ids())).result.ok).toBe(true);
    const left = await db.idempotencyKey.findMany({
      where: { id: { in: [mineOld.id, mineRecent.id, theirsOld.id] } },
      select: { id: true },
    });
    expect(left.map((k) => k.id).sort()).toEqual([mineRecent.id, theirsOld.id].sort());
  });

  it.each<RoleColumn>(["COORDINATOR", "TEACHER"])(
    "lets a %s award points: one entry and one audit entry per pupil, reason redacted",
    async (role) => {
      const actor = world.actors[role];
      const { result, changes } = await runCommand(awardPoints, actor, input(world), ids());
      expect(result.ok, result.message).toBe(true);
      expect(result.message).toBe("2 points given to 2 pupils.");
      expect(changes).toEqual({ pointEntries: 2, auditLogs: 2, idempotencyKeys: 1 });

      const entries = await db.pointEntry.findMany({
        where: { awardedById: actor.userId, reason: "Welcomed a new pupil (private)" },
        orderBy: { studentId: "asc" },
      });
      expect(entries.map((e) => [e.studentId, e.amount, e.categoryId, e.reason, e.schoolId, e.programmeId])).toEqual(
        [world.a.pupils.mentee.id, world.a.pupils.mentor.id]
          .sort()
          .map((id) => [id, 2, world.a.categoryIds.Kindness, "Welcomed a new pupil (private)", world.a.school.id, world.a.programme.id]),
      );
      const audits = await auditEntriesBy(actor.userId, 2);
      expect(audits.map((a) => a.recordId).sort()).toEqual([world.a.pupils.mentee.id, world.a.pupils.mentor.id].sort());
      for (const audit of audits) {
        expect(audit).toMatchObject({ action: "points.awarded", recordType: "Student", schoolId: world.a.school.id });
        expect(audit.changes).toEqual({
          programmeId: world.a.programme.id,
          amount: 2,
          categoryId: world.a.categoryIds.Kindness,
          reason: "[redacted]",
        });
      }
    },
  );

  it("takes points away with a negative amount in a category that takes points away", async () => {
    const { result, changes } = await runCommand(
      awardPoints,
      world.actors.TEACHER,
      { ...input(world), studentIds: world.a.pupils.mentee.id, amount: "-1", categoryId: world.a.categoryIds["Points lost"]! },
      ids(),
    );
    expect(result.message).toBe("1 point taken from 1 pupil.");
    expect(changes).toEqual({ pointEntries: 1, auditLogs: 1, idempotencyKeys: 1 });
  });

  it("refuses a pupil who is not in the programme, or is in another school, writing nothing for anyone", async () => {
    const outsider = await createStudent(db, { schoolId: world.a.school.id, yearGroup: 9, today: world.a.today });
    await expectRefusedWithoutWrites(
      awardPoints,
      world.actors.COORDINATOR,
      { ...input(world), studentIds: [world.a.pupils.mentee.id, outsider.id] },
      ids(),
      NOT_FOUND_MESSAGE,
    );
    await expectRefusedWithoutWrites(
      awardPoints,
      world.actors.COORDINATOR,
      { ...input(world), studentIds: [world.b.pupils.mentee.id] },
      ids(),
      NOT_FOUND_MESSAGE,
    );
  });

  it("refuses another school's programme", async () => {
    await expectRefusedWithoutWrites(
      awardPoints,
      world.actors.COORDINATOR,
      { ...input(world), programmeId: world.b.programme.id, studentIds: [world.b.pupils.mentee.id] },
      ids(),
      NOT_FOUND_MESSAGE,
    );
  });

  it("refuses a bad amount with a field message", async () => {
    const result = await expectRefusedWithoutWrites(
      awardPoints,
      world.actors.COORDINATOR,
      { ...input(world), amount: "50" },
      ids(),
      "Please check the highlighted fields.",
    );
    expect(result.fieldErrors?.amount).toEqual(["At most 10 points can be given at once."]);
    expect(result.values?.reason).toBe("Welcomed a new pupil (private)");
  });
});

describe("reversePoints", () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });
  const input = (w: World) => ({ entryId: w.a.pointEntry.id, reason: "Given to the wrong pupil" });
  const ids = () => [world.a.school.id, world.b.school.id];

  it.each<[RoleColumn, string]>(REFUSED_UNLESS_COORDINATOR)("is refused for %s and writes nothing", async (role, message) => {
    await expectRefusedWithoutWrites(reversePoints, world.actors[role], input(world), ids(), message);
  });

  it("lets a coordinator correct an entry with a reversing entry, never an edit", async () => {
    const { result, changes } = await runCommand(reversePoints, world.actors.COORDINATOR, input(world), ids());
    expect(result.ok, result.message).toBe(true);
    expect(changes).toEqual({ pointEntries: 1, auditLogs: 1 });

    const original = await db.pointEntry.findFirstOrThrow({ where: { id: world.a.pointEntry.id } });
    expect(original.amount).toBe(3);
    const reversal = await db.pointEntry.findFirstOrThrow({ where: { id: result.recordId! } });
    expect(reversal).toMatchObject({
      amount: -3,
      reversesId: original.id,
      studentId: original.studentId,
      categoryId: original.categoryId,
      reason: "Correction: Given to the wrong pupil",
      awardedById: world.a.staff.coordinator.id,
    });

    const [audit] = await auditEntriesBy(world.a.staff.coordinator.id, 1);
    expect(audit).toMatchObject({ action: "points.reversed", recordType: "Student", recordId: original.studentId });
    expect(audit!.changes).toEqual({ entryId: original.id, reversalId: reversal.id, amount: -3, reason: "[redacted]" });
  });

  it("refuses to correct an entry twice, or to correct a correction", async () => {
    await expectRefusedWithoutWrites(
      reversePoints,
      world.actors.COORDINATOR,
      input(world),
      ids(),
      "This entry has already been corrected.",
    );
    const reversal = await db.pointEntry.findFirstOrThrow({ where: { reversesId: world.a.pointEntry.id } });
    await expectRefusedWithoutWrites(
      reversePoints,
      world.actors.COORDINATOR,
      { entryId: reversal.id, reason: "Oops" },
      ids(),
      "This entry is itself a correction and cannot be reversed.",
    );
  });

  it("treats another school's entry as not found", async () => {
    await expectRefusedWithoutWrites(
      reversePoints,
      world.actors.COORDINATOR,
      { entryId: world.b.pointEntry.id, reason: "Not mine" },
      ids(),
      NOT_FOUND_MESSAGE,
    );
  });
});
