// Manual pairing under the matching issue's hard rules: training (overridable with a recorded
// reason), keep-apart (no override), the year-gap range and shared free time.
import { submit } from "@/test-support/commands";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { actorFor } from "@/test-support/actors";
import { buildSchool } from "@/test-support/school";
import { createPairing } from "./commands";
import { addKeepApart, removeKeepApart } from "@/features/keep-apart/commands";

async function setUp() {
  const s = await buildSchool();
  const coordinator = await actorFor(s.staff.coordinator);
  const input = {
    programmeId: s.programme.id,
    kind: "ONE_TO_ONE",
    mentorIds: s.pupils.spareMentor.id,
    menteeIds: s.pupils.spareMentee.id,
    startsOn: s.today,
  };
  return { s, coordinator, input };
}

describe("manual pairing hard rules", () => {
  it("refuses an untrained mentor unless a reason is given, and records and audits the reason", async () => {
    const { s, coordinator, input } = await setUp();
    await db.mentorProfile.updateMany({ where: { studentId: s.pupils.spareMentor.id }, data: { trainingComplete: false } });

    const refused = await submit(createPairing, coordinator, input);
    expect(refused.ok).toBe(false);
    expect(refused.fieldErrors?.trainingOverrideReason?.[0]).toMatch(/has not finished the required training/);

    const allowed = await submit(createPairing, coordinator, {
      ...input,
      trainingOverrideReason: "Training booked for Friday; trial supervised",
    });
    expect(allowed.ok).toBe(true);
    const pairing = await db.pairing.findFirstOrThrow({ where: { id: allowed.recordId! } });
    expect(pairing.trainingOverrideReason).toBe("Training booked for Friday; trial supervised");
    const audit = await db.auditLog.findFirstOrThrow({ where: { recordId: pairing.id, action: "pairing.created" } });
    expect((audit.changes as Record<string, unknown>).trainingOverrideReason).toBe("Training booked for Friday; trial supervised");
  });

  it("does not record an override reason when the mentor is trained", async () => {
    const { coordinator, input } = await setUp();
    const result = await submit(createPairing, coordinator, { ...input, trainingOverrideReason: "Not needed" });
    expect(result.ok).toBe(true);
    const pairing = await db.pairing.findFirstOrThrow({ where: { id: result.recordId! } });
    expect(pairing.trainingOverrideReason).toBeNull();
  });

  it("never pairs a keep-apart pair, whatever reason is given", async () => {
    const { s, coordinator, input } = await setUp();
    const kept = await addKeepApart.run(coordinator, {
      studentAId: s.pupils.spareMentee.id,
      studentBId: s.pupils.spareMentor.id,
      reason: "Known bullying relationship",
    });
    expect(kept.ok).toBe(true);
    const refused = await submit(createPairing, coordinator, { ...input, trainingOverrideReason: "Please" });
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/must be kept apart/);
    expect(await db.pairing.count({ where: { schoolId: s.school.id } })).toBe(2);

    const removed = await removeKeepApart.run(coordinator, { keepApartId: kept.recordId! });
    expect(removed.ok).toBe(true);
    expect((await submit(createPairing, coordinator, input)).ok).toBe(true);
  });

  it("refuses a mentor more than the programme's maximum gap older", async () => {
    const { s, coordinator, input } = await setUp();
    await db.programme.updateMany({ where: { id: s.programme.id }, data: { maxYearGap: 2 } });
    const refused = await submit(createPairing, coordinator, input); // Year 10 with Year 7
    expect(refused.ok).toBe(false);
    expect(refused.fieldErrors?.mentorIds?.join(" ")).toMatch(/more than 2 years older/);
  });

  it("refuses pupils who are never free at the same time, but only when both have said when they are free", async () => {
    const { s, coordinator, input } = await setUp();
    await db.student.updateMany({ where: { id: s.pupils.spareMentor.id }, data: { availability: ["MON_LUNCH"] } });
    expect((await submit(createPairing, coordinator, input)).ok).toBe(true);

    const other = await setUp();
    await db.student.updateMany({ where: { id: other.s.pupils.spareMentor.id }, data: { availability: ["MON_LUNCH"] } });
    await db.student.updateMany({ where: { id: other.s.pupils.spareMentee.id }, data: { availability: ["TUE_BREAK"] } });
    const refused = await submit(createPairing, other.coordinator, other.input);
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/never free at the same time/);
  });
});

describe("keep-apart list", () => {
  it("stores a pair once in either order and refuses a duplicate", async () => {
    const { s, coordinator } = await setUp();
    const first = await addKeepApart.run(coordinator, {
      studentAId: s.pupils.mentor.id,
      studentBId: s.pupils.otherMentee.id,
      reason: "Fell out badly",
    });
    expect(first.ok).toBe(true);
    const again = await addKeepApart.run(coordinator, {
      studentAId: s.pupils.otherMentee.id,
      studentBId: s.pupils.mentor.id,
      reason: "Again",
    });
    expect(again.ok).toBe(false);
    expect(again.message).toMatch(/already kept apart/);
    const audit = await db.auditLog.findFirstOrThrow({ where: { recordId: first.recordId!, action: "keep_apart.added" } });
    expect((audit.changes as Record<string, unknown>).reason).toBe("[redacted]");
  });

  it("refuses a pupil of another school as not found, writing nothing", async () => {
    const { s, coordinator } = await setUp();
    const other = await buildSchool();
    const result = await addKeepApart.run(coordinator, {
      studentAId: s.pupils.mentor.id,
      studentBId: other.pupils.mentee.id,
      reason: "Cross-school",
    });
    expect(result.ok).toBe(false);
    expect(await db.keepApart.count({ where: { schoolId: s.school.id } })).toBe(0);
  });

  it("the database refuses a pair stored out of order", async () => {
    const { s } = await setUp();
    const [x, y] = [s.pupils.mentor.id, s.pupils.mentee.id].sort() as [string, string];
    await expect(
      db.keepApart.create({
        data: { schoolId: s.school.id, studentAId: y, studentBId: x, reason: "r", createdById: s.staff.coordinator.id },
      }),
    ).rejects.toThrow();
  });
});
