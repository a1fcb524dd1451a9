// A mentee's "I don't want to meet my mentor for now", the coordinator's pause and resume, and what
// each person then sees: the mentee and the mentor only "paused", the coordinator who, when, where
// from and why (ADR 022).
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/actor";
import { db } from "@/server/db";
import { FORBIDDEN_MESSAGE, NOT_FOUND_MESSAGE } from "@/server/command";
import { addMentee, createPairingRow, createStaffUser, createStudent } from "@/server/factories";
import { actorFor } from "@/test-support/actors";
import { expectRefusedWithoutWrites, runCommand } from "@/test-support/commands";
import { REFUSED_UNLESS_COORDINATOR } from "@/test-support/expectations";
import { buildSchool, buildWorld, logSessionForm, uniqueEmail, type TestSchool } from "@/test-support/school";
import { logSession } from "@/features/sessions/commands";
import { changePairingStatus, pauseMyPlace, pausePairing, resumePause } from "./commands";
import { PAUSE_REQUESTED_MESSAGE } from "./pause-commands";
import { getPairingForStaff, getPairingToLog, listMyPairings } from "./queries";

type World = Awaited<ReturnType<typeof buildWorld>>;
const REASON = "SECRET-PAUSE-REASON my mentor keeps teasing me";

/** A school where the coordinator is also a DSL, plus a DSL-only teacher, so each link is checked. */
async function schoolWithLeads() {
  const s = await buildSchool();
  const both = await createStaffUser(db, { schoolId: s.school.id, roles: ["COORDINATOR", "DSL"], email: uniqueEmail("lead") });
  return { s, both, mentee: await actorFor(s.pupils.mentee.userId!), coordinator: await actorFor(s.staff.coordinator) };
}

/** A group: the school's mentor (room for two) with the mentee and a second mentee of her own account. */
async function groupOfTwo(s: TestSchool) {
  const second = await createStudent(db, { schoolId: s.school.id, yearGroup: 8, today: s.today, account: { email: uniqueEmail("zoe") } });
  await addMentee(db, { schoolId: s.school.id, programmeId: s.programme.id, studentId: second.id });
  await db.pairing.updateMany({ where: { id: s.pairing.id }, data: { status: "ENDED", closureReason: "OTHER" } });
  const group = await createPairingRow(db, {
    schoolId: s.school.id,
    programmeId: s.programme.id,
    createdById: s.staff.coordinator.id,
    mentorIds: [s.pupils.mentor.id],
    menteeIds: [s.pupils.mentee.id, second.id],
    kind: "GROUP",
  });
  return { groupId: group.id, second, secondActor: await actorFor(second.userId!) };
}

