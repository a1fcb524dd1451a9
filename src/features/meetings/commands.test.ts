// A pairing's regular slot, "next time you meet", and one meeting moved or cancelled (issue 8, ADR 013).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { NOT_FOUND_MESSAGE } from "@/server/command";
import { createPairingRow, createSessionRow, setPairingSlotRow } from "@/server/factories";
import { addDaysIso, todayIn, weekOf } from "@/lib/dates";
import { expectRefusedWithoutWrites, runCommand } from "@/test-support/commands";
import { buildWorld } from "@/test-support/school";
import { nextMeetings } from "./next";
import { cancelOccurrence, moveOccurrence, setPairingSlot, undoOccurrenceChange } from "./commands";

type World = Awaited<ReturnType<typeof buildWorld>>;

describe("a pairing's regular slot", () => {
  let w: World;
  let lunch: string;
  beforeAll(async () => {
    w = await buildWorld();
    lunch = (await db.schoolSlot.findUniqueOrThrow({ where: { schoolId_key: { schoolId: w.a.school.id, key: "LUNCH" } } })).id;
  });
  const ids = () => [w.a.school.id, w.b.school.id];
  const form = (extra: Record<string, string> = {}) => ({
    pairingId: w.a.pairing.id,
    weekday: "3",
    slotId: lunch,
    place: "Library",
    minutes: "25",
    cadence: "WEEKLY",
    supervisorId: w.a.staff.teacher.id,
    ...extra,
  });

  it("is saved with its supervising teacher, audited, and gives both pupils their next meeting", async () => {
    const { result, changes } = await runCommand(setPairingSlot, w.actors.COORDINATOR, form(), ids());
    expect(result).toMatchObject({ ok: true, message: "Regular slot saved: every Wednesday, lunch, in Library." });
    expect(changes).toEqual({ auditLogs: 1 });
    const row = await db.pairing.findFirstOrThrow({ where: { id: w.a.pairing.id } });
    expect(row).toMatchObject({ slotWeekday: 3, slotId: lunch, slotPlace: "Library", slotMinutes: 25, supervisorId: w.a.staff.teacher.id });
    const { meetings } = await nextMeetings(w.a.school.id, [{ id: w.a.pairing.id, status: "ACTIVE" }]);
    const next = meetings.get(w.a.pairing.id)!;
    expect(next).toMatchObject({ startTime: "12:30", endTime: "12:55", place: "Library", slotName: "Lunch", minutes: 25 });
    expect(new Date(`${next.on}T00:00:00Z`).getUTCDay()).toBe(3);
    expect(next.on >= todayIn("Europe/London")).toBe(true);
  });

  it("keeps the meetings already planned when only the place, length or supervisor changes", async () => {
    await db.pairing.update({
      where: { schoolId_id: { schoolId: w.a.school.id, id: w.a.pairing.id } },
      data: { slotFrom: new Date(`${addDaysIso(todayIn("Europe/London"), -30)}T00:00:00Z`) },
    });
    const { result } = await runCommand(
      setPairingSlot,
      w.actors.COORDINATOR,
      form({ place: "Hall", supervisorId: w.a.staff.dsl.id }),
      ids(),
    );
    expect(result.ok, result.message).toBe(true);
    const kept = await db.pairing.findFirstOrThrow({ where: { id: w.a.pairing.id } });
    expect(kept.slotFrom?.toISOString().slice(0, 10)).toBe(addDaysIso(todayIn("Europe/London"), -30));
    // A new day starts from today.
    await runCommand(setPairingSlot, w.actors.COORDINATOR, form({ weekday: "4" }), ids());
    const moved = await db.pairing.findFirstOrThrow({ where: { id: w.a.pairing.id } });
    expect(moved.slotFrom?.toISOString().slice(0, 10)).toBe(todayIn("Europe/London"));
    await runCommand(setPairingSlot, w.actors.COORDINATOR, form(), ids());
  });

  it("refuses another school's day slot, a supervisor from another school, and another school's pairing", async () => {
    const theirLunch = await db.schoolSlot.findUniqueOrThrow({ where: { schoolId_key: { schoolId: w.b.school.id, key: "LUNCH" } } });
    const slot = await expectRefusedWithoutWrites(
      setPairingSlot,
      w.actors.COORDINATOR,
      form({ slotId: theirLunch.id }),
      ids(),
      /Choose a time/,
    );
    expect(slot.fieldErrors?.slotId).toEqual(["Choose a time of the school day from the list."]);
    const teacher = await expectRefusedWithoutWrites(
      setPairingSlot,
      w.actors.COORDINATOR,
      form({ supervisorId: w.b.staff.teacher.id }),
      ids(),
      /member of staff/,
    );
    expect(teacher.fieldErrors?.supervisorId).toEqual(["Choose a member of staff from the list."]);
    await expectRefusedWithoutWrites(setPairingSlot, w.actors.otherSchoolCoordinator, form(), ids(), NOT_FOUND_MESSAGE);
  });

  it("asks for Week A or B for an every-other-week slot at a school with a two-week timetable", async () => {
    await db.school.update({ where: { id: w.a.school.id }, data: { weekAStarts: [new Date("2026-09-07T00:00:00Z")] } });
    try {
      const refused = await expectRefusedWithoutWrites(
        setPairingSlot,
        w.actors.COORDINATOR,
        form({ cadence: "FORTNIGHTLY" }),
        ids(),
        /Week A or Week B/,
      );
      expect(refused.fieldErrors?.week).toEqual(["Choose Week A or Week B."]);
      const { result } = await runCommand(setPairingSlot, w.actors.COORDINATOR, form({ cadence: "FORTNIGHTLY", week: "B" }), ids());
      expect(result).toMatchObject({ ok: true, message: "Regular slot saved: every other (Week B) Wednesday, lunch, in Library." });
    } finally {
      await db.school.update({ where: { id: w.a.school.id }, data: { weekAStarts: [] } });
      await runCommand(setPairingSlot, w.actors.COORDINATOR, form(), ids());
    }
  });

  it("moves one meeting within its week, shows it moved, refuses a second change, and undoes it", async () => {
    const { meetings } = await nextMeetings(w.a.school.id, [{ id: w.a.pairing.id, status: "ACTIVE" }]);
    // A meeting at least a week ahead, so it is not already over today.
    const wednesday = addDaysIso(meetings.get(w.a.pairing.id)!.plannedOn, 7);
    const thursday = addDaysIso(wednesday, 1);
    const move = {
      pairingId: w.a.pairing.id,
      originalOn: wednesday,
      movedTo: thursday,
      startTime: "13:00",
      place: "Room 4",
      reason: "Year 8 trip",
    };

    const outside = await expectRefusedWithoutWrites(
      moveOccurrence,
      w.actors.COORDINATOR,
      { ...move, movedTo: addDaysIso(wednesday, 7) },
      ids(),
      /only within its own week/,
    );
    expect(outside.fieldErrors?.movedTo?.[0]).toMatch(/^Choose a day from/);
    const saturday = addDaysIso(weekOf(wednesday).start, 5);
    await expectRefusedWithoutWrites(moveOccurrence, w.actors.COORDINATOR, { ...move, movedTo: saturday }, ids(), /not a school day/);
    await expectRefusedWithoutWrites(
      moveOccurrence,
      w.actors.COORDINATOR,
      { ...move, originalOn: thursday },
      ids(),
      /No meeting is planned/,
    );

    const { result, changes } = await runCommand(moveOccurrence, w.actors.COORDINATOR, move, ids());
    expect(result.ok, result.message).toBe(true);
    expect(changes).toEqual({ occurrenceExceptions: 1, auditLogs: 1, notifications: 2 });
    await expectRefusedWithoutWrites(
      cancelOccurrence,
      w.actors.COORDINATOR,
      { pairingId: w.a.pairing.id, originalOn: wednesday, reason: "x" },
      ids(),
      /already been moved or cancelled/,
    );

    // The week before has a session logged, so the moved one is next.
    await createSessionRow(db, {
      schoolId: w.a.school.id,
      pairingId: w.a.pairing.id,
      loggedById: w.a.staff.coordinator.id,
      heldOn: addDaysIso(wednesday, -7),
      pupils: [{ studentId: w.a.pupils.mentee.id }],
    });
    const now = new Date(`${addDaysIso(wednesday, -7)}T15:00:00Z`);
    const after = await nextMeetings(w.a.school.id, [{ id: w.a.pairing.id, status: "ACTIVE" }], { now });
    expect(after.meetings.get(w.a.pairing.id)).toMatchObject({
      on: thursday,
      plannedOn: wednesday,
      startTime: "13:00",
      place: "Room 4",
      isMoved: true,
    });

    const undo = await runCommand(undoOccurrenceChange, w.actors.COORDINATOR, { pairingId: w.a.pairing.id, originalOn: wednesday }, ids());
    expect(undo.result.ok).toBe(true);
    // Both pupils are told it is back to normal.
    expect(undo.changes).toEqual({ occurrenceExceptions: -1, auditLogs: 1, notifications: 2 });
    await expectRefusedWithoutWrites(
      undoOccurrenceChange,
      w.actors.COORDINATOR,
      { pairingId: w.a.pairing.id, originalOn: wednesday },
      ids(),
      NOT_FOUND_MESSAGE,
    );
  });

  it("cancels one meeting, so the next is the week after", async () => {
    const now = new Date();
    const { meetings } = await nextMeetings(w.a.school.id, [{ id: w.a.pairing.id, status: "ACTIVE" }], { now });
    const first = meetings.get(w.a.pairing.id)!;
    const { result } = await runCommand(
      cancelOccurrence,
      w.actors.COORDINATOR,
      { pairingId: w.a.pairing.id, originalOn: first.plannedOn, reason: "Mocks" },
      ids(),
    );
    expect(result.ok, result.message).toBe(true);
    const after = await nextMeetings(w.a.school.id, [{ id: w.a.pairing.id, status: "ACTIVE" }], { now });
    expect(after.meetings.get(w.a.pairing.id)!.plannedOn).toBe(addDaysIso(first.plannedOn, 7));
    await runCommand(undoOccurrenceChange, w.actors.COORDINATOR, { pairingId: w.a.pairing.id, originalOn: first.plannedOn }, ids());
  });
});

