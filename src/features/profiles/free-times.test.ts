// Pupils' free times come from their school's slots (ADR 014): the forms offer the active slots at
// the pupil's year group's times, the commands accept only this school's slots, and a retired slot a
// pupil already had may stay while a newly ticked one is refused.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { FREE_TIME_REFUSED } from "@/server/day-slots";
import { actorFor } from "@/test-support/actors";
import { expectRefusedWithoutWrites, runCommand } from "@/test-support/commands";
import { buildSchool, type TestSchool } from "@/test-support/school";
import { getMyProfile } from "./queries";
import { getPupilForCoordinator } from "./staff-queries";
import { updateMatchingDetails, updateMyProfile } from "./commands";

const RETIRED_REFUSED = "One of these times is no longer offered. Choose from the times shown.";

describe("free times from the school's slots", () => {
  let a: TestSchool;
  let b: TestSchool;
  beforeAll(async () => {
    [a, b] = await Promise.all([buildSchool(), buildSchool()]);
    // School a: a split lunch for Year 7 and a retired form time. School b: an after-school club.
    const lunch = await db.schoolSlot.findFirstOrThrow({ where: { schoolId: a.school.id, key: "LUNCH" } });
    await db.schoolSlotYearTime.create({
      data: { schoolId: a.school.id, slotId: lunch.id, yearGroup: 7, startTime: "12:00", endTime: "12:40" },
    });
    await db.schoolSlot.create({
      data: { schoolId: a.school.id, key: "FORM_TIME", name: "Form time", startTime: "08:40", endTime: "09:00", archivedAt: new Date() },
    });
    await db.schoolSlot.create({
      data: { schoolId: b.school.id, key: "CLUB", name: "Club", startTime: "15:20", endTime: "16:00", sortOrder: 3 },
    });
  });

  it("offers a pupil the school's active slots on each weekday at their year group's times", async () => {
    // Ella is in Year 7, whose lunch is split; Maya (Year 8) has the usual lunch.
    const ella = await actorFor(a.pupils.otherMentee.userId!);
    const maya = await actorFor(a.pupils.mentee.userId!);
    const ellas = (await getMyProfile(ella))!.freeTimes;
    expect(ellas).toHaveLength(10);
    expect(ellas.filter((t) => t.weekday === 3).map((t) => t.label)).toEqual(["Wed break (10:40–11:00)", "Wed lunch (12:00–12:40)"]);
    expect((await getMyProfile(maya))!.freeTimes.find((t) => t.id === "WED_LUNCH")?.label).toBe("Wed lunch (12:30–13:15)");
    const coordinator = await actorFor(a.staff.coordinator);
    expect((await getPupilForCoordinator(coordinator, a.pupils.otherMentee.id)).freeTimes).toEqual(ellas);
  });

  it("accepts this school's slots and refuses another school's, or a retired one newly ticked, writing nothing", async () => {
    const ella = await actorFor(a.pupils.otherMentee.userId!);
    const form = (availability: string[]) => ({ interests: "chess", availability, aboutMe: "" });
    expect((await updateMyProfile.run(ella, form(["MON_LUNCH", "FRI_BREAK"]))).ok).toBe(true);
    for (const [availability, message] of [
      [["MON_LUNCH", "TUE_CLUB"], FREE_TIME_REFUSED],
      [["WED_ASSEMBLY"], FREE_TIME_REFUSED],
      [["MON_FORM_TIME"], RETIRED_REFUSED],
    ] as const) {
      const result = await expectRefusedWithoutWrites(updateMyProfile, ella, form([...availability]), [a.school.id, b.school.id], message);
      expect(result.fieldErrors).toEqual({ availability: [message] });
    }
    expect((await db.student.findFirstOrThrow({ where: { id: a.pupils.otherMentee.id } })).availability).toEqual([
      "MON_LUNCH",
      "FRI_BREAK",
    ]);
  });

  it("keeps a retired slot a pupil already had, offered and shown as retired, until they untick it", async () => {
    await db.student.updateMany({ where: { id: a.pupils.mentee.id }, data: { availability: ["TUE_FORM_TIME", "TUE_LUNCH"] } });
    const maya = await actorFor(a.pupils.mentee.userId!);
    const offered = (await getMyProfile(maya))!.freeTimes;
    expect(offered.filter((t) => t.isRetired)).toEqual([
      {
        id: "TUE_FORM_TIME",
        weekday: 2,
        isRetired: true,
        label: "Tue form time (08:40–09:00, retired)",
        dayAndSlot: "Tue form time",
        when: "(08:40–09:00, retired)",
      },
    ]);
    const kept = await runCommand(updateMyProfile, maya, { interests: "", availability: ["TUE_FORM_TIME", "WED_LUNCH"] }, [a.school.id]);
    expect(kept.result.ok).toBe(true);
    // …but another weekday of the retired slot is a new choice, and is refused.
    await expectRefusedWithoutWrites(
      updateMyProfile,
      maya,
      { interests: "", availability: ["TUE_FORM_TIME", "THU_FORM_TIME"] },
      [a.school.id],
      RETIRED_REFUSED,
    );
    expect((await runCommand(updateMyProfile, maya, { interests: "", availability: ["WED_LUNCH"] }, [a.school.id])).result.ok).toBe(true);
    expect((await getMyProfile(maya))!.freeTimes.some((t) => t.isRetired)).toBe(false);
    await expectRefusedWithoutWrites(
      updateMyProfile,
      maya,
      { interests: "", availability: ["TUE_FORM_TIME"] },
      [a.school.id],
      RETIRED_REFUSED,
    );
  });

  it("the coordinator's form checks the same way, and another school's pupil is not found", async () => {
    const coordinator = await actorFor(a.staff.coordinator);
    const details = (studentId: string, availability: string[]) => ({ studentId, interests: "", availability, livedExperience: [] });
    expect((await updateMatchingDetails.run(coordinator, details(a.pupils.spareMentee.id, ["MON_BREAK"]))).ok).toBe(true);
    await expectRefusedWithoutWrites(
      updateMatchingDetails,
      coordinator,
      details(a.pupils.spareMentee.id, ["MON_CLUB"]),
      [a.school.id, b.school.id],
      FREE_TIME_REFUSED,
    );
    await expectRefusedWithoutWrites(
      updateMatchingDetails,
      coordinator,
      details(b.pupils.spareMentee.id, ["MON_BREAK"]),
      [a.school.id, b.school.id],
      "We could not find that. It may have been removed, or you may not have access to it.",
    );
  });
});
