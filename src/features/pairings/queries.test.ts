import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createPairingRow, createSessionRow } from "@/server/factories";
import { addDaysIso } from "@/lib/dates";
import { actorFor } from "@/test-support/actors";
import { expectNotFound } from "@/test-support/expectations";
import { buildWorld } from "@/test-support/school";
import { getPairingForStaff, getPairingToLog, listMyPairings, listPairingsForCoordinator } from "./queries";
import { listMySessionsAsMentor } from "@/features/sessions/queries";

type World = Awaited<ReturnType<typeof buildWorld>>;
// Anything that would mean a pupil's page got staff-only or another pupil's data.
const FORBIDDEN_IN_PUPIL_DATA = /SECRET|PRIVATE|hasSend|sendNotes|legalLastName|upn|tutorGroup|cohortYear|notes/;

describe("pairing queries for pupils", () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
    const { a } = world;
    await createSessionRow(db, {
      schoolId: a.school.id,
      pairingId: a.pairing.id,
      loggedById: a.pupils.mentor.userId!,
      heldOn: addDaysIso(a.today, -3),
      notes: "PRIVATE mentor notes",
      pupils: [{ studentId: a.pupils.mentee.id, mood: 2 }],
    });
    await createSessionRow(db, {
      schoolId: a.school.id,
      pairingId: a.otherPairing.id,
      loggedById: a.pupils.otherMentor.userId!,
      heldOn: addDaysIso(a.today, -2),
      notes: "PRIVATE other notes",
      pupils: [{ studentId: a.pupils.otherMentee.id }],
    });
    // An ended pairing of the mentee's is history, not shown as live.
    await createPairingRow(db, {
      schoolId: a.school.id,
      programmeId: a.programme.id,
      createdById: a.staff.coordinator.id,
      mentorIds: [a.pupils.otherMentor.id],
      menteeIds: [a.pupils.mentee.id],
      status: "ENDED",
      closureReason: "MISMATCH",
    });
  });

  it("shows a mentee their own live pairing with their mentor's first name only", async () => {
    const lunch = await db.schoolSlot.findUniqueOrThrow({ where: { schoolId_key: { schoolId: world.a.school.id, key: "LUNCH" } } });
    await db.pairing.updateMany({
      where: { id: world.a.pairing.id },
      data: { slotWeekday: 3, slotId: lunch.id, slotPlace: "Library", slotCadence: "WEEKLY" },
    });
    const pairings = await listMyPairings(world.actors.MENTEE);
    expect(pairings).toHaveLength(1);
    const [mine] = pairings;
    expect(mine).toMatchObject({
      id: world.a.pairing.id,
      myRole: "MENTEE",
      status: "ACTIVE",
      mentees: [],
      mentors: [{ studentId: world.a.pupils.mentor.id, firstName: "Sam" }],
      lastHeld: addDaysIso(world.a.today, -3),
    });
    // Wednesday lunch in the library, on or after today (the week of a session already logged is skipped).
    expect(mine!.nextMeeting).toMatchObject({ startTime: "12:30", endTime: "12:50", place: "Library", slotName: "Lunch" });
    expect(mine!.nextMeeting!.on >= world.a.today).toBe(true);
    expect(new Date(`${mine!.nextMeeting!.on}T00:00:00Z`).getUTCDay()).toBe(3);
    const text = JSON.stringify(pairings);
    expect(text).not.toMatch(FORBIDDEN_IN_PUPIL_DATA);
    expect(text).not.toContain(world.a.pupils.mentor.legalLastName);
    expect(text).not.toContain(world.a.otherPairing.id);
  });

  it("shows a mentor their mentee's first name, and nothing of other pairings", async () => {
    const pairings = await listMyPairings(world.actors.MENTOR);
    expect(pairings.map((p) => p.id)).toEqual([world.a.pairing.id]);
    expect(pairings[0]).toMatchObject({
      myRole: "MENTOR",
      mentors: [],
      mentees: [{ studentId: world.a.pupils.mentee.id, firstName: "Maya" }],
    });
    expect(JSON.stringify(pairings)).not.toMatch(FORBIDDEN_IN_PUPIL_DATA);
  });

  it("gives staff no pairings of their own", async () => {
    expect(await listMyPairings(world.actors.COORDINATOR)).toEqual([]);
  });

  it("lets a mentor open only their own pairing to log", async () => {
    await expect(getPairingToLog(world.actors.MENTOR, world.a.pairing.id)).resolves.toMatchObject({ id: world.a.pairing.id });
    await expectNotFound(() => getPairingToLog(world.actors.otherMentor, world.a.pairing.id));
    await expectNotFound(() => getPairingToLog(world.actors.MENTEE, world.a.pairing.id));
    const otherSchoolMentor = await actorFor(world.b.pupils.mentor.userId!);
    await expectNotFound(() => getPairingToLog(otherSchoolMentor, world.a.pairing.id));
  });

  it("lists a mentor's own sessions with first names and attendance, and the notes they wrote themselves", async () => {
    const sessions = await listMySessionsAsMentor(world.actors.MENTOR);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({
      heldOn: addDaysIso(world.a.today, -3),
      attendances: [{ firstName: "Maya", attendance: "PRESENT" }],
    });
    // The mentor logged it; notes someone else wrote never reach them (sessions/logs.test.ts).
    const { notes, noteVisibility, ...rest } = sessions[0]!;
    expect([notes, noteVisibility]).toEqual(["PRIVATE mentor notes", "STAFF_ONLY"]);
    expect(JSON.stringify(rest)).not.toMatch(FORBIDDEN_IN_PUPIL_DATA);
    expect(await listMySessionsAsMentor(world.actors.MENTEE)).toEqual([]);
  });
});

describe("pairing queries for the coordinator", () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });

  it("lists the school's pairings with names and search", async () => {
    const rows = await listPairingsForCoordinator(world.actors.COORDINATOR, world.a.programme.id);
    expect(rows.map((r) => r.id).sort()).toEqual([world.a.pairing.id, world.a.otherPairing.id].sort());
    const found = await listPairingsForCoordinator(world.actors.COORDINATOR, world.a.programme.id, { q: "maya" });
    expect(found.map((r) => r.id)).toEqual([world.a.pairing.id]);
    expect(await listPairingsForCoordinator(world.actors.COORDINATOR, world.a.programme.id, { status: "ENDED" })).toEqual([]);
  });

  it("opens a pairing of the school, with its members' year groups", async () => {
    const pairing = await getPairingForStaff(world.actors.COORDINATOR, world.a.pairing.id);
    expect(pairing.members.map((m) => [m.role, m.yearGroup]).sort()).toEqual([
      ["MENTEE", 8],
      ["MENTOR", 10],
    ]);
    await expectNotFound(() => getPairingForStaff(world.actors.COORDINATOR, world.b.pairing.id));
    await expectNotFound(() => getPairingForStaff(world.actors.COORDINATOR, "no-such-pairing"));
  });
});
