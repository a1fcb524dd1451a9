// Issue 8's notifications: a session to log, a moved or cancelled meeting, new to-do rows. Each says
// what to do and where, never a pupil's name or notes, and is made once per cause.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { setPairingSlotRow } from "@/server/factories";
import { addDaysIso } from "@/lib/dates";
import { instantAt } from "@/lib/occurrences";
import { runCommand } from "@/test-support/commands";
import { buildWorld } from "@/test-support/school";
import { nextMeetings } from "@/features/meetings/next";
import { moveOccurrence } from "@/features/meetings/commands";
import { produceSessionToLog, produceTodoNotifications } from "./producers";

type World = Awaited<ReturnType<typeof buildWorld>>;

describe("notifications from the schedule and the to-do", () => {
  let w: World;
  const names = () =>
    [w.a.pupils.mentor, w.a.pupils.mentee, w.a.pupils.otherMentor, w.a.pupils.otherMentee].flatMap((p) => [
      p.legalFirstName,
      p.legalLastName,
    ]);
  beforeAll(async () => {
    w = await buildWorld();
    await setPairingSlotRow(db, { schoolId: w.a.school.id, pairingId: w.a.pairing.id, weekday: 3 });
  });

  it("tells the mentor once that a meeting that has ended needs logging", async () => {
    const { meetings } = await nextMeetings(w.a.school.id, [{ id: w.a.pairing.id, status: "ACTIVE" }]);
    const meeting = meetings.get(w.a.pairing.id)!;
    const after = instantAt(meeting.on, "15:00", "Europe/London");
    await produceSessionToLog(after, { schoolIds: [w.a.school.id] });
    await produceSessionToLog(after, { schoolIds: [w.a.school.id] });
    const rows = await db.notification.findMany({ where: { schoolId: w.a.school.id, kind: "session.to_log" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      userId: w.a.pupils.mentor.userId,
      link: `/mentor/log/${w.a.pairing.id}`,
      message: "Time to log this week's mentoring session.",
    });
    // Before it ends there is nothing to log yet.
    expect(await produceSessionToLog(instantAt(addDaysIso(meeting.on, 7), "09:00", "Europe/London"), { schoolIds: [w.a.school.id] })).toBe(
      0,
    );
  });

  it("tells both pupils when a meeting moves, without names", async () => {
    const { meetings } = await nextMeetings(w.a.school.id, [{ id: w.a.pairing.id, status: "ACTIVE" }]);
    const wednesday = addDaysIso(meetings.get(w.a.pairing.id)!.plannedOn, 7);
    const { result } = await runCommand(
      moveOccurrence,
      w.actors.COORDINATOR,
      {
        pairingId: w.a.pairing.id,
        originalOn: wednesday,
        movedTo: addDaysIso(wednesday, 1),
        startTime: "13:00",
        place: "Room 4",
        reason: "Trip",
      },
      [w.a.school.id],
    );
    expect(result.ok, result.message).toBe(true);
    const rows = await db.notification.findMany({ where: { schoolId: w.a.school.id, kind: "meeting.changed" } });
    expect(rows.map((r) => [r.userId, r.link]).sort()).toEqual(
      [
        [w.a.pupils.mentor.userId, "/mentor"],
        [w.a.pupils.mentee.userId, "/student"],
      ].sort(),
    );
    expect(rows[0]!.message).toMatch(/^Your mentoring meeting on \w+day \d+ \w+ moves to \w+day \d+ \w+ at 13:00, in Room 4\.$/);
  });

  it("tells every coordinator once about a new to-do row, naming no pupil", async () => {
    await produceTodoNotifications(new Date(), { schoolIds: [w.a.school.id] });
    await produceTodoNotifications(new Date(), { schoolIds: [w.a.school.id] });
    const rows = await db.notification.findMany({ where: { schoolId: w.a.school.id, kind: "todo.new" } });
    const forOther = rows.filter((r) => r.link === `/coordinator/pairings/${w.a.otherPairing.id}`);
    expect(forOther).toHaveLength(1);
    expect(forOther[0]).toMatchObject({ userId: w.a.staff.coordinator.id });
    expect(forOther[0]!.message).toContain("a pairing has no regular slot");
    for (const row of rows) for (const name of names()) expect(row.message).not.toContain(name);
  });
});
