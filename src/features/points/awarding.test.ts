// Who may award what (ADR 024): mentors only when the school allows it, to their own mentees, positive
// points within a weekly limit, never to themselves; a reason for negatives and unusual amounts; "everyone
// who came" once per session; the climb above zero recorded once; automatic points once and reversed.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { NOT_FOUND_MESSAGE } from "@/server/command";
import { createPointEntry, createStudent } from "@/server/factories";
import { actorFor } from "@/test-support/actors";
import { expectRefusedWithoutWrites, runCommand, submit } from "@/test-support/commands";
import { buildSchool, logSessionForm, type TestSchool } from "@/test-support/school";
import type { Actor } from "@/server/actor";
import { addDaysIso } from "@/lib/dates";
import { editSession, logSession } from "@/features/sessions/commands";
import { answerMilestone, awardPoints, awardSessionPoints, reversePoints } from "./commands";
import { applyAutomaticPoints } from "./automatic";
import { getMentorAwarding } from "./queries";

// A rule's refusal says the same words at the top of the form and next to its field.
const CHECK = /\w/;

let s: TestSchool;
let mentor: Actor;
let teacher: Actor;
let coordinator: Actor;
beforeEach(async () => {
  s = await buildSchool({ withCalendar: false });
  [mentor, teacher, coordinator] = await Promise.all([
    actorFor(s.pupils.mentor.userId!),
    actorFor(s.staff.teacher),
    actorFor(s.staff.coordinator),
  ]);
  // The teacher supervises the mentor's pairing, so reads its sessions and may give points from them.
  await db.pairing.update({
    where: { schoolId_id: { schoolId: s.school.id, id: s.pairing.id } },
    data: { supervisorId: s.staff.teacher.id },
  });
});
const ids = () => [s.school.id];
const award = (extra: Record<string, unknown> = {}) => ({
  programmeId: s.programme.id,
  studentIds: s.pupils.mentee.id,
  categoryId: s.categoryIds.Effort!,
  amount: "",
  reason: "",
  ...extra,
});
const allowMentors = (limit = 10) =>
  db.pointSettings.create({ data: { schoolId: s.school.id, mentorsMayAward: true, mentorWeeklyLimit: limit } });
