// The school's activity list (ADR 015): names unique whatever their case, retired activities kept on
// old sessions but not offered, at least one always offered, and the order the staff set.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import type { Actor } from "@/server/actor";
import { NOT_FOUND_MESSAGE } from "@/server/command";
import { createSchool, createSessionRow, createStaffUser } from "@/server/factories";
import { addDaysIso } from "@/lib/dates";
import { DEFAULT_ACTIVITIES } from "@/lib/school-defaults";
import { actorFor } from "@/test-support/actors";
import { expectRefusedWithoutWrites, runCommand } from "@/test-support/commands";
import { buildSchool, logSessionForm, uniqueEmail, type TestSchool } from "@/test-support/school";
import { getPairingToLog } from "@/features/pairings/queries";
import { logSession } from "@/features/sessions/commands";
import { listActivitiesForStaff } from "./queries";
import { addActivity, moveActivity, renameActivity, restoreActivity, retireActivity } from "./commands";

describe("the school's activity list", () => {
  let s: TestSchool;
  let coordinator: Actor;
  let admin: Actor;
  let schools: string[];
  let otherCoordinator: Actor;
  const names = async () => (await listActivitiesForStaff(coordinator)).active.map((a) => a.name);

  beforeAll(async () => {
    s = await buildSchool();
    const other = await createSchool(db, { withCalendar: false });
    [coordinator, admin, otherCoordinator] = await Promise.all([
      actorFor(s.staff.coordinator),
      actorFor(s.staff.admin),
      actorFor(await createStaffUser(db, { schoolId: other.id, roles: ["COORDINATOR"], email: uniqueEmail("other-activities") })),
    ]);
    schools = [s.school.id, other.id];
  });

  it("starts with today's activities, in their order", async () => {
    expect(await names()).toEqual([...DEFAULT_ACTIVITIES]);
  });

  it("adds an activity at the end, and refuses the same name in any case, saying when it is retired", async () => {
    const added = await runCommand(addActivity, admin, { name: "Revision together" }, schools);
    expect(added.result).toMatchObject({ ok: true, message: "Added Revision together. Mentors can choose it from now on." });
    expect(added.changes).toEqual({ schoolActivities: 1, auditLogs: 1 });
    expect((await names()).at(-1)).toBe("Revision together");
    const duplicate = await expectRefusedWithoutWrites(
      addActivity,
      coordinator,
      { name: "revision TOGETHER" },
      schools,
      "“Revision together” is already in the list.",
    );
    expect(duplicate.fieldErrors).toEqual({ name: ["“Revision together” is already in the list."] });
    const racing = await Promise.all(["Chess club", "chess club", "CHESS CLUB"].map((name) => addActivity.run(coordinator, { name })));
    expect(racing.filter((r) => r.ok)).toHaveLength(1);

    const games = s.activityIds["Games"]!;
    expect((await retireActivity.run(coordinator, { activityId: games })).ok).toBe(true);
    await expectRefusedWithoutWrites(
      addActivity,
      coordinator,
      { name: "games" },
      schools,
      "“Games” is already in the list, retired. Bring it back instead.",
    );
    expect((await restoreActivity.run(coordinator, { activityId: games })).ok).toBe(true);
  });

  it("renames an activity, and the sessions that used it show the new name", async () => {
    const id = s.activityIds["Problem solving"]!;
    await createSessionRow(db, {
      schoolId: s.school.id,
      pairingId: s.otherPairing.id,
      loggedById: s.staff.coordinator.id,
      heldOn: s.today,
      activity: "Problem solving",
      pupils: [],
    });
    await expectRefusedWithoutWrites(
      renameActivity,
      coordinator,
      { activityId: id, name: "homework HELP" },
      schools,
      "“Homework help” is already in the list.",
    );
    const renamed = await runCommand(renameActivity, coordinator, { activityId: id, name: "Puzzles and problem solving" }, schools);
    expect(renamed.result).toMatchObject({
      ok: true,
      message: "Renamed Problem solving to Puzzles and problem solving. Sessions already logged show the new name.",
    });
    const session = await db.mentoringSession.findFirstOrThrow({
      where: { pairingId: s.otherPairing.id },
      select: { activity: { select: { name: true } } },
    });
    expect(session.activity.name).toBe("Puzzles and problem solving");
    // A change of case alone is a rename.
    expect((await renameActivity.run(coordinator, { activityId: id, name: "puzzles and problem solving" })).ok).toBe(true);
  });

  it("retires an activity: old sessions keep it, mentors are no longer offered it or able to log it, and it can come back", async () => {
    const id = s.activityIds["Reading together"]!;
    const mentor = await actorFor(s.pupils.mentor.userId!);
    expect((await logSession.run(mentor, logSessionForm(s))).ok).toBe(true);
    const retired = await runCommand(retireActivity, coordinator, { activityId: id }, schools);
    expect(retired.result).toMatchObject({
      ok: true,
      message: "Retired Reading together. Sessions that used it keep it; mentors are not offered it any more.",
    });
    expect(retired.changes).toEqual({ auditLogs: 1 });
    expect(await db.mentoringSession.count({ where: { pairingId: s.pairing.id, activityId: id } })).toBe(1);
    expect((await getPairingToLog(mentor, s.pairing.id)).activities.map((a) => a.id)).not.toContain(id);
    const yesterday = logSessionForm(s, { heldOn: addDaysIso(s.today, -1) });
    expect(await logSession.run(mentor, yesterday)).toMatchObject({
      ok: false,
      fieldErrors: { activityId: ["Choose what you did from the list."] },
    });
    expect((await listActivitiesForStaff(admin)).retired).toEqual([{ id, name: "Reading together", sessions: 1, isRetired: true }]);
    await expectRefusedWithoutWrites(retireActivity, coordinator, { activityId: id }, schools, "Reading together is already retired.");

    const back = await runCommand(restoreActivity, admin, { activityId: id }, schools);
    expect(back.result).toMatchObject({ ok: true, message: "Brought back Reading together, at the end of the list." });
    expect((await names()).at(-1)).toBe("Reading together");
    expect((await getPairingToLog(mentor, s.pairing.id)).activities.map((a) => a.id)).toContain(id);
  });

  it("keeps at least one activity offered", async () => {
    const own = await buildSchool();
    const ownCoordinator = await actorFor(own.staff.coordinator);
    const ids = Object.values(own.activityIds);
    for (const id of ids.slice(1)) expect((await retireActivity.run(ownCoordinator, { activityId: id })).ok).toBe(true);
    const last = await db.schoolActivity.findFirstOrThrow({ where: { schoolId: own.school.id, archivedAt: null } });
    await expectRefusedWithoutWrites(
      retireActivity,
      ownCoordinator,
      { activityId: last.id },
      [own.school.id],
      `Keep at least one activity: mentors choose one for every session. Add another before retiring ${last.name}.`,
    );
  });

  it("moves an activity up and down, refusing past either end", async () => {
    const own = await buildSchool();
    const ownAdmin = await actorFor(own.staff.admin);
    const order = async () => (await listActivitiesForStaff(ownAdmin)).active.map((a) => a.name);
    const first = own.activityIds[DEFAULT_ACTIVITIES[0]]!;
    const last = own.activityIds[DEFAULT_ACTIVITIES.at(-1)!]!;
    await expectRefusedWithoutWrites(
      moveActivity,
      ownAdmin,
      { activityId: first, direction: "up" },
      [own.school.id],
      `${DEFAULT_ACTIVITIES[0]} is already first.`,
    );
    await expectRefusedWithoutWrites(
      moveActivity,
      ownAdmin,
      { activityId: last, direction: "down" },
      [own.school.id],
      `${DEFAULT_ACTIVITIES.at(-1)} is already last.`,
    );
    const moved = await runCommand(moveActivity, ownAdmin, { activityId: first, direction: "down" }, [own.school.id]);
    expect(moved.result).toMatchObject({
      ok: true,
      message: `Moved ${DEFAULT_ACTIVITIES[0]} down to number 2 of ${DEFAULT_ACTIVITIES.length}.`,
    });
    expect((await order()).slice(0, 3)).toEqual([DEFAULT_ACTIVITIES[1], DEFAULT_ACTIVITIES[0], DEFAULT_ACTIVITIES[2]]);
    expect((await moveActivity.run(ownAdmin, { activityId: last, direction: "up" })).ok).toBe(true);
    expect((await order()).slice(-2)).toEqual([DEFAULT_ACTIVITIES.at(-1), DEFAULT_ACTIVITIES.at(-2)]);
    // The mentor's list follows the same order.
    const mentor = await actorFor(own.pupils.mentor.userId!);
    expect((await getPairingToLog(mentor, own.pairing.id)).activities.map((a) => a.name)).toEqual(await order());
  });

  it("does not find another school's activity", async () => {
    const id = s.activityIds["Online safety"]!;
    for (const [command, input] of [
      [renameActivity, { activityId: id, name: "Taken over" }],
      [retireActivity, { activityId: id }],
      [restoreActivity, { activityId: id }],
      [moveActivity, { activityId: id, direction: "up" }],
    ] as const)
      await expectRefusedWithoutWrites(command, otherCoordinator, input, schools, NOT_FOUND_MESSAGE);
  });
});