describe("pauseMyPlace", () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });

  it.each(["ADMIN", "COORDINATOR", "TEACHER", "DSL", "MENTOR", "otherSchoolCoordinator"] as const)(
    "is refused for %s and writes nothing",
    async (role) => {
      await expectRefusedWithoutWrites(
        pauseMyPlace,
        world.actors[role],
        { pairingId: world.a.pairing.id },
        [world.a.school.id, world.b.school.id],
        FORBIDDEN_MESSAGE,
      );
    },
  );

  it("is not found for another mentee's pairing, or an ended one of her own", async () => {
    const ids = [world.a.school.id, world.b.school.id];
    const otherMentee = await actorFor(world.a.pupils.otherMentee.userId!);
    await expectRefusedWithoutWrites(pauseMyPlace, otherMentee, { pairingId: world.a.pairing.id }, ids, NOT_FOUND_MESSAGE);
    const s = await buildSchool();
    await db.pairing.updateMany({ where: { id: s.pairing.id }, data: { status: "ENDED", closureReason: "OTHER" } });
    const mentee = await actorFor(s.pupils.mentee.userId!);
    await expectRefusedWithoutWrites(pauseMyPlace, mentee, { pairingId: s.pairing.id }, [s.school.id], NOT_FOUND_MESSAGE);
  });

  it("pauses at once and tells every coordinator and DSL where to look, never who or why", async () => {
    const { s, both, mentee } = await schoolWithLeads();
    const { result, changes } = await runCommand(pauseMyPlace, mentee, { pairingId: s.pairing.id, reason: REASON }, [s.school.id]);
    expect(result).toMatchObject({ ok: true, message: "Your meetings are paused for now. The programme lead will check in with you." });
    expect(changes).toEqual({ pauses: 1, auditLogs: 1, notifications: 3 });
    expect(await db.pairing.findFirstOrThrow({ where: { id: s.pairing.id } })).toMatchObject({ status: "PAUSED" });
    expect(await db.pause.findFirstOrThrow({ where: { pairingId: s.pairing.id } })).toMatchObject({
      source: "MENTEE",
      reason: REASON,
      pausedById: mentee.userId,
      studentId: null,
      resumeTo: "ACTIVE",
    });
    const told = await db.notification.findMany({ where: { schoolId: s.school.id }, select: { userId: true, message: true, link: true } });
    expect(told.sort((x, y) => x.userId.localeCompare(y.userId))).toEqual(
      [
        { userId: s.staff.coordinator.id, message: PAUSE_REQUESTED_MESSAGE, link: `/coordinator/pairings/${s.pairing.id}` },
        { userId: both.id, message: PAUSE_REQUESTED_MESSAGE, link: `/coordinator/pairings/${s.pairing.id}` },
        { userId: s.staff.dsl.id, message: PAUSE_REQUESTED_MESSAGE, link: "/safeguarding" },
      ].sort((x, y) => x.userId.localeCompare(y.userId)),
    );
    const audit = await db.auditLog.findFirstOrThrow({ where: { actorUserId: mentee.userId, action: "pause.started" } });
    expect(JSON.stringify(audit.changes)).not.toContain("SECRET-PAUSE-REASON");

    // Asking again (a double tap, or another day) changes nothing and tells nobody again.
    const again = await runCommand(pauseMyPlace, mentee, { pairingId: s.pairing.id }, [s.school.id]);
    expect(again.result).toMatchObject({ ok: true, message: "Your meetings are already paused for now." });
    expect(again.changes).toEqual({ auditLogs: 1 });
  });

  it("takes over a pause the coordinator made, so staff are told and her wish outlives its resume", async () => {
    const { s, mentee, coordinator } = await schoolWithLeads();
    expect(await pausePairing.run(coordinator, { pairingId: s.pairing.id, reason: "Exam week" })).toMatchObject({ ok: true });
    const result = await pauseMyPlace.run(mentee, { pairingId: s.pairing.id, reason: REASON });
    expect(result).toMatchObject({ ok: true, message: "Your meetings are paused for now. The programme lead will check in with you." });
    const pauses = await db.pause.findMany({ where: { pairingId: s.pairing.id }, orderBy: { pausedAt: "asc" } });
    expect(pauses).toMatchObject([
      { source: "COORDINATOR", endedAt: expect.any(Date) },
      { source: "MENTEE", endedAt: null, resumeTo: "ACTIVE", reason: REASON },
    ]);
    expect(
      await db.notification.count({ where: { schoolId: s.school.id, dedupeKey: `pause-requested:${pauses[1]!.id}` } }),
    ).toBeGreaterThan(0);
    // Asked again: already hers, nothing new.
    expect(await pauseMyPlace.run(mentee, { pairingId: s.pairing.id })).toMatchObject({
      ok: true,
      message: "Your meetings are already paused for now.",
    });
  });

  it("pauses once when she sends it twice at the same moment", async () => {
    const { s, mentee } = await schoolWithLeads();
    const results = await Promise.all([0, 1].map(() => pauseMyPlace.run(mentee, { pairingId: s.pairing.id })));
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(await db.pause.count({ where: { pairingId: s.pairing.id } })).toBe(1);
    expect(await db.notification.count({ where: { schoolId: s.school.id } })).toBe(3);
  });

  it("in a group pauses only her place: the mentor sees that, the other mentee does not, and the log leaves her out", async () => {
    const s = await buildSchool();
    const { groupId, second, secondActor } = await groupOfTwo(s);
    const [mentee, mentor, coordinator] = await Promise.all([
      actorFor(s.pupils.mentee.userId!),
      actorFor(s.pupils.mentor.userId!),
      actorFor(s.staff.coordinator),
    ]);
    expect((await pauseMyPlace.run(mentee, { pairingId: groupId, reason: REASON })).ok).toBe(true);
    expect(await db.pairing.findFirstOrThrow({ where: { id: groupId } })).toMatchObject({ status: "ACTIVE" });

    const mine = (await listMyPairings(mentee)).find((p) => p.id === groupId)!;
    expect(mine).toMatchObject({ isPaused: true, canPause: false, nextMeeting: null, status: "ACTIVE" });
    const theirs = (await listMyPairings(mentor)).find((p) => p.id === groupId)!;
    expect(theirs.mentees.find((m) => m.studentId === s.pupils.mentee.id)).toMatchObject({ isPaused: true });
    expect(theirs.isPaused).toBe(false);
    const other = (await listMyPairings(secondActor)).find((p) => p.id === groupId)!;
    expect(other.mentees.every((m) => !m.isPaused)).toBe(true);
    for (const seen of [mine, theirs, other]) expect(JSON.stringify(seen)).not.toMatch(/SECRET-PAUSE-REASON|"source"|"reason"/);

    // The log is for the mentee still meeting: with her, it is refused; without her, it is saved.
    expect((await getPairingToLog(mentor, groupId)).mentees.map((m) => m.studentId)).toEqual([second.id]);
    expect((await getPairingToLog(coordinator, groupId)).mentees.map((m) => m.studentId)).toEqual([second.id]);
    const form = { ...logSessionForm(s), pairingId: groupId, [`attendance_${second.id}`]: "PRESENT" };
    expect(await logSession.run(mentor, form)).toMatchObject({ ok: false, message: NOT_FOUND_MESSAGE });
    const withoutHer = Object.fromEntries(Object.entries(form).filter(([key]) => key !== `attendance_${s.pupils.mentee.id}`));
    expect(await logSession.run(mentor, withoutHer)).toMatchObject({ ok: true });
  });
});