const ledgerOf = (studentId: string) =>
  db.pointEntry.findMany({ where: { schoolId: s.school.id, studentId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

describe("a mentor giving points", () => {
  it("is refused while the school has not switched it on (the default)", async () => {
    const result = await expectRefusedWithoutWrites(awardPoints, mentor, award(), ids(), CHECK);
    expect(result.fieldErrors).toEqual({ studentIds: ["Mentors at your school cannot give points."] });
  });

  it("gives their own mentee the category's usual amount when the school allows it, with no reason needed", async () => {
    await allowMentors();
    const { result, changes } = await runCommand(awardPoints, mentor, award(), ids());
    expect(result).toMatchObject({ ok: true, message: "2 points given to 1 pupil." });
    expect(changes).toMatchObject({ pointEntries: 1 });
    expect((await ledgerOf(s.pupils.mentee.id)).at(-1)).toMatchObject({ amount: 2, reason: "Effort", awardedById: mentor.userId });
  });

  it("never to a pupil they do not mentor, nor to themselves, nor takes points away", async () => {
    await allowMentors();
    const notMine = await expectRefusedWithoutWrites(awardPoints, mentor, award({ studentIds: s.pupils.otherMentee.id }), ids(), CHECK);
    expect(notMine.fieldErrors).toEqual({ studentIds: ["You can only give points to your own mentees."] });
    const self = await expectRefusedWithoutWrites(awardPoints, mentor, award({ studentIds: s.pupils.mentor.id }), ids(), CHECK);
    expect(self.fieldErrors).toEqual({ studentIds: ["You cannot give points to yourself."] });
    const takeAway = await expectRefusedWithoutWrites(
      awardPoints,
      mentor,
      award({ categoryId: s.categoryIds["Points lost"], reason: "Was rude" }),
      ids(),
      CHECK,
    );
    expect(takeAway.fieldErrors).toEqual({ categoryId: ["Mentors can give points but not take them away. Choose another category."] });
  });

  it("stops at the weekly limit, saying how many are left; automatic points do not count", async () => {
    await allowMentors(3);
    await createPointEntry(db, {
      schoolId: s.school.id,
      programmeId: s.programme.id,
      studentId: s.pupils.mentee.id,
      awardedById: s.pupils.mentor.userId!,
      amount: 5,
      autoKey: "ATTENDANCE:x:y:1",
    });
    expect((await submit(awardPoints, mentor, award())).ok).toBe(true);
    const over = await expectRefusedWithoutWrites(awardPoints, mentor, award(), ids(), CHECK);
    expect(over.fieldErrors).toEqual({ amount: ["You have 1 point left to give this week, and this would give 2 points."] });
    expect((await submit(awardPoints, mentor, award({ amount: "1", reason: "One more kind act" }))).ok).toBe(true);
    const none = await expectRefusedWithoutWrites(awardPoints, mentor, award({ amount: "1", reason: "And another" }), ids(), CHECK);
    expect(none.fieldErrors).toEqual({ amount: ["You have given all 3 points you can give this week. You can give more from Monday."] });
  });

  it("is offered on the mentor's page only when allowed: their own mentees, and what is left this week", async () => {
    expect(await getMentorAwarding(mentor)).toBeNull();
    await allowMentors(5);
    expect((await submit(awardPoints, mentor, award())).ok).toBe(true);
    const awarding = await getMentorAwarding(mentor);
    expect(awarding).toMatchObject({ weeklyLimit: 5, left: 3 });
    expect(awarding?.programmes.map((p) => p.mentees.map((m) => m.studentId))).toEqual([[s.pupils.mentee.id]]);
    expect(awarding?.categories.every((c) => c.defaultAmount > 0)).toBe(true);
    expect(await getMentorAwarding(teacher)).toBeNull();
  });

  it("holds the limit when two awards race: the giver's lock puts them in line", async () => {
    await allowMentors(2);
    const results = await Promise.all([submit(awardPoints, mentor, award()), submit(awardPoints, mentor, award())]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await ledgerOf(s.pupils.mentee.id)).filter((e) => e.awardedById === mentor.userId)).toHaveLength(1);
  });
});

describe("staff awards", () => {
  it("need a reason to take points away or to give other than the usual amount, and the sign must match", async () => {
    const negative = await expectRefusedWithoutWrites(
      awardPoints,
      teacher,
      award({ categoryId: s.categoryIds["Points lost"] }),
      ids(),
      CHECK,
    );
    expect(negative.fieldErrors).toEqual({ reason: ["Say in a few words why points are being taken away."] });
    const unusual = await expectRefusedWithoutWrites(awardPoints, teacher, award({ amount: "5" }), ids(), CHECK);
    expect(unusual.fieldErrors).toEqual({ reason: ["Say in a few words why this is not the usual 2 points."] });
    const wrongSign = await expectRefusedWithoutWrites(awardPoints, teacher, award({ amount: "-2", reason: "Oops" }), ids(), CHECK);
    expect(wrongSign.fieldErrors).toEqual({ amount: ["This category gives points. Enter a number above 0."] });
    expect((await submit(awardPoints, teacher, award({ categoryId: s.categoryIds["Points lost"], reason: "Left early" }))).message).toBe(
      "1 point taken from 1 pupil.",
    );
  });

  it("refuse a retired category", async () => {
    await db.pointCategory.update({
      where: { schoolId_id: { schoolId: s.school.id, id: s.categoryIds.Effort! } },
      data: { archivedAt: new Date() },
    });
    const result = await expectRefusedWithoutWrites(awardPoints, teacher, award(), ids(), CHECK);
    expect(result.fieldErrors).toEqual({ categoryId: ["This category is no longer used. Choose another."] });
  });

  it("give several pupils at once in one transaction: all of them, or none when one is not in the programme", async () => {
    const outsider = await createStudent(db, { schoolId: s.school.id, yearGroup: 9, today: s.today });
    const before = await db.pointEntry.count({ where: { schoolId: s.school.id } });
    expect((await submit(awardPoints, teacher, award({ studentIds: [s.pupils.mentee.id, s.pupils.otherMentee.id, outsider.id] }))).ok).toBe(
      false,
    );
    expect(await db.pointEntry.count({ where: { schoolId: s.school.id } })).toBe(before);
    const ok = await runCommand(
      awardPoints,
      teacher,
      award({ studentIds: [s.pupils.mentee.id, s.pupils.otherMentee.id, s.pupils.spareMentee.id] }),
      ids(),
    );
    expect(ok.result.message).toBe("2 points given to 3 pupils.");
    expect(ok.changes).toMatchObject({ pointEntries: 3, auditLogs: 3 });
  });
});

describe("the climb from below zero to above it", () => {
  it("is recorded once, on the entry that made it, and the pupil answers once", async () => {
    const pupil = s.pupils.otherMentee.id;
    expect(
      (
        await submit(
          awardPoints,
          teacher,
          award({ studentIds: pupil, categoryId: s.categoryIds["Points lost"], amount: "-2", reason: "Left early" }),
        )
      ).ok,
    ).toBe(true);
    expect((await submit(awardPoints, teacher, award({ studentIds: pupil, amount: "1", reason: "A small step" }))).ok).toBe(true);
    expect(await db.pointMilestone.count({ where: { schoolId: s.school.id, studentId: pupil } })).toBe(0);
    expect((await submit(awardPoints, teacher, award({ studentIds: pupil }))).ok).toBe(true);
    const ledger = await ledgerOf(pupil);
    const milestones = await db.pointMilestone.findMany({ where: { schoolId: s.school.id, studentId: pupil } });
    expect(milestones.map((m) => m.entryId)).toEqual([ledger.at(-1)!.id]);
    // More points above zero make no second moment.
    expect((await submit(awardPoints, teacher, award({ studentIds: pupil }))).ok).toBe(true);
    expect(await db.pointMilestone.count({ where: { schoolId: s.school.id, studentId: pupil } })).toBe(1);

    const otherMentee = await actorFor(s.pupils.otherMentee.userId!);
    expect(await submit(answerMilestone, mentor, { milestoneId: milestones[0]!.id, share: "yes" })).toMatchObject({ ok: false });
    expect(await submit(answerMilestone, otherMentee, { milestoneId: milestones[0]!.id, share: "yes" })).toMatchObject({ ok: true });
    expect(await submit(answerMilestone, otherMentee, { milestoneId: milestones[0]!.id, share: "no" })).toMatchObject({
      ok: false,
      message: "You have already answered this.",
    });
    expect(await db.pointMilestone.findFirstOrThrow({ where: { id: milestones[0]!.id } })).toMatchObject({ isShared: true });
  });
});

describe("everyone who came, from a session log", () => {
  it("gives the pupils marked present or late, once per session and category, in one go", async () => {
    expect((await submit(logSession, mentor, logSessionForm(s))).ok).toBe(true);
    const session = await db.mentoringSession.findFirstOrThrow({ where: { schoolId: s.school.id, pairingId: s.pairing.id } });
    const form = { sessionId: session.id, categoryId: s.categoryIds.Attendance! };
    const results = await Promise.all([submit(awardSessionPoints, teacher, form), submit(awardSessionPoints, coordinator, form)]);
    expect(results.filter((r) => r.ok).map((r) => r.message)).toEqual(["1 Attendance point given to 1 pupil who came."]);
    expect(results.filter((r) => !r.ok).map((r) => r.message)).toEqual([
      "Everyone who came already has Attendance points for this session.",
    ]);
    const entries = await db.pointEntry.findMany({ where: { schoolId: s.school.id, sessionId: session.id } });
    expect(entries.map((e) => [e.studentId, e.amount])).toEqual([[s.pupils.mentee.id, 1]]);
    const negative = await submit(awardSessionPoints, teacher, { ...form, categoryId: s.categoryIds["Points lost"] });
    expect(negative).toMatchObject({ ok: false, fieldErrors: { categoryId: ["Choose a category that gives points."] } });
  });

  it("does not give attendance twice: a pupil with an automatic attendance point for the session is skipped", async () => {
    await db.pointSettings.create({
      data: { schoolId: s.school.id, attendanceCategoryId: s.categoryIds.Attendance!, attendanceSince: new Date("2000-01-01") },
    });
    expect((await submit(logSession, mentor, logSessionForm(s))).ok).toBe(true);
    const session = await db.mentoringSession.findFirstOrThrow({ where: { schoolId: s.school.id, pairingId: s.pairing.id } });
    await expectRefusedWithoutWrites(
      awardSessionPoints,
      teacher,
      { sessionId: session.id, categoryId: s.categoryIds.Attendance! },
      ids(),
      "Everyone who came already has Attendance points for this session.",
    );
  });

  it("is for the coordinator and the pairing's supervising teacher only", async () => {
    expect((await submit(logSession, mentor, logSessionForm(s))).ok).toBe(true);
    const session = await db.mentoringSession.findFirstOrThrow({ where: { schoolId: s.school.id, pairingId: s.pairing.id } });
    await db.pairing.update({ where: { schoolId_id: { schoolId: s.school.id, id: s.pairing.id } }, data: { supervisorId: null } });
    await expectRefusedWithoutWrites(
      awardSessionPoints,
      teacher,
      { sessionId: session.id, categoryId: s.categoryIds.Attendance! },
      ids(),
      NOT_FOUND_MESSAGE,
    );
    expect((await submit(awardSessionPoints, coordinator, { sessionId: session.id, categoryId: s.categoryIds.Attendance! })).ok).toBe(true);
  });

  it("gives nobody when nobody came", async () => {
    expect((await submit(logSession, mentor, logSessionForm(s, { [`attendance_${s.pupils.mentee.id}`]: "ABSENT" }))).ok).toBe(true);
    const session = await db.mentoringSession.findFirstOrThrow({ where: { schoolId: s.school.id, pairingId: s.pairing.id } });
    await expectRefusedWithoutWrites(
      awardSessionPoints,
      teacher,
      { sessionId: session.id, categoryId: s.categoryIds.Attendance! },
      ids(),
      "Nobody was marked as coming to this session, so there is nobody to give points to.",
    );
  });
});

describe("automatic points", () => {
  const switchOn = (rules: { attendance?: boolean; onTime?: boolean }) =>
    db.pointSettings.create({
      data: {
        schoolId: s.school.id,
        attendanceCategoryId: rules.attendance ? s.categoryIds.Attendance! : null,
        attendanceSince: rules.attendance ? new Date("2000-01-01") : null,
        onTimeCategoryId: rules.onTime ? s.categoryIds.Punctuality! : null,
        onTimeSince: rules.onTime ? new Date("2000-01-01") : null,
      },
    });
  const heldOn = () => addDaysIso(s.today, -1);
  const sessionEntries = (sessionId: string) =>
    db.pointEntry.findMany({ where: { schoolId: s.school.id, sessionId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const logged = async (attendance = "PRESENT") => {
    const form = logSessionForm(s, { heldOn: heldOn(), [`attendance_${s.pupils.mentee.id}`]: attendance });
    expect((await submit(logSession, mentor, form)).ok).toBe(true);
    return db.mentoringSession.findFirstOrThrow({ where: { schoolId: s.school.id, pairingId: s.pairing.id } });
  };
  const edit = async (sessionId: string, version: number, attendance: string) => {
    const form = {
      ...logSessionForm(s, { heldOn: heldOn() }),
      sessionId,
      version: String(version),
      [`attendance_${s.pupils.mentee.id}`]: attendance,
    };
    expect((await submit(editSession, mentor, form)).ok).toBe(true);
  };

  it("give attendance once however often the rule runs, reverse it when an edit says 'did not come', and give it again when it is put back", async () => {
    await switchOn({ attendance: true });
    const session = await logged();
    expect((await sessionEntries(session.id)).map((e) => [e.amount, e.autoKey])).toEqual([
      [1, `ATTENDANCE:${session.id}:${s.pupils.mentee.id}:1`],
    ]);
    await applyAutomaticPoints(db as never, mentor, session.id, { isNewLog: false });
    await applyAutomaticPoints(db as never, mentor, session.id, { isNewLog: false });
    expect(await sessionEntries(session.id)).toHaveLength(1);

    await edit(session.id, 1, "ABSENT");
    const afterAbsent = await sessionEntries(session.id);
    expect(afterAbsent.map((e) => [e.amount, e.autoKey, e.reversesId])).toEqual([
      [1, `ATTENDANCE:${session.id}:${s.pupils.mentee.id}:1`, null],
      [-1, `ATTENDANCE:${session.id}:${s.pupils.mentee.id}:1:undo`, afterAbsent[0]!.id],
    ]);
    await edit(session.id, 2, "LATE");
    expect((await sessionEntries(session.id)).map((e) => e.amount)).toEqual([1, -1, 1]);
  });

  it("still take back a point when the session is edited to 'did not come' after the rule was switched off, and give none new", async () => {
    await switchOn({ attendance: true });
    const session = await logged();
    await db.pointSettings.update({ where: { schoolId: s.school.id }, data: { attendanceCategoryId: null, attendanceSince: null } });
    await edit(session.id, 1, "ABSENT");
    expect((await sessionEntries(session.id)).map((e) => e.amount)).toEqual([1, -1]);
    await edit(session.id, 2, "PRESENT");
    expect((await sessionEntries(session.id)).map((e) => e.amount)).toEqual([1, -1]);
  });

  it("never gives again a round a person corrected", async () => {
    await switchOn({ attendance: true });
    const session = await logged();
    const [round] = await sessionEntries(session.id);
    expect((await submit(reversePoints, coordinator, { entryId: round!.id, reason: "Was not really there" })).ok).toBe(true);
    await edit(session.id, 1, "PRESENT");
    expect((await sessionEntries(session.id)).map((e) => e.amount)).toEqual([1, -1]);
  });

  it("give the mentor who logged on time their point, and nothing for a log by staff on a mentor's behalf", async () => {
    await switchOn({ onTime: true });
    const session = await logged();
    expect((await sessionEntries(session.id)).map((e) => [e.studentId, e.amount])).toEqual([[s.pupils.mentor.id, 1]]);
    const otherSession = await submit(logSession, coordinator, {
      ...logSessionForm(s, { heldOn: addDaysIso(s.today, -2) }),
    });
    expect(otherSession.ok).toBe(true);
    const byStaff = await db.mentoringSession.findFirstOrThrow({
      where: { schoolId: s.school.id, heldOn: new Date(`${addDaysIso(s.today, -2)}T00:00:00Z`) },
    });
    expect(await sessionEntries(byStaff.id)).toEqual([]);
  });

  it("are off until the school switches them on", async () => {
    const session = await logged();
    expect(await sessionEntries(session.id)).toEqual([]);
  });
});
