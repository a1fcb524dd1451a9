import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { actorFor } from "@/test-support/actors";
import { buildSchool } from "@/test-support/school";
import { addKeepApartRow, addMentor, createStudent } from "@/server/factories";
import { eligibleMentorIds } from "./eligibility";
import { setMentorPreferencesSchema, updateMyProfileSchema } from "./schemas";
import { getMentorChoices } from "./queries";
import { setMentorPreferences, updateMyProfile } from "./commands";
import { NOT_FOUND_MESSAGE } from "@/server/command";
import { expectRefusedWithoutWrites } from "@/test-support/commands";

describe("eligibleMentorIds", () => {
  const rules = { minYearGap: 1, maxYearGap: 3, isTrainingRequired: true };
  const mentors = [
    { studentId: "older", yearGroup: 9, isTrained: true, slots: [] },
    { studentId: "same", yearGroup: 7, isTrained: true, slots: [] },
    { studentId: "much-older", yearGroup: 11, isTrained: true, slots: [] },
    { studentId: "untrained", yearGroup: 9, isTrained: false, slots: [] },
    { studentId: "kept-apart", yearGroup: 9, isTrained: true, slots: [] },
    { studentId: "never-free-together", yearGroup: 9, isTrained: true, slots: ["FRI_LUNCH"] },
  ];
  it("keeps only mentors the hard rules allow, and never a keep-apart pupil", () => {
    expect(eligibleMentorIds({ studentId: "me", yearGroup: 7, slots: ["MON_LUNCH"] }, mentors, rules, [["kept-apart", "me"]])).toEqual([
      "older",
    ]);
  });
  it("lets an untrained mentor be seen when the programme does not require training", () => {
    expect(eligibleMentorIds({ studentId: "me", yearGroup: 7, slots: [] }, mentors, { ...rules, isTrainingRequired: false }, [])).toContain(
      "untrained",
    );
  });
});

describe("profile schemas", () => {
  it("tidies interests and rejects unknown slots", () => {
    expect(
      updateMyProfileSchema.parse({ interests: " Football, chess,football ", availability: "MON_LUNCH", aboutMe: "" }).interests,
    ).toEqual(["football", "chess"]);
    expect(updateMyProfileSchema.safeParse({ interests: "", availability: ["SAT_NIGHT"] }).success).toBe(false);
  });
  it("needs a choice or no preference, and no repeats", () => {
    expect(setMentorPreferencesSchema.safeParse({ programmeId: "p" }).success).toBe(false);
    expect(setMentorPreferencesSchema.parse({ programmeId: "p", hasNoPreference: "on", first: "x" }).ranking).toEqual([]);
    expect(setMentorPreferencesSchema.safeParse({ programmeId: "p", first: "a", second: "a" }).success).toBe(false);
  });
});

describe("a pupil's own profile and choices", () => {
  it("a pupil edits only their own details, audited", async () => {
    const s = await buildSchool();
    const mentee = await actorFor(s.pupils.mentee.userId!);
    const result = await updateMyProfile.run(mentee, {
      interests: "drawing",
      availability: ["TUE_LUNCH"],
      aboutMe: "Hi",
      studentId: s.pupils.otherMentee.id,
    });
    expect(result.ok).toBe(true);
    const [me, other] = await Promise.all([
      db.student.findFirstOrThrow({ where: { id: s.pupils.mentee.id } }),
      db.student.findFirstOrThrow({ where: { id: s.pupils.otherMentee.id } }),
    ]);
    expect(me.interests).toEqual(["drawing"]);
    expect(other.interests).toEqual([]);
    expect(await db.auditLog.count({ where: { recordId: s.pupils.mentee.id, action: "student.profile_updated" } })).toBe(1);
  });

  it("a mentee who already has a mentor is offered no choices, and the action refuses theirs (paused counts)", async () => {
    const s = await buildSchool();
    const mentee = await actorFor(s.pupils.mentee.userId!);
    const input = { programmeId: s.programme.id, first: s.pupils.spareMentor.id };
    expect(await getMentorChoices(mentee)).toEqual([]);
    await expectRefusedWithoutWrites(setMentorPreferences, mentee, input, [s.school.id], NOT_FOUND_MESSAGE);
    await db.pairing.updateMany({ where: { id: s.pairing.id }, data: { status: "PAUSED" } });
    expect(await getMentorChoices(mentee)).toEqual([]);
    await expectRefusedWithoutWrites(setMentorPreferences, mentee, input, [s.school.id], NOT_FOUND_MESSAGE);
    // Once the pairing has ended they are waiting again, and may choose.
    await db.pairing.updateMany({ where: { id: s.pairing.id }, data: { status: "ENDED", closureReason: "MISMATCH" } });
    expect((await getMentorChoices(mentee)).map((c) => c.programmeId)).toEqual([s.programme.id]);
    expect((await setMentorPreferences.run(mentee, input)).ok).toBe(true);
  });

  it("a mentee sees short profiles of eligible mentors only, and cannot rank anyone else", async () => {
    const s = await buildSchool();
    // Waiting for a mentor: their earlier pairing ended.
    await db.pairing.updateMany({ where: { id: s.pairing.id }, data: { status: "ENDED", closureReason: "MISMATCH" } });
    const keptApartMentor = await createStudent(db, {
      schoolId: s.school.id,
      firstName: "Zed",
      yearGroup: 10,
      today: s.today,
      aboutMe: "Hello",
    });
    await addMentor(db, { schoolId: s.school.id, programmeId: s.programme.id, studentId: keptApartMentor.id });
    await addKeepApartRow(db, {
      schoolId: s.school.id,
      studentIds: [keptApartMentor.id, s.pupils.mentee.id],
      reason: "Secret reason",
      createdById: s.staff.dsl.id,
    });
    const mentee = await actorFor(s.pupils.mentee.userId!);

    const [choice] = await getMentorChoices(mentee);
    const ids = choice!.mentors.map((m) => m.studentId);
    expect(ids).toContain(s.pupils.mentor.id);
    expect(ids).not.toContain(keptApartMentor.id);
    expect(Object.keys(choice!.mentors[0]!).sort()).toEqual(["aboutMe", "firstName", "interests", "studentId", "yearGroup"]);
    expect(JSON.stringify(choice)).not.toMatch(/Secret reason|SECRET-SEND-NOTE/);

    const refused = await setMentorPreferences.run(mentee, { programmeId: s.programme.id, first: keptApartMentor.id });
    expect(refused.ok).toBe(false);
    const saved = await setMentorPreferences.run(mentee, {
      programmeId: s.programme.id,
      first: s.pupils.mentor.id,
      second: s.pupils.spareMentor.id,
    });
    expect(saved.ok).toBe(true);
    const profile = await db.menteeProfile.findFirstOrThrow({ where: { studentId: s.pupils.mentee.id } });
    expect(profile.ranking).toEqual([s.pupils.mentor.id, s.pupils.spareMentor.id]);
  });
});
