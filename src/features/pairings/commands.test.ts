import { REFUSED_UNLESS_COORDINATOR } from "@/test-support/expectations";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { FORBIDDEN_MESSAGE, NOT_FOUND_MESSAGE } from "@/server/command";
import { addMentee, addMentor, createPairingRow, createProgramme, createStudent } from "@/server/factories";
import { addDaysIso, fromDbDate } from "@/lib/dates";
import { actorFor } from "@/test-support/actors";
import { expectRefusedWithoutWrites, runCommand } from "@/test-support/commands";
import { auditEntriesBy } from "@/test-support/snapshot";
import { buildSchool, buildWorld } from "@/test-support/school";
import { changePairingStatus, createPairing } from "./commands";

type World = Awaited<ReturnType<typeof buildWorld>>;

const DENIED = REFUSED_UNLESS_COORDINATOR;

describe("createPairing", () => {
  let world: World;
  const input = (w: World) => ({
    programmeId: w.a.programme.id,
    kind: "ONE_TO_ONE",
    mentorIds: [w.a.pupils.spareMentor.id],
    menteeIds: [w.a.pupils.spareMentee.id],
    startsOn: w.a.today,
  });
  beforeAll(async () => {
    world = await buildWorld();
    // Both free on Tuesday lunch and Thursday break; the programme's default is Thursday break, in Room 9.
    const brk = await db.schoolSlot.findUniqueOrThrow({ where: { schoolId_key: { schoolId: world.a.school.id, key: "BREAK" } } });
    await db.student.updateMany({
      where: { id: { in: [world.a.pupils.spareMentor.id, world.a.pupils.spareMentee.id] } },
      data: { availability: ["TUE_LUNCH", "THU_BREAK", "FRI_LUNCH"] },
    });
    await db.student.update({
      where: { schoolId_id: { schoolId: world.a.school.id, id: world.a.pupils.spareMentee.id } },
      data: { availability: ["TUE_LUNCH", "THU_BREAK"] },
    });
    await db.programme.update({
      where: { schoolId_id: { schoolId: world.a.school.id, id: world.a.programme.id } },
      data: { defaultWeekday: 4, defaultSlotId: brk.id, defaultPlace: "Room 9" },
    });
  });

  it.each(DENIED)("is refused for %s and writes nothing", async (role, message) => {
    await expectRefusedWithoutWrites(createPairing, world.actors[role], input(world), [world.a.school.id, world.b.school.id], message);
  });

  it("is refused when signed out", async () => {
    await expectRefusedWithoutWrites(createPairing, null, input(world), [world.a.school.id], "Please sign in again.");
  });

  it("lets a coordinator create a trial pairing, with its members and one audit entry", async () => {
    const { result, changes } = await runCommand(createPairing, world.actors.COORDINATOR, input(world), [
      world.a.school.id,
      world.b.school.id,
    ]);
    expect(result.ok, result.message).toBe(true);
    expect(changes).toEqual({ pairings: 1, pairingMembers: 2, auditLogs: 1, idempotencyKeys: 1 });

    const pairing = await db.pairing.findFirstOrThrow({ where: { id: result.recordId! }, include: { members: true } });
    expect(pairing).toMatchObject({
      schoolId: world.a.school.id,
      programmeId: world.a.programme.id,
      kind: "ONE_TO_ONE",
      status: "TRIAL",
      createdById: world.a.staff.coordinator.id,
    });
    expect(fromDbDate(pairing.startsOn)).toBe(world.a.today);
    expect(fromDbDate(pairing.trialEndsOn!)).toBe(addDaysIso(world.a.today, 14));
    // Its regular slot: the programme's default, because both pupils are free then.
    const brk = await db.schoolSlot.findUniqueOrThrow({ where: { schoolId_key: { schoolId: world.a.school.id, key: "BREAK" } } });
    expect(pairing).toMatchObject({ slotWeekday: 4, slotId: brk.id, slotPlace: "Room 9" });
    expect(pairing.members.map((m) => [m.studentId, m.role]).sort()).toEqual(
      [
        [world.a.pupils.spareMentor.id, "MENTOR"],
        [world.a.pupils.spareMentee.id, "MENTEE"],
      ].sort(),
    );

    const [audit] = await auditEntriesBy(world.a.staff.coordinator.id, 1);
    expect(audit).toMatchObject({ action: "pairing.created", recordType: "Pairing", recordId: pairing.id, schoolId: world.a.school.id });
    expect(audit!.changes).toMatchObject({
      kind: "ONE_TO_ONE",
      status: "TRIAL",
      mentorIds: [world.a.pupils.spareMentor.id],
      menteeIds: [world.a.pupils.spareMentee.id],
    });
  });

  describe("rules (as the coordinator, writing nothing)", () => {
    let w: World;
    beforeAll(async () => {
      w = await buildWorld();
    });
    const ids = () => [w.a.school.id, w.b.school.id];

    it("refuses a mentee who already has a live pairing", async () => {
      const result = await expectRefusedWithoutWrites(
        createPairing,
        w.actors.COORDINATOR,
        { ...input(w), menteeIds: [w.a.pupils.mentee.id] },
        ids(),
        /already has a mentor/,
      );
      expect(result.fieldErrors?.menteeIds?.[0]).toMatch(/already has a mentor/);
    });

    it("refuses a mentor at capacity", async () => {
      // otherMentor has capacity 1 and already mentors otherMentee.
      await expectRefusedWithoutWrites(
        createPairing,
        w.actors.COORDINATOR,
        { ...input(w), mentorIds: [w.a.pupils.otherMentor.id] },
        ids(),
        /can support 1 mentee/,
      );
    });

    it("refuses a mentor who is not older than the mentee", async () => {
      const young = await createStudent(db, { schoolId: w.a.school.id, yearGroup: 7, today: w.a.today });
      await addMentor(db, { schoolId: w.a.school.id, programmeId: w.a.programme.id, studentId: young.id });
      await expectRefusedWithoutWrites(
        createPairing,
        w.actors.COORDINATOR,
        { ...input(w), mentorIds: [young.id] },
        ids(),
        /must be at least 1 year older/,
      );
    });

    it("refuses a pupil who is not in the programme", async () => {
      const outsider = await createStudent(db, { schoolId: w.a.school.id, yearGroup: 7, today: w.a.today });
      await expectRefusedWithoutWrites(
        createPairing,
        w.actors.COORDINATOR,
        { ...input(w), menteeIds: [outsider.id] },
        ids(),
        /is not a mentee in this programme/,
      );
    });

    it("refuses a group in a 1:1 programme", async () => {
      const programme = await createProgramme(db, { schoolId: w.a.school.id, format: "ONE_TO_ONE" });
      await Promise.all([
        addMentor(db, { schoolId: w.a.school.id, programmeId: programme.id, studentId: w.a.pupils.spareMentor.id, capacity: 3 }),
        addMentee(db, { schoolId: w.a.school.id, programmeId: programme.id, studentId: w.a.pupils.spareMentee.id }),
      ]);
      await expectRefusedWithoutWrites(
        createPairing,
        w.actors.COORDINATOR,
        { ...input(w), programmeId: programme.id, kind: "GROUP" },
        ids(),
        "This programme runs 1:1 pairs only.",
      );
    });

    it("refuses a programme that is not running", async () => {
      const closed = await createProgramme(db, { schoolId: w.a.school.id, status: "CLOSED" });
      await expectRefusedWithoutWrites(createPairing, w.actors.COORDINATOR, { ...input(w), programmeId: closed.id }, ids(), /not running/);
    });

    it("treats another school's pupils and programme as not found", async () => {
      await expectRefusedWithoutWrites(
        createPairing,
        w.actors.COORDINATOR,
        { ...input(w), menteeIds: [w.b.pupils.spareMentee.id] },
        ids(),
        NOT_FOUND_MESSAGE,
      );
      await expectRefusedWithoutWrites(
        createPairing,
        w.actors.COORDINATOR,
        { ...input(w), mentorIds: [w.b.pupils.spareMentor.id] },
        ids(),
        NOT_FOUND_MESSAGE,
      );
      await expectRefusedWithoutWrites(
        createPairing,
        w.actors.COORDINATOR,
        { ...input(w), programmeId: w.b.programme.id },
        ids(),
        NOT_FOUND_MESSAGE,
      );
    });

    it("treats a pupil who has left as not found", async () => {
      const left = await createStudent(db, { schoolId: w.a.school.id, yearGroup: 7, today: w.a.today, status: "LEFT" });
      await addMentee(db, { schoolId: w.a.school.id, programmeId: w.a.programme.id, studentId: left.id });
      await expectRefusedWithoutWrites(
        createPairing,
        w.actors.COORDINATOR,
        { ...input(w), menteeIds: [left.id] },
        ids(),
        NOT_FOUND_MESSAGE,
      );
    });

    it("keeps what was typed and says which fields to fix", async () => {
      const result = await expectRefusedWithoutWrites(
        createPairing,
        w.actors.COORDINATOR,
        { programmeId: w.a.programme.id, kind: "ONE_TO_ONE", mentorIds: "", menteeIds: "", startsOn: "soon", name: "Tuesday pair" },
        ids(),
        "Please check the highlighted fields.",
      );
      expect(result.fieldErrors).toMatchObject({ mentorIds: ["Choose a mentor."], menteeIds: ["Choose a mentee."] });
      expect(result.values).toMatchObject({ name: "Tuesday pair", startsOn: "soon" });
    });

    it("refuses a coordinator who must change their password first", async () => {
      await db.user.update({ where: { id: w.a.staff.coordinator.id }, data: { mustChangePassword: true } });
      try {
        const actor = await actorFor(w.a.staff.coordinator);
        await expectRefusedWithoutWrites(createPairing, actor, input(w), ids(), FORBIDDEN_MESSAGE);
      } finally {
        await db.user.update({ where: { id: w.a.staff.coordinator.id }, data: { mustChangePassword: false } });
      }
    });
  });
});

