// Boards as each reader gets them (ADR 024): the school's pupil-board settings applied through the one
// rule, opted-out and hidden pupils absent for pupils, groups per pupil, year groups, who may open which.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createPointEntry } from "@/server/factories";
import type { Actor } from "@/server/actor";
import { actorFor } from "@/test-support/actors";
import { expectNotFound } from "@/test-support/expectations";
import { buildSchool, type TestSchool } from "@/test-support/school";
import { getBoard, getBoardChoices } from "./board-queries";
import type { BoardRequest } from "./board-view-model";

let s: TestSchool;
let mentee: Actor;
let otherMentee: Actor;
let coordinator: Actor;
beforeEach(async () => {
  s = await buildSchool();
  [mentee, otherMentee, coordinator] = await Promise.all([
    actorFor(s.pupils.mentee.userId!),
    actorFor(s.pupils.otherMentee.userId!),
    actorFor(s.staff.coordinator),
  ]);
  // From the builder: mentee +3. Now: mentor +5, otherMentee -4 net (earned 2), otherMentor +1.
  const give = (studentId: string, amount: number, category = amount > 0 ? "Effort" : "Points lost") =>
    createPointEntry(db, {
      schoolId: s.school.id,
      programmeId: s.programme.id,
      studentId,
      awardedById: s.staff.teacher.id,
      amount,
      category,
    });
  await give(s.pupils.mentor.id, 5);
  await give(s.pupils.otherMentee.id, -6);
  await give(s.pupils.otherMentee.id, 2);
  await give(s.pupils.otherMentor.id, 1);
});
const request = (extra: Partial<BoardRequest> = {}): BoardRequest => ({
  programmeId: s.programme.id,
  scope: "PROGRAMME",
  period: "ALL_TIME",
  ...extra,
});
const profile = (studentId: string, data: Record<string, unknown>) =>
  db.pupilBoardProfile.create({ data: { schoolId: s.school.id, studentId, ...data } });
const settings = (data: Record<string, unknown>) => db.pointSettings.create({ data: { schoolId: s.school.id, ...data } });
const namesOf = (rows: { displayName: string }[]) => rows.map((r) => r.displayName);

describe("a pupil's board", () => {
  it("ranks points earned by default, so nobody below zero shows; staff see real totals", async () => {
    const pupils = await getBoard(mentee, request());
    expect(pupils.pointsLabel).toBe("Points earned");
    expect(pupils.rows.find((r) => r.studentId === s.pupils.otherMentee.id)?.points).toBe(2);
    const staff = await getBoard(coordinator, request());
    expect(staff.rows.find((r) => r.studentId === s.pupils.otherMentee.id)?.points).toBe(-4);
  });

  it("ranks net totals when the school chooses, with below zero shown as 0", async () => {
    await settings({ pupilBoardMeasure: "NET" });
    const board = await getBoard(mentee, request());
    expect(board.pointsLabel).toBe("Points");
    const zeroes = board.rows.filter((r) => r.points === 0).map((r) => r.studentId);
    expect(zeroes).toContain(s.pupils.otherMentee.id);
    expect(zeroes).toContain(s.pupils.spareMentee.id);
    // Two pupils on 0: one below zero, one who never had a point, look and rank the same.
    const [a, b] = [s.pupils.otherMentee.id, s.pupils.spareMentee.id].map((id) => board.rows.find((r) => r.studentId === id)!);
    expect(a?.rank).toBe(b?.rank);
  });

  it("leaves out a pupil who opted out and one staff hid, for every other pupil; the opted-out pupil is told", async () => {
    await profile(s.pupils.mentor.id, { isOptedOut: true });
    await profile(s.pupils.otherMentor.id, { hiddenAt: new Date(), hiddenById: s.staff.coordinator.id, hiddenReason: "PRIVATE reason" });
    const board = await getBoard(otherMentee, request());
    const ids = board.rows.map((r) => r.studentId);
    expect(ids).not.toContain(s.pupils.mentor.id);
    expect(ids).not.toContain(s.pupils.otherMentor.id);
    expect(JSON.stringify(board)).not.toMatch(/PRIVATE/);
    const mentor = await actorFor(s.pupils.mentor.userId!);
    expect((await getBoard(mentor, request())).readerOffBoard).toBe("OPTED_OUT");
    const otherMentor = await actorFor(s.pupils.otherMentor.userId!);
    expect((await getBoard(otherMentor, request())).readerOffBoard).toBe("HIDDEN");
    const staff = await getBoard(coordinator, request());
    expect(staff.rows.find((r) => r.studentId === s.pupils.mentor.id)).toMatchObject({ isOptedOut: true, points: 5 });
  });

  it("names pupils by the school's style: initials, or an approved nickname (a proposed one is not shown)", async () => {
    await settings({ boardNameStyle: "NICKNAME" });
    await profile(s.pupils.mentor.id, { nickname: "Rocket", nicknameStatus: "APPROVED" });
    await profile(s.pupils.otherMentor.id, { nickname: "Pending", nicknameStatus: "PROPOSED" });
    const names = namesOf((await getBoard(mentee, request())).rows);
    expect(names).toContain("Rocket");
    expect(names).not.toContain("Pending");
    expect(names).toContain("K. B.");
  });

  it("shows a climb above zero to other pupils only when the pupil said yes", async () => {
    const entry = await createPointEntry(db, {
      schoolId: s.school.id,
      programmeId: s.programme.id,
      studentId: s.pupils.otherMentee.id,
      awardedById: s.staff.teacher.id,
      amount: 5,
    });
    const milestone = await db.pointMilestone.create({
      data: { schoolId: s.school.id, studentId: s.pupils.otherMentee.id, entryId: entry.id },
    });
    expect((await getBoard(mentee, request())).celebrations).toEqual([]);
    expect((await getBoard(coordinator, request())).celebrations.map((c) => c.studentId)).toEqual([s.pupils.otherMentee.id]);
    await db.pointMilestone.update({
      where: { schoolId_id: { schoolId: s.school.id, id: milestone.id } },
      data: { isShared: true, answeredAt: new Date() },
    });
    expect((await getBoard(mentee, request())).celebrations.map((c) => c.displayName)).toEqual(["Ella G."]);
  });
});

