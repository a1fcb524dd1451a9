// The coordinator's points settings (ADR 024): categories retired not deleted, names unique whatever
// their case, automatic rules that start the day they are switched on, stale forms refused, nicknames
// decided once, and pupils hidden with a staff-only reason.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import type { Actor } from "@/server/actor";
import { actorFor } from "@/test-support/actors";
import { expectRefusedWithoutWrites, submit } from "@/test-support/commands";
import { buildSchool, type TestSchool } from "@/test-support/school";
import { toDbDate, todayIn } from "@/lib/dates";
import {
  addPointCategory,
  decideNickname,
  proposeNickname,
  retirePointCategory,
  savePointSettings,
  setBoardOptOut,
  setPupilHidden,
  updatePointCategory,
} from "./commands";

let s: TestSchool;
let coordinator: Actor;
beforeEach(async () => {
  s = await buildSchool();
  coordinator = await actorFor(s.staff.coordinator);
});
const ids = () => [s.school.id];
const settingsForm = (extra: Record<string, string> = {}) => ({
  version: "0",
  mentorsMayAward: "no",
  mentorWeeklyLimit: "10",
  pupilBoardMeasure: "EARNED",
  boardNameStyle: "FIRST_NAME_INITIAL",
  attendanceCategoryId: "",
  onTimeCategoryId: "",
  ...extra,
});

describe("categories", () => {
  it("are added with unique names whatever their case, and changed only from the version read", async () => {
    const added = await submit(addPointCategory, coordinator, {
      name: "Teamwork",
      description: "Working well with others.",
      defaultAmount: "2",
    });
    expect(added).toMatchObject({ ok: true, message: "Added Teamwork. Pupils can read what earns it." });
    const clash = await expectRefusedWithoutWrites(
      addPointCategory,
      coordinator,
      { name: "kindness", description: "Again.", defaultAmount: "1" },
      ids(),
      /./,
    );
    expect(clash.fieldErrors).toEqual({ name: ["A category with that name already exists."] });
    const form = {
      categoryId: added.recordId!,
      version: "1",
      name: "Team work",
      description: "Working well together.",
      defaultAmount: "3",
    };
    expect((await submit(updatePointCategory, coordinator, form)).ok).toBe(true);
    await expectRefusedWithoutWrites(updatePointCategory, coordinator, { ...form, name: "Stale" }, ids(), /Someone else changed this/);
    expect(await db.pointCategory.findFirstOrThrow({ where: { id: added.recordId! } })).toMatchObject({
      name: "Team work",
      defaultAmount: 3,
      version: 2,
    });
  });

  it("cannot be retired while an automatic rule gives it", async () => {
    expect((await submit(savePointSettings, coordinator, settingsForm({ attendanceCategoryId: s.categoryIds.Attendance! }))).ok).toBe(true);
    await expectRefusedWithoutWrites(
      retirePointCategory,
      coordinator,
      { categoryId: s.categoryIds.Attendance! },
      ids(),
      "Attendance is used for automatic points. Choose another category for them first.",
    );
    expect((await submit(retirePointCategory, coordinator, { categoryId: s.categoryIds.Effort! })).ok).toBe(true);
    // Retired, not deleted: the ledger's entries keep it.
    expect(await db.pointCategory.findFirstOrThrow({ where: { id: s.categoryIds.Effort! } })).toMatchObject({
      archivedAt: expect.any(Date),
    });
  });
});

