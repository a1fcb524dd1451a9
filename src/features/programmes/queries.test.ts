import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import type { Actor } from "@/server/actor";
import {
  addMentee,
  addMentor,
  createPairingRow,
  createPointEntry,
  createProgramme,
  createSchool,
  createSessionRow,
  createStaffUser,
  createStudent,
  setPairingSlotRow,
} from "@/server/factories";
import { addDaysIso, startOfDayInstant, todayIn, toDbDate, weekOf } from "@/lib/dates";
import { actorFor } from "@/test-support/actors";
import { uniqueEmail } from "@/test-support/school";
import { chooseProgrammeForStaff, getCoordinatorFigures, listProgrammesForActor } from "./queries";

/**
 * A hand-built programme whose figures are known whatever day of the week the test runs: no
 * calendar (so this week is never a holiday), sessions only today or well outside this week.
 */
async function buildProgramme() {
  const school = await createSchool(db, { withCalendar: false });
  const schoolId = school.id;
  const today = todayIn(school.timezone);
  const week = weekOf(today);
  const coordinator = await createStaffUser(db, { schoolId, roles: ["COORDINATOR"], email: uniqueEmail("figures") });
  const programme = await createProgramme(db, { schoolId, cadence: "WEEKLY", startsOn: addDaysIso(today, -60) });
  const elsewhere = await createProgramme(db, { schoolId, cadence: "WEEKLY", startsOn: addDaysIso(today, -60) });

  const student = (yearGroup: number, status: "ON_ROLL" | "LEFT" = "ON_ROLL") => createStudent(db, { schoolId, yearGroup, today, status });
  const mentors = await Promise.all([1, 2, 3, 4, 5, 6].map(() => student(10)));
  const mentees = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map((n) => student(7, n === 7 ? "LEFT" : "ON_ROLL")));
  await Promise.all([
    ...mentors.map((m) => addMentor(db, { schoolId, programmeId: programme.id, studentId: m.id, capacity: 3 })),
    ...mentees.map((m) => addMentee(db, { schoolId, programmeId: programme.id, studentId: m.id })),
  ]);
  const [m1, m2, m3, m4, , m6] = mentors;
  const [e1, e2, e3, e4, e5, , , e8] = mentees;
  const pair = (
    mentor: { id: string },
    mentee: { id: string },
    status: "TRIAL" | "ACTIVE" | "PAUSED" | "ENDED",
    startsAgo: number,
    programmeId = programme.id,
  ) =>
    createPairingRow(db, {
      schoolId,
      programmeId,
      createdById: coordinator.id,
      mentorIds: [mentor.id],
      menteeIds: [mentee.id],
      status,
      startsOn: addDaysIso(today, -startsAgo),
    });

  const p1 = await pair(m1!, e1!, "ACTIVE", 42); // met today: live, held this week
  const p2 = await pair(m2!, e2!, "TRIAL", 30); // last met 20 days ago: quiet
  const p3 = await pair(m3!, e3!, "ACTIVE", 5); // new, not met yet: not quiet
  const p4 = await pair(m4!, e4!, "PAUSED", 42); // paused: not live, but e4 and m4 still have a pairing
  await pair(m1!, e5!, "ENDED", 60); // ended: e5 has no pairing now
  const p6 = await pair(m6!, e8!, "TRIAL", 20); // never met in 20 days: quiet
  // Every pairing meets on Fridays, so each live one plans one meeting this week (a Friday is never
  // before a pairing that started five days ago); the paused one plans none.
  for (const p of [p1, p2, p3, p4, p6]) await setPairingSlotRow(db, { schoolId, pairingId: p.id, weekday: 5 });
  // e6 has never been paired; e7 has left; m5 has never been paired.

  const session = (pairingId: string, heldOn: string) =>
    createSessionRow(db, { schoolId, pairingId, loggedById: coordinator.id, heldOn, pupils: [] });
  await session(p1.id, today);
  await session(p1.id, addDaysIso(week.start, -1));
  await session(p2.id, addDaysIso(today, -20));

  // The other programme's activity must not count.
  const otherMentee = await student(8);
  await addMentee(db, { schoolId, programmeId: elsewhere.id, studentId: otherMentee.id });
  await addMentor(db, { schoolId, programmeId: elsewhere.id, studentId: m1!.id });
  const otherPairing = await pair(m1!, otherMentee, "ACTIVE", 10, elsewhere.id);
  await session(otherPairing.id, today);
  await createPointEntry(db, { schoolId, programmeId: elsewhere.id, studentId: otherMentee.id, awardedById: coordinator.id, amount: 7 });

  const give = (studentId: string, amount: number, createdAt?: Date) =>
    createPointEntry(db, {
      schoolId,
      programmeId: programme.id,
      studentId,
      awardedById: coordinator.id,
      amount,
      ...(createdAt ? { createdAt } : {}),
    });
  await give(e1!.id, 5);
  await give(e2!.id, -2);
  await give(e3!.id, 4, new Date(startOfDayInstant(week.start, school.timezone).getTime() - 60_000)); // last week

  return { school, today, week, coordinator, programme, elsewhere };
}

describe("getCoordinatorFigures", () => {
  let built: Awaited<ReturnType<typeof buildProgramme>>;
  let coordinator: Actor;
  beforeAll(async () => {
    built = await buildProgramme();
    coordinator = await actorFor(built.coordinator);
  });

  it("counts live pairings, sessions held against planned, unpaired pupils, quiet pairings and this week's points", async () => {
    expect(await getCoordinatorFigures(coordinator, built.programme.id)).toEqual({
      livePairings: 4,
      sessionsHeldThisWeek: 1,
      sessionsPlannedThisWeek: 4,
      menteesWithoutPairing: 2,
      mentorsWithoutPairing: 1,
      pairingsQuiet14Days: 2,
      pointsThisWeek: 3,
      pointEntriesThisWeek: 2,
    });
  });

  it("plans nothing in a holiday week", async () => {
    const year = await db.academicYear.create({
      data: {
        schoolId: built.school.id,
        name: "Test year",
        startYear: 2000,
        startsOn: toDbDate(addDaysIso(built.today, -200)),
        endsOn: toDbDate(addDaysIso(built.today, 100)),
        confirmedAt: new Date(),
      },
    });
    await db.calendarPeriod.create({
      data: {
        schoolId: built.school.id,
        academicYearId: year.id,
        kind: "HOLIDAY",
        name: "Test holiday",
        startsOn: toDbDate(built.week.start),
        endsOn: toDbDate(built.week.end),
      },
    });
    const figures = await getCoordinatorFigures(coordinator, built.programme.id);
    expect(figures.sessionsPlannedThisWeek).toBe(0);
    expect(figures.livePairings).toBe(4);
  });
});

describe("programme lists", () => {
  it("shows staff every programme of the school and a pupil only their own", async () => {
    const built = await buildProgramme();
    const staff = await actorFor(built.coordinator);
    expect((await listProgrammesForActor(staff)).map((p) => p.id).sort()).toEqual([built.programme.id, built.elsewhere.id].sort());
    const chosen = await chooseProgrammeForStaff(staff);
    expect([built.programme.id, built.elsewhere.id]).toContain(chosen.programme!.id);

    const pupil = await createStudent(db, { schoolId: built.school.id, yearGroup: 9, account: { email: uniqueEmail("lists") } });
    await addMentee(db, { schoolId: built.school.id, programmeId: built.elsewhere.id, studentId: pupil.id });
    expect((await listProgrammesForActor(await actorFor(pupil.userId!))).map((p) => p.id)).toEqual([built.elsewhere.id]);
  });
});