describe("changePairingStatus", () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });
  const pause = (w: World) => ({ pairingId: w.a.pairing.id, status: "PAUSED" });

  it.each(DENIED)("is refused for %s and writes nothing", async (role, message) => {
    await expectRefusedWithoutWrites(
      changePairingStatus,
      world.actors[role],
      pause(world),
      [world.a.school.id, world.b.school.id],
      message,
    );
  });

  it("lets a coordinator pause, resume and end a pairing, auditing each change", async () => {
    const ids = [world.a.school.id, world.b.school.id];
    const coordinator = world.actors.COORDINATOR;

    const paused = await runCommand(changePairingStatus, coordinator, pause(world), ids);
    expect(paused.result.ok, paused.result.message).toBe(true);
    // The status form's pause is the one pause operation's (ADR 022): who paused it is recorded.
    expect(paused.changes).toEqual({ auditLogs: 1, pauses: 1 });
    expect(paused.after.pairingRows.find((p) => p.id === world.a.pairing.id)).toMatchObject({
      status: "PAUSED",
      closureReason: null,
      endsOn: null,
    });
    const [pauseAudit] = await auditEntriesBy(coordinator.userId, 1);
    expect(pauseAudit).toMatchObject({ action: "pairing.status_changed", recordType: "Pairing", recordId: world.a.pairing.id });
    expect(pauseAudit!.changes).toEqual({ from: "ACTIVE", status: "PAUSED" });

    const resumed = await runCommand(changePairingStatus, coordinator, { pairingId: world.a.pairing.id, status: "ACTIVE" }, ids);
    expect(resumed.result.ok, resumed.result.message).toBe(true);
    expect(resumed.changes).toEqual({ auditLogs: 1, pausesEnded: 1 });

    const ended = await runCommand(
      changePairingStatus,
      coordinator,
      { pairingId: world.a.pairing.id, status: "ENDED", closureReason: "GOALS_MET" },
      ids,
    );
    expect(ended.result.ok, ended.result.message).toBe(true);
    expect(ended.changes).toEqual({ auditLogs: 1 });
    const row = await db.pairing.findFirstOrThrow({ where: { id: world.a.pairing.id } });
    expect(row.status).toBe("ENDED");
    expect(row.closureReason).toBe("GOALS_MET");
    expect(fromDbDate(row.endsOn!)).toBe(world.a.today);
    const [endAudit] = await auditEntriesBy(coordinator.userId, 1);
    expect(endAudit!.changes).toEqual({ from: "ACTIVE", status: "ENDED", closureReason: "GOALS_MET" });
  });

  it("never restarts an ended pairing", async () => {
    // The pairing was ended by the previous test.
    await expectRefusedWithoutWrites(
      changePairingStatus,
      world.actors.COORDINATOR,
      { pairingId: world.a.pairing.id, status: "ACTIVE" },
      [world.a.school.id],
      /cannot be restarted/,
    );
  });

  it("refuses the status it already has", async () => {
    await expectRefusedWithoutWrites(
      changePairingStatus,
      world.actors.COORDINATOR,
      { pairingId: world.a.otherPairing.id, status: "ACTIVE" },
      [world.a.school.id],
      "The pairing already has that status.",
    );
  });

  it("refuses a trial → active → trial step back", async () => {
    await expectRefusedWithoutWrites(
      changePairingStatus,
      world.actors.COORDINATOR,
      { pairingId: world.a.otherPairing.id, status: "TRIAL" },
      [world.a.school.id],
      "That change of status is not allowed.",
    );
  });

  it("needs a closure reason to end", async () => {
    const result = await expectRefusedWithoutWrites(
      changePairingStatus,
      world.actors.COORDINATOR,
      { pairingId: world.a.otherPairing.id, status: "ENDED" },
      [world.a.school.id],
      "Please check the highlighted fields.",
    );
    expect(result.fieldErrors?.closureReason).toEqual(["Choose why the pairing is ending."]);
  });

  it("does not resume a paused pairing when its mentor is now at capacity", async () => {
    const s = await buildSchool();
    const coordinator = await actorFor(s.staff.coordinator);
    // otherMentor (capacity 1) is paused with otherMentee, then given the spare mentee.
    expect((await changePairingStatus.run(coordinator, { pairingId: s.otherPairing.id, status: "PAUSED" })).ok).toBe(true);
    await createPairingRow(db, {
      schoolId: s.school.id,
      programmeId: s.programme.id,
      createdById: s.staff.coordinator.id,
      mentorIds: [s.pupils.otherMentor.id],
      menteeIds: [s.pupils.spareMentee.id],
      status: "ACTIVE",
    });
    await expectRefusedWithoutWrites(
      changePairingStatus,
      coordinator,
      { pairingId: s.otherPairing.id, status: "ACTIVE" },
      [s.school.id],
      /can support 1 mentee at once and already has 1/,
    );
  });

  it("treats another school's pairing as not found, even for that school's coordinator", async () => {
    await expectRefusedWithoutWrites(
      changePairingStatus,
      world.actors.otherSchoolCoordinator,
      { pairingId: world.a.otherPairing.id, status: "PAUSED" },
      [world.a.school.id, world.b.school.id],
      NOT_FOUND_MESSAGE,
    );
  });
});
