// The one pause operation (pause.ts, ADR 022), run inside a transaction as the concern and pause
// commands run it: what it pauses, what it restores, and that a pause happens once however often,
// or however many at the same moment, it is asked for.
import { beforeAll, describe, expect, it } from "vitest";
import { db, type Tx } from "@/server/db";
import { NotFoundError, RuleError } from "@/server/errors";
import { addMentee, addMentor, createPairingRow, createStudent } from "@/server/factories";
import { buildSchool, type TestSchool } from "@/test-support/school";
import { pausePlace, resumePause, type PauseRequest } from "./pause";

const inTx = <T>(fn: (tx: Tx) => Promise<T>) => db.$transaction(fn);

function request(s: TestSchool, pairingId: string, studentId: string | null, extra: Partial<PauseRequest> = {}): PauseRequest {
  return {
    schoolId: s.school.id,
    pairingId,
    studentId,
    source: "MENTEE",
    reason: "Too much on",
    pausedById: s.staff.coordinator.id,
    ...extra,
  };
}

const pairingRow = (id: string) => db.pairing.findFirstOrThrow({ where: { id }, select: { status: true } });
const pausesOf = (pairingId: string) => db.pause.findMany({ where: { pairingId }, orderBy: { pausedAt: "asc" } });

/** A group of one mentor (room for three) and three new mentees in school `s`. */
async function groupOfThree(s: TestSchool) {
  const pupil = (yearGroup: number) => createStudent(db, { schoolId: s.school.id, yearGroup, today: s.today });
  const [mentor, a, b, c] = await Promise.all([pupil(11), pupil(7), pupil(7), pupil(8)]);
  await addMentor(db, { schoolId: s.school.id, programmeId: s.programme.id, studentId: mentor.id, capacity: 3 });
  for (const m of [a, b, c]) await addMentee(db, { schoolId: s.school.id, programmeId: s.programme.id, studentId: m.id });
  const pairing = await createPairingRow(db, {
    schoolId: s.school.id,
    programmeId: s.programme.id,
    createdById: s.staff.coordinator.id,
    mentorIds: [mentor.id],
    menteeIds: [a.id, b.id, c.id],
    kind: "GROUP",
    status: "ACTIVE",
  });
  return { pairingId: pairing.id, mentees: [a.id, b.id, c.id] as const };
}

