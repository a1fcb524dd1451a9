import { REFUSED_UNLESS_COORDINATOR } from "@/test-support/expectations";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { NOT_FOUND_MESSAGE } from "@/server/command";
import { addDaysIso, formatStaffDate, fromDbDate } from "@/lib/dates";
import { expectRefusedWithoutWrites, runCommand } from "@/test-support/commands";
import { auditEntriesBy } from "@/test-support/snapshot";
import { buildWorld, type RoleColumn } from "@/test-support/school";
import { recordReview } from "./commands";

type World = Awaited<ReturnType<typeof buildWorld>>;

describe("recordReview", () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });
  const input = (w: World) => ({
    pairingId: w.a.pairing.id,
    heldOn: w.a.today,
    progress: "4",
    notes: "Mentee opened up about home (private)",
    decision: "CONTINUE",
  });
  const ids = () => [world.a.school.id, world.b.school.id];

  it.each<[RoleColumn, string]>(REFUSED_UNLESS_COORDINATOR)("is refused for %s and writes nothing", async (role, message) => {
    await expectRefusedWithoutWrites(recordReview, world.actors[role], input(world), ids(), message);
  });

  it("lets a coordinator record a review, with the notes redacted in the audit log", async () => {
    const { result, changes } = await runCommand(recordReview, world.actors.COORDINATOR, input(world), ids());
    expect(result.ok, result.message).toBe(true);
    expect(changes).toEqual({ reviews: 1, auditLogs: 1, idempotencyKeys: 1 });
    const review = await db.review.findFirstOrThrow({ where: { id: result.recordId! } });
    expect(review).toMatchObject({
      schoolId: world.a.school.id,
      pairingId: world.a.pairing.id,
      reviewerId: world.a.staff.coordinator.id,
      progress: 4,
      decision: "CONTINUE",
      notes: "Mentee opened up about home (private)",
    });
    expect(fromDbDate(review.heldOn)).toBe(world.a.today);

    const [audit] = await auditEntriesBy(world.a.staff.coordinator.id, 1);
    expect(audit).toMatchObject({ action: "review.recorded", recordType: "Review", recordId: review.id, schoolId: world.a.school.id });
    expect(audit!.changes).toEqual({
      pairingId: world.a.pairing.id,
      heldOn: world.a.today,
      progress: 4,
      notes: "[redacted]",
      decision: "CONTINUE",
    });
    expect(JSON.stringify(audit!.changes)).not.toContain("private");
  });

  it("refuses a review dated in the future or before the pairing started, saying the dates allowed", async () => {
    const allowed = `Choose a date from ${formatStaffDate(world.a.pairing.startsOn)} to today.`;
    const result = await expectRefusedWithoutWrites(
      recordReview,
      world.actors.COORDINATOR,
      { ...input(world), heldOn: addDaysIso(world.a.today, 1) },
      ids(),
      allowed,
    );
    expect(result.fieldErrors?.heldOn).toEqual([allowed]);
    await expectRefusedWithoutWrites(recordReview, world.actors.COORDINATOR, { ...input(world), heldOn: "1900-01-01" }, ids(), allowed);
  });

  it("treats another school's pairing as not found", async () => {
    await expectRefusedWithoutWrites(
      recordReview,
      world.actors.COORDINATOR,
      { ...input(world), pairingId: world.b.pairing.id },
      ids(),
      NOT_FOUND_MESSAGE,
    );
  });

  it("refuses a rating out of range", async () => {
    const result = await expectRefusedWithoutWrites(
      recordReview,
      world.actors.COORDINATOR,
      { ...input(world), progress: "9" },
      ids(),
      "Please check the highlighted fields.",
    );
    expect(result.fieldErrors?.progress).toEqual(["Choose a rating from 1 to 5."]);
  });
});