describe("next time you meet, on a fixed week", () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld();
  });

  it("after a Sunday log, Monday's meeting is still next (it was 7 Dec before)", async () => {
    const pairing = await createPairingRow(db, {
      schoolId: w.a.school.id,
      programmeId: w.a.programme.id,
      createdById: w.a.staff.coordinator.id,
      mentorIds: [w.a.pupils.spareMentor.id],
      menteeIds: [w.a.pupils.spareMentee.id],
      startsOn: "2026-09-07",
    });
    await setPairingSlotRow(db, { schoolId: w.a.school.id, pairingId: pairing.id, weekday: 1, slotKey: "BREAK", place: "Hall" });
    // Logged on Sunday 29 November 2026, the last day of the week before.
    await createSessionRow(db, {
      schoolId: w.a.school.id,
      pairingId: pairing.id,
      loggedById: w.a.staff.coordinator.id,
      heldOn: "2026-11-29",
      pupils: [{ studentId: w.a.pupils.spareMentee.id }],
    });
    const now = new Date("2026-11-29T18:00:00Z");
    const { meetings } = await nextMeetings(w.a.school.id, [{ id: pairing.id, status: "ACTIVE" }], { now });
    expect(meetings.get(pairing.id)).toMatchObject({
      on: "2026-11-30",
      startTime: "10:40",
      endTime: "11:00",
      place: "Hall",
      slotName: "Break",
    });
  });

  it("a pair matched for Wednesday lunch is told Wednesday, with the time; a paused pairing has none", async () => {
    const pairing = await createPairingRow(db, {
      schoolId: w.a.school.id,
      programmeId: w.a.programme.id,
      createdById: w.a.staff.coordinator.id,
      mentorIds: [w.a.pupils.otherMentor.id],
      menteeIds: [w.a.pupils.otherMentee.id],
      startsOn: "2026-11-23",
    });
    await setPairingSlotRow(db, { schoolId: w.a.school.id, pairingId: pairing.id, weekday: 3, slotKey: "LUNCH", place: "Library" });
    const now = new Date("2026-11-30T08:00:00Z");
    const { meetings } = await nextMeetings(w.a.school.id, [{ id: pairing.id, status: "ACTIVE" }], { now });
    expect(meetings.get(pairing.id)).toMatchObject({ on: "2026-12-02", startTime: "12:30", place: "Library" });
    const paused = await nextMeetings(w.a.school.id, [{ id: pairing.id, status: "PAUSED" }], { now });
    expect(paused.meetings.get(pairing.id)).toBeNull();
  });
});
