import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { addMentee, createPointEntry, createProgramme, createStudent } from "@/server/factories";
import { actorFor } from "@/test-support/actors";
import { expectNotFound } from "@/test-support/expectations";
import { buildWorld } from "@/test-support/school";
import { getMyPoints } from "./queries";
import { getBoard } from "./board-queries";

const allTime = (programmeId: string) => ({ programmeId, scope: "PROGRAMME" as const, period: "ALL_TIME" as const });

type World = Awaited<ReturnType<typeof buildWorld>>;
const ROW_KEYS = ["displayName", "hasRosette", "points", "rank", "studentId"];

describe("points queries for pupils", () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
    const { a } = world;
    const give = (studentId: string, amount: number, reason: string) =>
      createPointEntry(db, {
        schoolId: a.school.id,
        programmeId: a.programme.id,
        studentId,
        awardedById: a.staff.teacher.id,
        amount,
        reason,
      });
    // Mentee already has +3 from the builder. Mentor ties them; otherMentee is below zero (earned 2, total -4).
    await give(a.pupils.mentor.id, 3, "Ran the session well");
    await give(a.pupils.otherMentee.id, -6, "PRIVATE: left the session early");
    await give(a.pupils.otherMentee.id, 2, "Came back and apologised");
    // An award that was corrected does not count as earned: otherMentor earns nothing.
    const mistaken = await give(a.pupils.otherMentor.id, 5, "Given to the wrong pupil");
    await db.pointEntry.create({
      data: {
        schoolId: a.school.id,
        programmeId: a.programme.id,
        studentId: a.pupils.otherMentor.id,
        amount: -5,
        categoryId: a.categoryIds.Effort!,
        reason: "Correction: wrong pupil",
        awardedById: a.staff.coordinator.id,
        reversesId: mistaken.id,
      },
    });
    // A pupil who has left keeps no place on the board.
    const left = await createStudent(db, { schoolId: a.school.id, yearGroup: 8, status: "LEFT", today: a.today });
    await addMentee(db, { schoolId: a.school.id, programmeId: a.programme.id, studentId: left.id });
    await give(left.id, 9, "Before leaving");
  });

  it("ranks a pupil's board by points earned, 1, 1, 3, with a rosette for each pupil tied first", async () => {
    const board = await getBoard(world.actors.MENTEE, allTime(world.a.programme.id));
    const byId = new Map(board.rows.map((r) => [r.studentId, r]));
    const p = world.a.pupils;
    expect(board.programme.id).toBe(world.a.programme.id);
    expect(board.rows).toHaveLength(6);
    expect(byId.get(p.mentee.id)).toMatchObject({ rank: 1, points: 3, hasRosette: true });
    expect(byId.get(p.mentor.id)).toMatchObject({ rank: 1, points: 3, hasRosette: true });
    expect(byId.get(p.otherMentee.id)).toMatchObject({ rank: 3, points: 2, hasRosette: false });
    expect(board.rows.filter((r) => r.hasRosette)).toHaveLength(2);
    for (const id of [p.otherMentor.id, p.spareMentor.id, p.spareMentee.id]) expect(byId.get(id)).toMatchObject({ rank: 4, points: 0 });
  });

  it("cannot tell a pupil below zero from any other (ADR 006), even to that pupil", async () => {
    const asMentee = await getBoard(world.actors.MENTEE, allTime(world.a.programme.id));
    const otherMentee = await actorFor(world.a.pupils.otherMentee.userId!);
    const asThemselves = await getBoard(otherMentee, allTime(world.a.programme.id));
    for (const board of [asMentee, asThemselves]) {
      expect(board.rows.every((r) => r.points >= 0)).toBe(true);
      // The same rows, whoever looks: no pupil's board marks anyone.
      expect(board.rows).toEqual(asMentee.rows);
    }
    expect(JSON.stringify(asMentee)).not.toContain("-4");
  });

  it("shows staff the real totals", async () => {
    const board = await getBoard(world.actors.TEACHER, allTime(world.a.programme.id));
    const other = board.rows.find((r) => r.studentId === world.a.pupils.otherMentee.id)!;
    expect(other).toMatchObject({ points: -4, rank: 6 });
  });

  it("carries names and points only: no SEND details, no reasons", async () => {
    const board = await getBoard(world.actors.MENTEE, allTime(world.a.programme.id));
    for (const row of board.rows) expect(Object.keys(row).sort()).toEqual(ROW_KEYS);
    const text = JSON.stringify(board);
    expect(text).not.toMatch(/SECRET|PRIVATE|hasSend|sendNotes|legal/);
    // Names are first name and last initial only.
    const mentorRow = board.rows.find((r) => r.studentId === world.a.pupils.mentor.id)!;
    expect(mentorRow.displayName).toBe(`Sam ${world.a.pupils.mentor.legalLastName[0]}.`);
    expect(text).not.toContain(world.a.pupils.mentor.legalLastName);
  });

  it("is not found for another school's pupils and staff, or a programme the pupil is not in", async () => {
    await expectNotFound(() => getBoard(world.actors.otherSchoolCoordinator, allTime(world.a.programme.id)));
    const otherSchoolMentee = await actorFor(world.b.pupils.mentee.userId!);
    await expectNotFound(() => getBoard(otherSchoolMentee, allTime(world.a.programme.id)));
    const elsewhere = await createProgramme(db, { schoolId: world.a.school.id });
    await expectNotFound(() => getBoard(world.actors.MENTEE, allTime(elsewhere.id)));
  });

  it("gives a pupil their own points and history only", async () => {
    const mine = await getMyPoints(world.actors.MENTEE);
    expect(mine.total).toBe(3);
    expect(mine.entries.map((e) => e.reason)).toEqual(["Helped a friend"]);
    const theirs = await getMyPoints(await actorFor(world.a.pupils.otherMentee.userId!));
    expect(theirs.total).toBe(-4);
    expect(theirs.entries.map((e) => e.reason).sort()).toEqual(["Came back and apologised", "PRIVATE: left the session early"]);
    expect(JSON.stringify(mine)).not.toContain("PRIVATE");
  });

  it("gives staff no personal points", async () => {
    expect(await getMyPoints(world.actors.TEACHER)).toEqual({ total: 0, entries: [] });
  });
});