describe("pausePlace and resumePause", () => {
  let s: TestSchool;
  beforeAll(async () => {
    s = await buildSchool();
  });

  it("pauses a 1:1 mentee's place as the whole pairing, and resumes it to the status it had", async () => {
    const paused = await inTx((tx) => pausePlace(tx, request(s, s.pairing.id, s.pupils.mentee.id)));
    expect(paused).toMatchObject({ scope: "PAIRING", alreadyPaused: false, from: "ACTIVE", pairingId: s.pairing.id });
    expect(await pairingRow(s.pairing.id)).toEqual({ status: "PAUSED" });
    const [row] = await pausesOf(s.pairing.id);
    expect(row).toMatchObject({
      id: paused.pauseId,
      studentId: null,
      source: "MENTEE",
      reason: "Too much on",
      resumeTo: "ACTIVE",
      endedAt: null,
    });
    expect(await db.pairingMember.count({ where: { pairingId: s.pairing.id, pausedAt: { not: null } } })).toBe(0);

    const resumed = await inTx((tx) =>
      resumePause(tx, { schoolId: s.school.id, pauseId: paused.pauseId, endedById: s.staff.coordinator.id }),
    );
    expect(resumed).toMatchObject({ scope: "PAIRING", alreadyEnded: false, restoredTo: "ACTIVE", source: "MENTEE" });
    expect(await pairingRow(s.pairing.id)).toEqual({ status: "ACTIVE" });
    expect(await db.pause.findFirstOrThrow({ where: { id: paused.pauseId } })).toMatchObject({ endedById: s.staff.coordinator.id });

    // A second resume ends nothing more.
    const again = await inTx((tx) =>
      resumePause(tx, { schoolId: s.school.id, pauseId: paused.pauseId, endedById: s.staff.coordinator.id }),
    );
    expect(again).toMatchObject({ alreadyEnded: true, restoredTo: null });
    expect(await pairingRow(s.pairing.id)).toEqual({ status: "ACTIVE" });
  });

  it("resumes a paused trial as a trial", async () => {
    const t = await buildSchool();
    await db.pairing.updateMany({ where: { id: t.otherPairing.id }, data: { status: "TRIAL" } });
    const paused = await inTx((tx) => pausePlace(tx, request(t, t.otherPairing.id, null, { source: "COORDINATOR" })));
    expect(paused).toMatchObject({ scope: "PAIRING", from: "TRIAL" });
    expect((await pausesOf(t.otherPairing.id))[0]).toMatchObject({ resumeTo: "TRIAL" });
    await inTx((tx) => resumePause(tx, { schoolId: t.school.id, pauseId: paused.pauseId, endedById: t.staff.coordinator.id }));
    expect(await pairingRow(t.otherPairing.id)).toEqual({ status: "TRIAL" });
  });

  it("pauses one mentee's place in a group, and the group goes on; the last place still meeting pauses the group", async () => {
    const g = await groupOfThree(s);
    const [a, b, c] = g.mentees;
    const first = await inTx((tx) => pausePlace(tx, request(s, g.pairingId, a)));
    expect(first).toMatchObject({ scope: "PLACE", alreadyPaused: false, from: null });
    expect(await pairingRow(g.pairingId)).toEqual({ status: "ACTIVE" });
    const placed = await db.pairingMember.findMany({
      where: { pairingId: g.pairingId, pausedAt: { not: null } },
      select: { studentId: true },
    });
    expect(placed.map((m) => m.studentId)).toEqual([a]);
    expect((await pausesOf(g.pairingId))[0]).toMatchObject({ studentId: a, resumeTo: null });

    const second = await inTx((tx) => pausePlace(tx, request(s, g.pairingId, b)));
    expect(second.scope).toBe("PLACE");
    // c is the only one still meeting: their pause is the group's.
    const third = await inTx((tx) => pausePlace(tx, request(s, g.pairingId, c)));
    expect(third).toMatchObject({ scope: "PAIRING", from: "ACTIVE" });
    expect(await pairingRow(g.pairingId)).toEqual({ status: "PAUSED" });
    // a asking again is covered by the group's pause.
    expect(await inTx((tx) => pausePlace(tx, request(s, g.pairingId, a)))).toMatchObject({ pauseId: third.pauseId, alreadyPaused: true });

    // a's place is taken up again while the group is paused; then the group goes on, with b still paused.
    const end = (pauseId: string) => inTx((tx) => resumePause(tx, { schoolId: s.school.id, pauseId, endedById: s.staff.coordinator.id }));
    expect(await end(first.pauseId)).toMatchObject({ scope: "PLACE", restoredTo: null, studentId: a });
    expect(await end(third.pauseId)).toMatchObject({ scope: "PAIRING", restoredTo: "ACTIVE" });
    const stillPaused = await db.pairingMember.findMany({
      where: { pairingId: g.pairingId, pausedAt: { not: null } },
      select: { studentId: true },
    });
    expect(stillPaused.map((m) => m.studentId)).toEqual([b]);
    expect(await db.pause.count({ where: { pairingId: g.pairingId, endedAt: null } })).toBe(1);
  });

  it("pauses the same thing once: a second pause returns the live one and writes nothing", async () => {
    const g = await groupOfThree(s);
    const first = await inTx((tx) => pausePlace(tx, request(s, g.pairingId, g.mentees[0])));
    const second = await inTx((tx) => pausePlace(tx, request(s, g.pairingId, g.mentees[0], { source: "COORDINATOR", reason: "Again" })));
    expect(second).toEqual({ pauseId: first.pauseId, pairingId: g.pairingId, scope: "PLACE", alreadyPaused: true, from: null });
    expect(await pausesOf(g.pairingId)).toHaveLength(1);
  });

  it("pauses once when two pauses of the same pairing arrive at the same moment, every time", async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const t = await buildSchool();
      const results = await Promise.all([
        inTx((tx) => pausePlace(tx, request(t, t.pairing.id, t.pupils.mentee.id))),
        inTx((tx) => pausePlace(tx, request(t, t.pairing.id, null, { source: "CONCERN", reason: "From a concern" }))),
      ]);
      expect(results.map((r) => r.alreadyPaused).sort()).toEqual([false, true]);
      expect(new Set(results.map((r) => r.pauseId)).size).toBe(1);
      expect(await pausesOf(t.pairing.id)).toHaveLength(1);
      expect(await pairingRow(t.pairing.id)).toEqual({ status: "PAUSED" });
    }
  });

  it("keeps one live pause per pairing and per place in the database itself", async () => {
    const t = await buildSchool();
    const paused = await inTx((tx) => pausePlace(tx, request(t, t.otherPairing.id, null)));
    const row = await db.pause.findFirstOrThrow({ where: { id: paused.pauseId } });
    const copy = { schoolId: row.schoolId, pairingId: row.pairingId, source: row.source, reason: "Again", pausedById: row.pausedById };
    await expect(db.pause.create({ data: copy })).rejects.toThrow(/Unique constraint|unique/i);
    // Once it has ended, a new pause may begin.
    await inTx((tx) => resumePause(tx, { schoolId: t.school.id, pauseId: paused.pauseId, endedById: t.staff.coordinator.id }));
    expect((await inTx((tx) => pausePlace(tx, request(t, t.otherPairing.id, null)))).alreadyPaused).toBe(false);
  });

  it("refuses to pause an ended pairing, and writes nothing", async () => {
    const t = await buildSchool();
    await db.pairing.updateMany({ where: { id: t.otherPairing.id }, data: { status: "ENDED", closureReason: "GOALS_MET" } });
    const attempt = inTx((tx) => pausePlace(tx, request(t, t.otherPairing.id, t.pupils.otherMentee.id)));
    await expect(attempt).rejects.toThrow(RuleError);
    await expect(attempt).rejects.toThrow("This pairing has ended, so it cannot be paused.");
    expect(await pausesOf(t.otherPairing.id)).toHaveLength(0);
  });

  it("treats another school's pairing, pause or pupil as not found", async () => {
    const other = await buildSchool();
    const asOther = { ...request(s, s.otherPairing.id, null), schoolId: other.school.id };
    await expect(inTx((tx) => pausePlace(tx, asOther))).rejects.toThrow(NotFoundError);
    // A pupil who is not a mentee of this pairing (its mentor, or another school's pupil).
    await expect(inTx((tx) => pausePlace(tx, request(s, s.otherPairing.id, s.pupils.otherMentor.id)))).rejects.toThrow(NotFoundError);
    await expect(inTx((tx) => pausePlace(tx, request(s, s.otherPairing.id, other.pupils.mentee.id)))).rejects.toThrow(NotFoundError);
    const paused = await inTx((tx) => pausePlace(tx, request(s, s.otherPairing.id, null)));
    await expect(
      inTx((tx) => resumePause(tx, { schoolId: other.school.id, pauseId: paused.pauseId, endedById: other.staff.coordinator.id })),
    ).rejects.toThrow(NotFoundError);
    expect(await pairingRow(s.otherPairing.id)).toEqual({ status: "PAUSED" });
    expect(await pausesOf(other.pairing.id)).toHaveLength(0);
  });

  it("does not resume a pairing whose mentor took another mentee while it was paused", async () => {
    const t = await buildSchool();
    // otherMentor has room for one: paused with otherMentee, then given the spare mentee.
    const paused = await inTx((tx) => pausePlace(tx, request(t, t.otherPairing.id, t.pupils.otherMentee.id)));
    await createPairingRow(db, {
      schoolId: t.school.id,
      programmeId: t.programme.id,
      createdById: t.staff.coordinator.id,
      mentorIds: [t.pupils.otherMentor.id],
      menteeIds: [t.pupils.spareMentee.id],
    });
    const attempt = inTx((tx) => resumePause(tx, { schoolId: t.school.id, pauseId: paused.pauseId, endedById: t.staff.coordinator.id }));
    await expect(attempt).rejects.toThrow(/can support 1 mentee at once and already has 1/);
    expect(await pairingRow(t.otherPairing.id)).toEqual({ status: "PAUSED" });
    expect(await db.pause.findFirstOrThrow({ where: { id: paused.pauseId } })).toMatchObject({ endedAt: null });
  });
});
