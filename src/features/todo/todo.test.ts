// The coordinator's to-do on the page's code path (issue 8): rows from the rules, set aside with a note
// until the cause changes, every dismissal audited; a log takes a row away.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { NOT_FOUND_MESSAGE } from "@/server/command";
import { createCheckInResponse, createPairingRow, createSessionRow, createStudent, setPairingSlotRow } from "@/server/factories";
import { addDaysIso } from "@/lib/dates";
import { RECENT_DAYS } from "@/lib/todo";
import { expectRefusedWithoutWrites, runCommand } from "@/test-support/commands";
import { buildWorld } from "@/test-support/school";
import { logSession } from "@/features/sessions/commands";
import { getCoordinatorTodo } from "./queries";
import { dismissTodo } from "./commands";

type World = Awaited<ReturnType<typeof buildWorld>>;

describe("the coordinator's to-do", () => {
  let w: World;
  let fresh: string;
  beforeAll(async () => {
    w = await buildWorld();
    // A match made two weeks ago with no session and no slot: it needs a first session and a slot.
    fresh = (
      await createPairingRow(db, {
        schoolId: w.a.school.id,
        programmeId: w.a.programme.id,
        createdById: w.a.staff.coordinator.id,
        mentorIds: [w.a.pupils.spareMentor.id],
        menteeIds: [w.a.pupils.spareMentee.id],
        status: "ACTIVE",
        startsOn: addDaysIso(w.a.today, -14),
      })
    ).id;
  });
  const ids = () => [w.a.school.id, w.b.school.id];
  const rowOf = async (pairingId: string) =>
    (await getCoordinatorTodo(w.actors.COORDINATOR, w.a.programme.id)).open.find((r) => r.pairingId === pairingId);

  it("reads the sessions of the last RECENT_DAYS days, the first of them included", async () => {
    const schoolId = w.a.school.id;
    const [mentor, mentee] = await Promise.all([
      createStudent(db, { schoolId, yearGroup: 10 }),
      createStudent(db, { schoolId, yearGroup: 7 }),
    ]);
    const { id } = await createPairingRow(db, {
      schoolId,
      programmeId: w.a.programme.id,
      createdById: w.a.staff.coordinator.id,
      mentorIds: [mentor.id],
      menteeIds: [mentee.id],
      status: "ACTIVE",
      startsOn: addDaysIso(w.a.today, -120),
    });
    const absentOn = (daysAgo: number) =>
      createSessionRow(db, {
        schoolId,
        pairingId: id,
        loggedById: w.a.staff.coordinator.id,
        heldOn: addDaysIso(w.a.today, -daysAgo),
        pupils: [{ studentId: mentee.id, attendance: "ABSENT" }],
      });
    const kinds = async () => (await rowOf(id))?.reasons.map((r) => r.kind) ?? [];
    await absentOn(RECENT_DAYS + 1);
    await absentOn(5);
    expect(await kinds()).not.toContain("ABSENT");
    await absentOn(RECENT_DAYS);
    expect(await kinds()).toContain("ABSENT");
  });

  it("lists a new match with no session and no slot, with both reasons and a link target", async () => {
    const row = await rowOf(fresh);
    expect(row?.reasons.map((r) => r.kind).sort()).toEqual(["NO_FIRST_SESSION", "NO_SLOT"]);
    expect(row?.title).toMatch(/ with /);
  });

  it("sets a row aside with a note (audited) until its cause changes; a stale list is refused", async () => {
    const row = (await rowOf(fresh))!;
    const stale = await expectRefusedWithoutWrites(
      dismissTodo,
      w.actors.COORDINATOR,
      { pairingId: fresh, programmeId: w.a.programme.id, cause: "NO_SLOT", note: "Later" },
      ids(),
      /reasons have changed/,
    );
    expect(stale.ok).toBe(false);
    await expectRefusedWithoutWrites(
      dismissTodo,
      w.actors.otherSchoolCoordinator,
      { pairingId: fresh, programmeId: w.a.programme.id, cause: row.cause, note: "Later" },
      ids(),
      NOT_FOUND_MESSAGE,
    );
    const { result, changes } = await runCommand(
      dismissTodo,
      w.actors.COORDINATOR,
      { pairingId: fresh, programmeId: w.a.programme.id, cause: row.cause, note: "Mentor off sick; starting next week" },
      ids(),
    );
    expect(result).toMatchObject({ ok: true, message: "Set aside until something changes." });
    expect(changes).toMatchObject({ auditLogs: 1 });
    const todo = await getCoordinatorTodo(w.actors.COORDINATOR, w.a.programme.id);
    expect(todo.open.map((r) => r.pairingId)).not.toContain(fresh);
    expect(todo.setAside.find((r) => r.pairingId === fresh)?.dismissal?.note).toBe("Mentor off sick; starting next week");

    // A slot set: the cause changes (no "no slot" any more), so the row is back with its other reason.
    await setPairingSlotRow(db, { schoolId: w.a.school.id, pairingId: fresh, weekday: 3, from: w.a.today });
    const back = await rowOf(fresh);
    expect(back?.reasons.map((r) => r.kind)).toContain("NO_FIRST_SESSION");
  });

  it("takes the row away once the first session is logged, and says a bad 'no' fit check instead", async () => {
    const { result } = await runCommand(
      logSession,
      w.actors.COORDINATOR,
      {
        pairingId: fresh,
        heldOn: w.a.today,
        durationMinutes: "20",
        activityId: w.a.activityIds["Games"]!,
        fitCheck: "NO",
        fitCheckNote: "They did not talk",
        [`attendance_${w.a.pupils.spareMentee.id}`]: "PRESENT",
      },
      ids(),
    );
    expect(result.ok, result.message).toBe(true);
    const row = await rowOf(fresh);
    expect(row?.reasons.map((r) => r.kind)).toEqual(["FIT_CHECK"]);
  });

  it("raises a mentee's low check-in on the pairing's row, with the mentee's name for staff", async () => {
    await createCheckInResponse(db, {
      schoolId: w.a.school.id,
      pairingId: fresh,
      studentId: w.a.pupils.spareMentee.id,
      role: "MENTEE",
      periodStart: w.a.today,
      value: 1,
    });
    const row = await rowOf(fresh);
    const reason = row?.reasons.find((r) => r.kind === "CHECK_IN");
    expect(reason?.text).toMatch(/ answered 1 out of 5 at their last check-in\.$/);
    expect(reason?.cause).toMatch(/^CHECK_IN:check-in-low:/);
  });
});