describe("pausePairing and resumePause", () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });
  const pauseForm = (w: World) => ({ pairingId: w.a.otherPairing.id, reason: "Exams this fortnight" });

  it.each(REFUSED_UNLESS_COORDINATOR)("pausing is refused for %s and writes nothing", async (role, message) => {
    await expectRefusedWithoutWrites(pausePairing, world.actors[role], pauseForm(world), [world.a.school.id, world.b.school.id], message);
  });

  it("needs a reason", async () => {
    const result = await expectRefusedWithoutWrites(
      pausePairing,
      world.actors.COORDINATOR,
      { pairingId: world.a.otherPairing.id, reason: " " },
      [world.a.school.id],
      "Please check the highlighted fields.",
    );
    expect(result.fieldErrors?.reason).toEqual(["Say why you are pausing it."]);
  });

  it("lets the coordinator pause with a reason, shows who, when, where from and why, and resumes it", async () => {
    const ids = [world.a.school.id, world.b.school.id];
    const coordinator = world.actors.COORDINATOR;
    const paused = await runCommand(pausePairing, coordinator, pauseForm(world), ids);
    expect(paused.result).toMatchObject({ ok: true, message: "Paused. No meetings are planned until you resume it." });
    expect(paused.changes).toEqual({ pauses: 1, auditLogs: 1 });
    const again = await runCommand(pausePairing, coordinator, pauseForm(world), ids);
    expect(again.result).toMatchObject({ ok: false, message: "This pairing is already paused." });

    const page = await getPairingForStaff(coordinator, world.a.otherPairing.id);
    expect(page.status).toBe("PAUSED");
    expect(page.pauses).toEqual([
      expect.objectContaining({
        scope: "PAIRING",
        source: "COORDINATOR",
        reason: "Exams this fortnight",
        pausedBy: "Coordinator Person",
        isLive: true,
        canResume: true,
      }),
    ]);

    const resumed = await runCommand(resumePause, coordinator, { pauseId: page.pauses[0]!.id }, ids);
    expect(resumed.result).toMatchObject({ ok: true, message: "Resumed. The pairing is active again." });
    expect(resumed.changes).toEqual({ pausesEnded: 1, auditLogs: 1 });
    expect((await getPairingForStaff(coordinator, world.a.otherPairing.id)).pauses[0]).toMatchObject({
      isLive: false,
      endedBy: "Coordinator Person",
      canResume: false,
    });
    const twice = await runCommand(resumePause, coordinator, { pauseId: page.pauses[0]!.id }, ids);
    expect(twice.result).toMatchObject({ ok: false, message: "This pause has already ended." });
  });

  it("leaves a pause from a concern to the safeguarding lead, and hides its words from the coordinator", async () => {
    const s = await buildSchool();
    const coordinator = await actorFor(s.staff.coordinator);
    const pause = await db.pause.create({
      data: {
        schoolId: s.school.id,
        pairingId: s.pairing.id,
        source: "CONCERN",
        reason: "SECRET-CONCERN-WORDS",
        pausedById: s.staff.dsl.id,
        resumeTo: "ACTIVE",
      },
    });
    await db.pairing.updateMany({ where: { id: s.pairing.id }, data: { status: "PAUSED" } });
    const page = await getPairingForStaff(coordinator, s.pairing.id);
    expect(page.pauses[0]).toMatchObject({ source: "CONCERN", reason: null, canResume: false });
    expect(JSON.stringify(page)).not.toContain("SECRET-CONCERN-WORDS");
    await expectRefusedWithoutWrites(
      resumePause,
      coordinator,
      { pauseId: pause.id },
      [s.school.id],
      "This pause came from a safeguarding concern, so only the safeguarding lead can end it.",
    );
  });

  it("treats another school's pause as not found", async () => {
    const s = await buildSchool();
    const paused = await pausePairing.run(await actorFor(s.staff.coordinator), { pairingId: s.pairing.id, reason: "Trip" });
    expect(paused.ok).toBe(true);
    const pause = await db.pause.findFirstOrThrow({ where: { pairingId: s.pairing.id } });
    await expectRefusedWithoutWrites(
      resumePause,
      world.actors.otherSchoolCoordinator,
      { pauseId: pause.id },
      [s.school.id, world.b.school.id],
      NOT_FOUND_MESSAGE,
    );
  });
});

