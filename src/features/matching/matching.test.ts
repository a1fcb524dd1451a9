// The matching screen's data and commands on PostgreSQL: waiting mentees only, keep-apart and
// rejected pairs left out, weights that change the result, and accept-all as all-or-nothing.
import { submit } from "@/test-support/commands";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { actorFor } from "@/test-support/actors";
import { buildSchool } from "@/test-support/school";
import { addKeepApartRow } from "@/server/factories";
import { DEFAULT_WEIGHTS } from "@/lib/matching/types";
import { getGroupSuggestions, getSuggestions, loadMatchingInput } from "./queries";
import { acceptSuggestions, saveMatchWeights } from "./commands";
import { createPairing } from "@/features/pairings/commands";
import { getMentorChoices } from "@/features/profiles/queries";

async function setUp() {
  const s = await buildSchool();
  // Everyone free on Monday lunch, so the shared-slot rule is met.
  await db.student.updateMany({ where: { schoolId: s.school.id }, data: { availability: ["MON_LUNCH"], interests: ["chess"] } });
  const coordinator = await actorFor(s.staff.coordinator);
  return { s, coordinator };
}

describe("matching queries", () => {
  it("offers only mentees without a live pairing, and mentors with their current load", async () => {
    const { s, coordinator } = await setUp();
    const { input } = await loadMatchingInput(coordinator, s.programme.id);
    expect(input.mentees.map((m) => m.id)).toEqual([s.pupils.spareMentee.id]);
    const sam = input.mentors.find((m) => m.id === s.pupils.mentor.id)!;
    expect(sam.currentLoad).toBe(1);
  });

  it("suggests a valid mentor with reasons, and never a keep-apart or rejected one", async () => {
    const { s, coordinator } = await setUp();
    const first = await getSuggestions(coordinator, s.programme.id);
    expect(first.result.suggestions).toHaveLength(1);
    const suggested = first.result.suggestions[0]!;
    expect(suggested.menteeId).toBe(s.pupils.spareMentee.id);
    expect(suggested.reasons.map((r) => r.text).join(" ")).toMatch(/both free Mon lunch/);

    const rejected = await getSuggestions(coordinator, s.programme.id, { rejected: [[suggested.menteeId, suggested.mentorId]] });
    expect(rejected.result.suggestions.every((x) => x.mentorId !== suggested.mentorId)).toBe(true);

    await addKeepApartRow(db, {
      schoolId: s.school.id,
      studentIds: [s.pupils.spareMentee.id, suggested.mentorId],
      reason: "r",
      createdById: s.staff.dsl.id,
    });
    const kept = await getSuggestions(coordinator, s.programme.id);
    expect(kept.result.suggestions.every((x) => x.mentorId !== suggested.mentorId)).toBe(true);
    expect([...(kept.alternatives.get(s.pupils.spareMentee.id) ?? [])].every((a) => a.mentorId !== suggested.mentorId)).toBe(true);
  });

  it("changing the weights changes the scores", async () => {
    const { s, coordinator } = await setUp();
    const base = await getSuggestions(coordinator, s.programme.id);
    const heavy = await getSuggestions(coordinator, s.programme.id, { weights: { ...DEFAULT_WEIGHTS, sharedInterests: 40 } });
    expect(heavy.result.suggestions[0]!.score).toBeGreaterThan(base.result.suggestions[0]!.score);
    expect(heavy.weights.sharedInterests).toBe(40);
  });

  it("suggests groups under the same rules", async () => {
    const { s, coordinator } = await setUp();
    const { result } = await getGroupSuggestions(coordinator, s.programme.id);
    expect(result.placedCount + result.unplaced.length).toBe(1);
  });
});

