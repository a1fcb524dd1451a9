import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { FORBIDDEN_MESSAGE, NOT_FOUND_MESSAGE } from "@/server/command";
import { addDaysIso, formatPupilDate, formatStaffDate, fromDbDate, toDbDate } from "@/lib/dates";
import { expectRefusedWithoutWrites, runCommand } from "@/test-support/commands";
import { auditEntriesBy } from "@/test-support/snapshot";
import { buildWorld, type RoleColumn } from "@/test-support/school";
import { logSession } from "./commands";

type World = Awaited<ReturnType<typeof buildWorld>>;

/** The form a mentor sends for the pairing of mentor and mentee in school `a`. */
const sessionForm = (w: World, extra: Record<string, string> = {}) => ({
  pairingId: w.a.pairing.id,
  heldOn: w.a.today,
  durationMinutes: "20",
  activityId: w.a.activityIds["Homework help"]!,
  notes: "Talked about worries at home (private)",
  [`attendance_${w.a.pupils.mentee.id}`]: "PRESENT",
  [`mood_${w.a.pupils.mentee.id}`]: "4",
  // Needed at the pairing's first session only; ignored after.
  fitCheck: "YES",
  ...extra,
});

describe("logSession", () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });
  const ids = () => [world.a.school.id, world.b.school.id];

  it.each<[RoleColumn, string]>([
    // Staff who do not supervise the pairing: it is not theirs to log, so it is "not found".
    ["ADMIN", NOT_FOUND_MESSAGE],
    ["TEACHER", NOT_FOUND_MESSAGE],
    ["DSL", NOT_FOUND_MESSAGE],
    ["MENTEE", FORBIDDEN_MESSAGE],
    // A mentor of another pairing: the pairing is not theirs, so it is "not found".
    ["otherMentor", NOT_FOUND_MESSAGE],
    ["otherSchoolCoordinator", NOT_FOUND_MESSAGE],
  ])("is refused for %s and writes nothing", async (role, message) => {
    await expectRefusedWithoutWrites(logSession, world.actors[role], sessionForm(world), ids(), message);
  });

  it.each<[RoleColumn, number]>([
    ["MENTOR", 0],
    ["COORDINATOR", -1],
  ])("lets the %s log a session: the session, one attendance per mentee, and an audit entry with notes redacted", async (role, daysAgo) => {
    const actor = world.actors[role];
    const heldOn = addDaysIso(world.a.today, daysAgo);
    const { result, changes } = await runCommand(logSession, actor, sessionForm(world, { heldOn }), ids());
    expect(result.ok, result.message).toBe(true);
    expect(changes).toEqual({ sessions: 1, attendances: 1, auditLogs: 1 });

    const session = await db.mentoringSession.findFirstOrThrow({ where: { id: result.recordId! }, include: { attendances: true } });
    expect(session).toMatchObject({
      schoolId: world.a.school.id,
      pairingId: world.a.pairing.id,
      durationMinutes: 20,
      activityId: world.a.activityIds["Homework help"],
      loggedById: actor.userId,
    });
    expect(fromDbDate(session.heldOn)).toBe(heldOn);
    expect(session.attendances.map((a) => [a.studentId, a.attendance, a.mood])).toEqual([[world.a.pupils.mentee.id, "PRESENT", 4]]);

    const [audit] = await auditEntriesBy(actor.userId, 1);
    expect(audit).toMatchObject({
      action: "session.logged",
      recordType: "MentoringSession",
      recordId: session.id,
      schoolId: world.a.school.id,
    });
    expect(audit!.changes).toMatchObject({ pairingId: world.a.pairing.id, notes: "[redacted]", activity: "Homework help" });
    expect(JSON.stringify(audit!.changes)).not.toContain("private");
  });

  it("says a second session for the same pairing and day is already logged, links to it, and writes nothing", async () => {
    const first = await db.mentoringSession.findFirstOrThrow({ where: { pairingId: world.a.pairing.id, heldOn: toDbDate(world.a.today) } });
    const again = await expectRefusedWithoutWrites(
      logSession,
      world.actors.MENTOR,
      sessionForm(world, { activityId: world.a.activityIds["Games"]! }),
      ids(),
      /already logged/,
    );
    expect(again.message).toBe(
      `A session on ${formatPupilDate(world.a.today, world.a.today)} is already logged, so nothing new was saved.`,
    );
    expect(again.link).toEqual({ href: `/mentor?session=${first.id}#session-${first.id}`, label: "See that session" });
    const asCoordinator = await expectRefusedWithoutWrites(
      logSession,
      world.actors.COORDINATOR,
      sessionForm(world),
      ids(),
      /already logged/,
    );
    expect(asCoordinator.message).toBe(`A session on ${formatStaffDate(world.a.today)} is already logged, so nothing new was saved.`);
    expect(asCoordinator.link?.href).toBe(`/sessions/${first.id}`);
  });

  it("refuses a session in the future or before the pairing started, saying the days allowed", async () => {
    const starts = fromDbDate(world.a.pairing.startsOn);
    const allowed = `Choose a day from ${formatPupilDate(starts, world.a.today)} to today.`;
    const future = await expectRefusedWithoutWrites(
      logSession,
      world.actors.MENTOR,
      sessionForm(world, { heldOn: addDaysIso(world.a.today, 1) }),
      ids(),
      allowed,
    );
    expect(future.fieldErrors?.heldOn).toEqual([allowed]);
    await expectRefusedWithoutWrites(
      logSession,
      world.actors.MENTOR,
      sessionForm(world, { heldOn: addDaysIso(starts, -1) }),
      ids(),
      allowed,
    );
    await expectRefusedWithoutWrites(logSession, world.actors.MENTOR, sessionForm(world, { heldOn: "1900-01-01" }), ids(), allowed);
    await expectRefusedWithoutWrites(logSession, world.actors.MENTOR, sessionForm(world, { heldOn: "2099-01-01" }), ids(), allowed);
    // Staff read the same range in the staff style.
    await expectRefusedWithoutWrites(
      logSession,
      world.actors.COORDINATOR,
      sessionForm(world, { heldOn: "2099-01-01" }),
      ids(),
      `Choose a date from ${formatStaffDate(starts)} to today.`,
    );
  });

  it("treats a pupil who is not a mentee of the pairing as not found", async () => {
    await expectRefusedWithoutWrites(
      logSession,
      world.actors.MENTOR,
      sessionForm(world, { [`attendance_${world.a.pupils.otherMentee.id}`]: "PRESENT" }),
      ids(),
      NOT_FOUND_MESSAGE,
    );
    await expectRefusedWithoutWrites(
      logSession,
      world.actors.MENTOR,
      sessionForm(world, { [`attendance_${world.b.pupils.mentee.id}`]: "PRESENT" }),
      ids(),
      NOT_FOUND_MESSAGE,
    );
  });

  it("refuses the mentor recording attendance for themselves", async () => {
    await expectRefusedWithoutWrites(
      logSession,
      world.actors.MENTOR,
      sessionForm(world, { [`attendance_${world.a.pupils.mentor.id}`]: "PRESENT" }),
      ids(),
      NOT_FOUND_MESSAGE,
    );
  });

  it("says who came is missing", async () => {
    const result = await expectRefusedWithoutWrites(
      logSession,
      world.actors.MENTOR,
      { pairingId: world.a.pairing.id, heldOn: world.a.today, durationMinutes: "20", activityId: world.a.activityIds["Reading together"]! },
      ids(),
      "Please check the highlighted fields.",
    );
    expect(result.fieldErrors?.pupils).toEqual(["Say who came."]);
  });

  it("refuses a mentor logging for a paused pairing", async () => {
    await db.pairing.updateMany({ where: { id: world.a.pairing.id }, data: { status: "PAUSED" } });
    try {
      await expectRefusedWithoutWrites(logSession, world.actors.MENTOR, sessionForm(world), ids(), NOT_FOUND_MESSAGE);
      await expectRefusedWithoutWrites(logSession, world.actors.COORDINATOR, sessionForm(world), ids(), NOT_FOUND_MESSAGE);
    } finally {
      await db.pairing.updateMany({ where: { id: world.a.pairing.id }, data: { status: "ACTIVE" } });
    }
  });

  it("refuses a mentee logging their own pairing's session", async () => {
    await expectRefusedWithoutWrites(logSession, world.actors.MENTEE, sessionForm(world), ids(), FORBIDDEN_MESSAGE);
  });
});