describe("the status form and pauses agree", () => {
  it("records a pause when the status goes to paused, ends it when the pairing goes on, and ends places' pauses when it ends", async () => {
    const s = await buildSchool();
    const coordinator: Actor = await actorFor(s.staff.coordinator);
    expect((await changePairingStatus.run(coordinator, { pairingId: s.otherPairing.id, status: "PAUSED" })).ok).toBe(true);
    expect(await db.pause.findFirstOrThrow({ where: { pairingId: s.otherPairing.id } })).toMatchObject({
      source: "COORDINATOR",
      endedAt: null,
      pausedById: coordinator.userId,
    });
    expect((await changePairingStatus.run(coordinator, { pairingId: s.otherPairing.id, status: "ACTIVE" })).ok).toBe(true);
    expect(await db.pause.count({ where: { pairingId: s.otherPairing.id, endedAt: null } })).toBe(0);

    const { groupId } = await groupOfTwo(s);
    const mentee = await actorFor(s.pupils.mentee.userId!);
    expect((await pauseMyPlace.run(mentee, { pairingId: groupId })).ok).toBe(true);
    expect((await changePairingStatus.run(coordinator, { pairingId: groupId, status: "ENDED", closureReason: "OTHER" })).ok).toBe(true);
    expect(await db.pause.count({ where: { pairingId: groupId, endedAt: null } })).toBe(0);
    expect(await db.pairingMember.count({ where: { pairingId: groupId, pausedAt: { not: null } } })).toBe(0);
  });
});