describe("a split lunch (ADR 014)", () => {
  /** Year `yearGroup` has its own lunch in this school. */
  async function splitLunch(schoolId: string, yearGroup: number, startTime: string, endTime: string) {
    const lunch = await db.schoolSlot.findFirstOrThrow({ where: { schoolId, key: "LUNCH" } });
    await db.schoolSlotYearTime.upsert({
      where: { schoolId_slotId_yearGroup: { schoolId, slotId: lunch.id, yearGroup } },
      create: { schoolId, slotId: lunch.id, yearGroup, startTime, endTime },
      update: { startTime, endTime },
    });
  }

  it("is not shared free time: no suggestion and no pairing by hand, until both year groups eat at the same time", async () => {
    const { s, coordinator } = await setUp();
    // Everyone is free on Monday lunch, but Year 7 (Ruby, waiting) eats at 12:00 and Year 10 (her mentors) at 13:00.
    await splitLunch(s.school.id, 7, "12:00", "12:40");
    await splitLunch(s.school.id, 10, "13:00", "13:40");
    const split = await getSuggestions(coordinator, s.programme.id);
    expect(split.result.suggestions).toEqual([]);
    expect(split.result.unmatched).toEqual([expect.objectContaining({ menteeId: s.pupils.spareMentee.id, code: "no-shared-slot" })]);
    const byHand = await submit(createPairing, coordinator, {
      programmeId: s.programme.id,
      kind: "ONE_TO_ONE",
      mentorIds: s.pupils.spareMentor.id,
      menteeIds: s.pupils.spareMentee.id,
      startsOn: s.today,
    });
    expect(byHand).toMatchObject({ ok: false, message: expect.stringMatching(/never free at the same time/) });

    // Year 10 moves to Year 7's lunch: now they share it, said with its times.
    await splitLunch(s.school.id, 10, "12:00", "12:40");
    const shared = await getSuggestions(coordinator, s.programme.id);
    expect(shared.result.suggestions.map((x) => x.menteeId)).toEqual([s.pupils.spareMentee.id]);
    expect(shared.result.suggestions[0]!.reasons.map((r) => r.text).join(" ")).toMatch(/both free Mon lunch \(12:00–12:40\)/);
  });

  it("a mentee offered mentors to rank sees only those who share a lunch time with them", async () => {
    const { s } = await setUp();
    // Maya (Year 8) is waiting again; her possible mentors are Sam and Finn (Year 10) and Kai (Year 11).
    await db.pairing.updateMany({ where: { id: s.pairing.id }, data: { status: "ENDED", closureReason: "MISMATCH" } });
    await splitLunch(s.school.id, 10, "13:00", "13:40");
    const maya = await actorFor(s.pupils.mentee.userId!);
    const [choice] = await getMentorChoices(maya);
    expect(choice!.mentors.map((m) => m.studentId)).toEqual([s.pupils.otherMentor.id]);
  });
});

describe("matching commands", () => {
  it("accept all creates trial pairings and audits each", async () => {
    const { s, coordinator } = await setUp();
    const { result } = await getSuggestions(coordinator, s.programme.id);
    const pairs = result.suggestions.map((x) => `${x.menteeId}:${x.mentorId}`);
    const accepted = await submit(acceptSuggestions, coordinator, { programmeId: s.programme.id, pairs });
    expect(accepted.ok).toBe(true);
    const created = await db.pairing.findMany({
      where: { schoolId: s.school.id, status: "TRIAL" },
      select: { id: true, trialEndsOn: true },
    });
    expect(created).toHaveLength(1);
    expect(created[0]!.trialEndsOn).not.toBeNull();
    expect(await db.auditLog.count({ where: { recordId: created[0]!.id, action: "pairing.created" } })).toBe(1);
  });

  it("accept all saves nothing when one pair breaks a rule", async () => {
    const { s, coordinator } = await setUp();
    const good = `${s.pupils.spareMentee.id}:${s.pupils.spareMentor.id}`;
    const alreadyPaired = `${s.pupils.mentee.id}:${s.pupils.spareMentor.id}`;
    const before = await db.pairing.count({ where: { schoolId: s.school.id } });
    const result = await submit(acceptSuggestions, coordinator, { programmeId: s.programme.id, pairs: [good, alreadyPaired] });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/Nothing was saved/);
    expect(await db.pairing.count({ where: { schoolId: s.school.id } })).toBe(before);
  });

  it("saved weights become the programme's and are used next time", async () => {
    const { s, coordinator } = await setUp();
    const saved = await saveMatchWeights.run(coordinator, {
      programmeId: s.programme.id,
      focusFit: "9",
      rankedFirst: "20",
      rankedSecond: "10",
      rankedThird: "5",
      sharedInterests: "7",
      yearGapCloseness: "1",
      livedExperience: "0",
    });
    expect(saved.ok).toBe(true);
    const { input } = await loadMatchingInput(coordinator, s.programme.id);
    expect(input.weights.sharedInterests).toBe(7);
    expect(input.weights.menteeRanking).toEqual([20, 10, 5]);
    const bad = await saveMatchWeights.run(coordinator, { programmeId: s.programme.id, focusFit: "-1" });
    expect(bad.ok).toBe(false);
    expect(bad.fieldErrors?.focusFit).toBeDefined();
  });
});