describe("settings", () => {
  it("start an automatic rule today, keep its day when saved again, and refuse a stale form", async () => {
    const today = toDbDate(todayIn(s.school.timezone));
    expect((await submit(savePointSettings, coordinator, settingsForm({ attendanceCategoryId: s.categoryIds.Attendance! }))).ok).toBe(true);
    const saved = await db.pointSettings.findUniqueOrThrow({ where: { schoolId: s.school.id } });
    expect(saved).toMatchObject({ version: 1, attendanceCategoryId: s.categoryIds.Attendance, attendanceSince: today, onTimeSince: null });
    await expectRefusedWithoutWrites(
      savePointSettings,
      coordinator,
      settingsForm({ mentorsMayAward: "yes" }),
      ids(),
      /Someone else changed this/,
    );
    await db.pointSettings.update({ where: { schoolId: s.school.id }, data: { attendanceSince: new Date("2026-01-05") } });
    expect(
      (
        await submit(
          savePointSettings,
          coordinator,
          settingsForm({ version: "1", attendanceCategoryId: s.categoryIds.Attendance!, mentorsMayAward: "yes" }),
        )
      ).ok,
    ).toBe(true);
    expect(await db.pointSettings.findUniqueOrThrow({ where: { schoolId: s.school.id } })).toMatchObject({
      version: 2,
      mentorsMayAward: true,
      attendanceSince: new Date("2026-01-05"),
    });
  });

  it("refuse a rule in a category that takes points away", async () => {
    const result = await expectRefusedWithoutWrites(
      savePointSettings,
      coordinator,
      settingsForm({ onTimeCategoryId: s.categoryIds["Points lost"]! }),
      ids(),
      /./,
    );
    expect(result.fieldErrors).toEqual({ onTimeCategoryId: ["Choose a category that gives points."] });
  });
});

describe("pupils' board profiles", () => {
  it("a nickname is proposed by the pupil and decided once by the coordinator", async () => {
    const mentee = await actorFor(s.pupils.mentee.userId!);
    expect((await submit(proposeNickname, mentee, { nickname: "Rocket" })).ok).toBe(true);
    expect(await submit(proposeNickname, mentee, { nickname: "<b>" })).toMatchObject({
      ok: false,
      fieldErrors: { nickname: ["Use letters, numbers, spaces, hyphens and apostrophes only."] },
    });
    // The pupil changes it while the coordinator reads the old one: approving the old one approves nothing.
    expect((await submit(proposeNickname, mentee, { nickname: "Comet" })).ok).toBe(true);
    const STALE = "This nickname is no longer waiting for a decision, or the pupil changed it. Please reload the page.";
    await expectRefusedWithoutWrites(
      decideNickname,
      coordinator,
      { studentId: s.pupils.mentee.id, nickname: "Rocket", decision: "approve" },
      ids(),
      STALE,
    );
    expect((await submit(proposeNickname, mentee, { nickname: "Rocket" })).ok).toBe(true);
    expect((await submit(decideNickname, coordinator, { studentId: s.pupils.mentee.id, nickname: "Rocket", decision: "approve" })).ok).toBe(
      true,
    );
    await expectRefusedWithoutWrites(
      decideNickname,
      coordinator,
      { studentId: s.pupils.mentee.id, nickname: "Rocket", decision: "reject" },
      ids(),
      STALE,
    );
    expect(await db.pupilBoardProfile.findFirstOrThrow({ where: { studentId: s.pupils.mentee.id } })).toMatchObject({
      nickname: "Rocket",
      nicknameStatus: "APPROVED",
      nicknameDecidedById: s.staff.coordinator.id,
    });
  });

  it("hiding needs a staff-only reason; opting out is the pupil's own choice", async () => {
    const noReason = await expectRefusedWithoutWrites(
      setPupilHidden,
      coordinator,
      { studentId: s.pupils.mentee.id, hidden: "yes", reason: "" },
      ids(),
      /./,
    );
    expect(noReason.fieldErrors).toEqual({ reason: ["Say why, for staff only, in a few words."] });
    expect((await submit(setPupilHidden, coordinator, { studentId: s.pupils.mentee.id, hidden: "yes", reason: "Family asked" })).ok).toBe(
      true,
    );
    const mentee = await actorFor(s.pupils.mentee.userId!);
    expect((await submit(setBoardOptOut, mentee, { optOut: "yes" })).ok).toBe(true);
    expect(await db.pupilBoardProfile.findFirstOrThrow({ where: { studentId: s.pupils.mentee.id } })).toMatchObject({
      isOptedOut: true,
      hiddenReason: "Family asked",
      hiddenById: s.staff.coordinator.id,
    });
    expect((await submit(setPupilHidden, coordinator, { studentId: s.pupils.mentee.id, hidden: "no", reason: "" })).ok).toBe(true);
    expect(await db.pupilBoardProfile.findFirstOrThrow({ where: { studentId: s.pupils.mentee.id } })).toMatchObject({
      hiddenAt: null,
      hiddenReason: "",
    });
  });
});
