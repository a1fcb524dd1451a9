// The "already-paired" rule: a mentee has a mentor while they are in a trial, active or paused
// pairing (pairings/status.ts, HELD_STATUSES), and never two at once in a programme. createPairing
// checks it; these tests try the other ways in.
import { submit } from "@/test-support/commands";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { addMentor, createPairingRow, createStudent } from "@/server/factories";
import { actorFor } from "@/test-support/actors";
import { buildSchool } from "@/test-support/school";
import { changePairingStatus, createPairing } from "./commands";

async function liveMenteePairings(studentId: string, programmeId: string) {
  return db.pairingMember.count({ where: { studentId, role: "MENTEE", pairing: { programmeId, status: { in: ["TRIAL", "ACTIVE"] } } } });
}

describe("a mentee never has two live pairings in a programme", () => {
  it("refuses a second mentor for a mentee whose pairing is paused: they still have a mentor", async () => {
    const s = await buildSchool({ withCalendar: false });
    const coordinator = await actorFor(s.staff.coordinator);
    expect((await changePairingStatus.run(coordinator, { pairingId: s.pairing.id, status: "PAUSED" })).ok).toBe(true);
    const repaired = await submit(createPairing, coordinator, {
      programmeId: s.programme.id,
      kind: "ONE_TO_ONE",
      mentorIds: s.pupils.spareMentor.id,
      menteeIds: s.pupils.mentee.id,
      startsOn: s.today,
    });
    expect(repaired.ok).toBe(false);
    expect(repaired.message).toMatch(/already has a mentor in this programme\. End that pairing first/);
  });

  it("refuses to resume a paused pairing when the mentee was given another mentor meanwhile (data from before this rule)", async () => {
    const s = await buildSchool({ withCalendar: false });
    const coordinator = await actorFor(s.staff.coordinator);
    expect((await changePairingStatus.run(coordinator, { pairingId: s.pairing.id, status: "PAUSED" })).ok).toBe(true);
    await createPairingRow(db, {
      schoolId: s.school.id,
      programmeId: s.programme.id,
      createdById: s.staff.coordinator.id,
      mentorIds: [s.pupils.spareMentor.id],
      menteeIds: [s.pupils.mentee.id],
      status: "TRIAL",
    });

    const resumed = await changePairingStatus.run(coordinator, { pairingId: s.pairing.id, status: "ACTIVE" });
    expect(resumed.ok, "resuming would give the mentee a second live mentor").toBe(false);
    expect(await liveMenteePairings(s.pupils.mentee.id, s.programme.id)).toBe(1);
  });

  it("refuses the second of two pairings created at the same moment for one mentee", async () => {
    const s = await buildSchool({ withCalendar: false });
    const coordinator = await actorFor(s.staff.coordinator);
    const secondMentor = await createStudent(db, { schoolId: s.school.id, yearGroup: 11, today: s.today });
    await addMentor(db, { schoolId: s.school.id, programmeId: s.programme.id, studentId: secondMentor.id });
    const input = (mentorId: string) => ({
      programmeId: s.programme.id,
      kind: "ONE_TO_ONE",
      mentorIds: mentorId,
      menteeIds: s.pupils.spareMentee.id,
      startsOn: s.today,
    });

    // Hold the mentee's row so both commands read "no live pairing" and then wait at their insert;
    // release it once both are waiting. Without a lock on the mentee, both then succeed.
    const results = await db
      .$transaction(
        async (tx) => {
          await tx.$queryRaw`SELECT id FROM "Student" WHERE id = ${s.pupils.spareMentee.id} FOR UPDATE`;
          const [{ holder }] = await tx.$queryRaw<[{ holder: number }]>`SELECT pg_backend_pid() AS holder`;
          const running = Promise.all([
            submit(createPairing, coordinator, input(s.pupils.spareMentor.id)),
            submit(createPairing, coordinator, input(secondMentor.id)),
          ]);
          for (let i = 0; i < 50; i += 1) {
            const [{ waiting }] = await db.$queryRaw<[{ waiting: number }]>`
            SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE ${holder}::int = ANY(pg_blocking_pids(pid))`;
            if (waiting >= 2) break;
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
          return { running };
        },
        { timeout: 10_000 },
      )
      .then(({ running }) => running);

    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await liveMenteePairings(s.pupils.spareMentee.id, s.programme.id)).toBe(1);
  });
});