describe("scopes", () => {
  it("ranks groups by points per pupil, and a pupil's group figure counts only pupils shown", async () => {
    // Mentoring groups are the mixed-age ones: make both of the school's pairings groups.
    await db.pairing.updateMany({ where: { schoolId: s.school.id }, data: { kind: "GROUP" } });
    const staff = await getBoard(coordinator, request({ scope: "GROUPS" }));
    // Group 1: Sam (+5) and Maya (+3): 4.0 per pupil. Group 2: Kai (+1) and Ella (-4): -1.5.
    expect(staff.groups.map((g) => [g.groupId, g.perPupil, g.rank])).toEqual([
      [s.pairing.id, 4, 1],
      [s.otherPairing.id, -1.5, 2],
    ]);
    await profile(s.pupils.mentee.id, { isOptedOut: true });
    const pupils = await getBoard(otherMentee, request({ scope: "GROUPS" }));
    // Pupils: earned. Group 1 shows Sam only (5). Group 2: Kai 1, Ella 2 → 1.5.
    expect(pupils.groups.map((g) => [g.groupId, g.perPupil, g.pupils])).toEqual([
      [s.pairing.id, 5, 1],
      [s.otherPairing.id, 1.5, 2],
    ]);
  });

  it("gives a pupil their own group and year group, and not another's; 1:1 pairs are not groups", async () => {
    expect((await getBoardChoices(mentee, s.programme.id)).groups).toEqual([]);
    await db.pairing.updateMany({ where: { schoolId: s.school.id }, data: { kind: "GROUP" } });
    const choices = await getBoardChoices(mentee, s.programme.id);
    expect(choices.groups.map((g) => g.id)).toEqual([s.pairing.id]);
    expect(choices.yearGroups).toEqual([8]);
    const own = await getBoard(mentee, request({ scope: "GROUP", pairingId: s.pairing.id }));
    expect(own.rows.map((r) => r.studentId).sort()).toEqual([s.pupils.mentor.id, s.pupils.mentee.id].sort());
    await expectNotFound(() => getBoard(mentee, request({ scope: "GROUP", pairingId: s.otherPairing.id })));
    await expectNotFound(() => getBoard(mentee, request({ scope: "YEAR", yearGroup: 10 })));
    const year = await getBoard(coordinator, request({ scope: "YEAR", yearGroup: 10 }));
    expect(year.rows.map((r) => r.studentId).sort()).toEqual([s.pupils.mentor.id, s.pupils.spareMentor.id].sort());
  });

  it("counts only the period asked for, and most improved compares with the period before", async () => {
    const lastWeek = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
    await createPointEntry(db, {
      schoolId: s.school.id,
      programmeId: s.programme.id,
      studentId: s.pupils.spareMentee.id,
      awardedById: s.staff.teacher.id,
      amount: 9,
      createdAt: lastWeek,
    });
    const week = await getBoard(coordinator, request({ period: "WEEK" }));
    expect(week.rows.find((r) => r.studentId === s.pupils.spareMentee.id)?.points).toBe(0);
    expect(week.improved.map((r) => r.studentId)).toContain(s.pupils.mentor.id);
    expect(week.improved.map((r) => r.studentId)).not.toContain(s.pupils.spareMentee.id);
    const allTime = await getBoard(coordinator, request());
    expect(allTime.rows.find((r) => r.studentId === s.pupils.spareMentee.id)?.points).toBe(9);
    expect(allTime.improved).toEqual([]);
  });
});
