// The new school year on a seeded school, with every expectation written out by hand (issue 11, plan §7).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { loadActor, type Actor } from "@/server/actor";
import { addMentee, addMentor, createPairingRow, createProgramme, createSchool, createStaffUser, createStudent } from "@/server/factories";
import { loadBoardCalendar, loadCalendarFacts, loadSchoolCalendar } from "@/server/calendar";
import { toDbDate } from "@/lib/dates";
import { actorFor, signedInClaims } from "@/test-support/actors";
import { expectRefusedWithoutWrites, runCommand } from "@/test-support/commands";
import { uniqueEmail } from "@/test-support/school";
import { confirmAcademicYear } from "@/features/calendar/commands";
import { ALREADY_ROLLED_OVER, runRollover, STALE_ROLLOVER } from "./commands";
import { getRolloverPreview } from "./queries";

// 2026/27 as in src/lib/next-year-calendar.test.ts (Easter 28 March 2027), entered and confirmed.
const PERIODS = [
  ["INSET", "INSET day", "2026-09-02", "2026-09-02"],
  ["TERM", "Autumn term", "2026-09-03", "2026-12-18"],
  ["HALF_TERM", "Autumn 1", "2026-09-03", "2026-10-23"],
  ["HOLIDAY", "October half-term", "2026-10-26", "2026-10-30"],
  ["HALF_TERM", "Autumn 2", "2026-11-02", "2026-12-18"],
  ["HOLIDAY", "Christmas holiday", "2026-12-21", "2027-01-01"],
  ["INSET", "INSET day", "2027-01-04", "2027-01-04"],
  ["TERM", "Spring term", "2027-01-05", "2027-03-25"],
  ["HALF_TERM", "Spring 1", "2027-01-05", "2027-02-12"],
  ["HOLIDAY", "February half-term", "2027-02-15", "2027-02-19"],
  ["HALF_TERM", "Spring 2", "2027-02-22", "2027-03-25"],
  ["HOLIDAY", "Easter holiday", "2027-03-26", "2027-04-09"],
  ["TERM", "Summer term", "2027-04-12", "2027-07-21"],
  ["HALF_TERM", "Summer 1", "2027-04-12", "2027-05-28"],
  ["HOLIDAY", "Early May bank holiday", "2027-05-03", "2027-05-03"],
  ["HOLIDAY", "May half-term", "2027-05-31", "2027-06-04"],
  ["HALF_TERM", "Summer 2", "2027-06-07", "2027-07-21"],
  ["HOLIDAY", "Summer holiday", "2027-07-22", "2027-08-31"],
] as const;

// Year groups as on a summer day of 2026/27.
const SUMMER = "2027-07-01";

describe("running the new school year", () => {
  let admin: Actor;
  let schoolId: string;
  const ids = {} as Record<
    "y11Mentor" | "y9Mentee" | "y11Never" | "groupMentor" | "y10Leaving" | "y8Stays" | "laterLeaver" | "clubMentor" | "clubMentee",
    string
  >;
  const pairings = {} as Record<"oneToOne" | "group" | "club", string>;
  const programmes = {} as Record<"main" | "club", string>;
  let y11MentorUserId: string;

  beforeAll(async () => {
    const school = await createSchool(db, { withCalendar: false });
    schoolId = school.id;
    await db.academicYear.create({
      data: {
        schoolId,
        name: "2026–27",
        startYear: 2026,
        startsOn: toDbDate("2026-09-01"),
        endsOn: toDbDate("2027-08-31"),
        confirmedAt: new Date(),
        periods: {
          create: PERIODS.map(([kind, name, startsOn, endsOn]) => ({
            kind,
            name,
            startsOn: toDbDate(startsOn),
            endsOn: toDbDate(endsOn),
          })),
        },
      },
    });
    const [adminUser, coordinator] = await Promise.all([
      createStaffUser(db, { schoolId, roles: ["ADMIN"], email: uniqueEmail("rollover-admin") }),
      createStaffUser(db, { schoolId, roles: ["COORDINATOR"], email: uniqueEmail("rollover-coord") }),
    ]);
    admin = await actorFor(adminUser);
    const main = await createProgramme(db, { schoolId, name: "Peer mentoring", startsOn: "2026-09-07" });
    const club = await createProgramme(db, { schoolId, name: "Summer reading club", startsOn: "2027-04-12" });
    await db.programme.update({ where: { schoolId_id: { schoolId, id: club.id } }, data: { endsOn: toDbDate("2027-07-16") } });
    Object.assign(programmes, { main: main.id, club: club.id });

    const pupil = async (firstName: string, yearGroup: number, role?: "MENTOR" | "MENTEE", programmeId = main.id) => {
      const student = await createStudent(db, {
        schoolId,
        firstName,
        lastName: "Rollover",
        yearGroup,
        today: SUMMER,
        account: { email: uniqueEmail(firstName.toLowerCase()) },
      });
      if (role === "MENTOR") await addMentor(db, { schoolId, programmeId, studentId: student.id, capacity: 3 });
      if (role === "MENTEE") await addMentee(db, { schoolId, programmeId, studentId: student.id });
      return student;
    };
    const y11Mentor = await pupil("Amara", 11, "MENTOR");
    y11MentorUserId = y11Mentor.userId!;
    ids.y11Mentor = y11Mentor.id;
    ids.y9Mentee = (await pupil("Ben", 9, "MENTEE")).id;
    ids.y11Never = (await pupil("Cara", 11)).id;
    ids.groupMentor = (await pupil("Dev", 10, "MENTOR")).id;
    ids.y10Leaving = (await pupil("Erin", 10, "MENTEE")).id;
    ids.y8Stays = (await pupil("Femi", 8, "MENTEE")).id;
    ids.laterLeaver = (await pupil("Gus", 9)).id;
    ids.clubMentor = (await pupil("Hana", 9, "MENTOR", club.id)).id;
    ids.clubMentee = (await pupil("Ivo", 7, "MENTEE", club.id)).id;
    // Erin leaves at the end of June; Gus in October, after the new year starts, so he stays for now.
    await db.student.update({ where: { schoolId_id: { schoolId, id: ids.y10Leaving } }, data: { leavingOn: toDbDate("2027-06-30") } });
    await db.student.update({ where: { schoolId_id: { schoolId, id: ids.laterLeaver } }, data: { leavingOn: toDbDate("2027-10-15") } });

    const pair = (programmeId: string, mentorIds: string[], menteeIds: string[]) =>
      createPairingRow(db, { schoolId, programmeId, createdById: coordinator.id, mentorIds, menteeIds, startsOn: "2026-10-05" });
    pairings.oneToOne = (await pair(main.id, [ids.y11Mentor], [ids.y9Mentee])).id;
    pairings.group = (await pair(main.id, [ids.groupMentor], [ids.y10Leaving, ids.y8Stays])).id;
    pairings.club = (await pair(club.id, [ids.clubMentor], [ids.clubMentee])).id;
  });

  const student = (id: string) =>
    db.student.findUniqueOrThrow({ where: { schoolId_id: { schoolId, id } }, select: { status: true, leftOn: true } });
  const pairing = (id: string) =>
    db.pairing.findUniqueOrThrow({ where: { schoolId_id: { schoolId, id } }, select: { status: true, closureReason: true } });

  it("previews the leavers, pairings, programmes and next year's draft calendar in names", async () => {
    const preview = await getRolloverPreview(admin);
    if (preview.kind !== "READY") throw new Error("expected a preview");
    expect(preview).toMatchObject({
      fromName: "2026–27",
      toName: "2027–28",
      newYearStartsOn: "2027-09-01",
      finalYearGroup: 11,
      alreadyRolledOver: false,
      accountsClosing: 3,
    });
    expect(preview.leavers.map((l) => [l.name, l.yearGroup, l.becomes, l.why])).toEqual([
      ["Amara Rollover", 11, "ALUMNI", "FINAL_YEAR"],
      ["Cara Rollover", 11, "LEFT", "FINAL_YEAR"],
      ["Erin Rollover", 10, "LEFT", "LEAVING_DATE"],
    ]);
    expect(preview.pairingsEnding.map((p) => [p.names, p.programme, p.reason]).sort()).toEqual([
      ["Amara Rollover, Ben Rollover", "Peer mentoring", "PUPIL_LEFT"],
      ["Hana Rollover, Ivo Rollover", "Summer reading club", "PROGRAMME_ENDED"],
    ]);
    expect(preview.placesPaused).toEqual([{ pairingId: pairings.group, name: "Erin Rollover", programme: "Peer mentoring" }]);
    expect(preview.programmes.map((p) => [p.name, p.choice])).toEqual([
      ["Peer mentoring", "CARRY"],
      ["Summer reading club", "CLOSE"],
    ]);
    expect(preview.warnings).toEqual([
      "Tutor groups stay as they are until the next pupil import: 6 pupils moving up a year keep last year's tutor group until then.",
    ]);
    // Easter moves from 28 March 2027 to 16 April 2028 (as next-year-calendar.test.ts); INSET days are flagged.
    expect(preview.calendar.isNew).toBe(true);
    expect(preview.calendar.periods.find((p) => p.name === "Easter holiday")).toMatchObject({
      startsOn: "2028-04-14",
      endsOn: "2028-04-28",
      check: false,
    });
    expect(preview.calendar.periods.filter((p) => p.kind === "INSET").map((p) => [p.startsOn, p.check])).toEqual([
      ["2027-09-01", true],
      ["2028-01-03", true],
    ]);

    // Year 13 as the final year: nobody in Year 11 leaves, only Erin by her date.
    const sixthForm = await getRolloverPreview(admin, { finalYearGroup: 13, choices: { [programmes.club]: "CARRY" } });
    if (sixthForm.kind !== "READY") throw new Error("expected a preview");
    expect(sixthForm.leavers.map((l) => l.name)).toEqual(["Erin Rollover"]);
    expect(sixthForm.programmes.map((p) => p.choice)).toEqual(["CARRY", "CARRY"]);
  });

  it("refuses a stale preview and writes nothing", async () => {
    const preview = await getRolloverPreview(admin);
    if (preview.kind !== "READY") throw new Error("expected a preview");
    await expectRefusedWithoutWrites(
      runRollover,
      admin,
      { finalYearGroup: "11", close: [programmes.club], basis: "0".repeat(64) },
      [schoolId],
      STALE_ROLLOVER,
    );
    // The same preview, but the admin now chooses to carry the club on: a different plan.
    await expectRefusedWithoutWrites(runRollover, admin, { finalYearGroup: "11", basis: preview.fingerprint }, [schoolId], STALE_ROLLOVER);
  });

  it("runs once: alumni and leavers, pairings ended or paused, the club closed, next year drafted", async () => {
    const claims = await signedInClaims(y11MentorUserId);
    expect(await loadActor(db, claims)).not.toBeNull();
    const preview = await getRolloverPreview(admin);
    if (preview.kind !== "READY") throw new Error("expected a preview");
    const input = { finalYearGroup: "11", close: [programmes.club], basis: preview.fingerprint };
    const { result } = await runCommand(runRollover, admin, input, [schoolId]);
    expect(result).toMatchObject({ ok: true });
    expect(result.message).toBe(
      "2026–27 is rolled over: 3 pupils have left (1 as alumni). Check next year's dates on the calendar, then confirm them.",
    );

    // Amara mentored, so she is an alumna; her 1:1 ended "pupil left"; her account is closed at once.
    expect(await student(ids.y11Mentor)).toEqual({ status: "ALUMNI", leftOn: toDbDate("2027-08-31") });
    expect(await pairing(pairings.oneToOne)).toEqual({ status: "ENDED", closureReason: "PUPIL_LEFT" });
    expect(await loadActor(db, claims)).toBeNull();
    expect(await db.userSession.count({ where: { userId: y11MentorUserId } })).toBe(0);
    // Cara never mentored: left. Erin left by her date, and her place in the group is paused.
    expect(await student(ids.y11Never)).toEqual({ status: "LEFT", leftOn: toDbDate("2027-08-31") });
    expect(await student(ids.y10Leaving)).toEqual({ status: "LEFT", leftOn: toDbDate("2027-08-31") });
    expect(await pairing(pairings.group)).toEqual({ status: "ACTIVE", closureReason: null });
    expect(
      await db.pause.findMany({ where: { schoolId, pairingId: pairings.group, endedAt: null }, select: { studentId: true, source: true } }),
    ).toEqual([{ studentId: ids.y10Leaving, source: "LEFT_SCHOOL" }]);
    // Gus leaves in October, after the new year starts: still on roll. Ben, Dev, Femi stay.
    for (const id of [ids.laterLeaver, ids.y9Mentee, ids.groupMentor, ids.y8Stays, ids.clubMentor])
      expect((await student(id)).status).toBe("ON_ROLL");
    // The club ended in July: its pairing ended "programme ended", then it closed; the main programme carries on.
    expect(await pairing(pairings.club)).toEqual({ status: "ENDED", closureReason: "PROGRAMME_ENDED" });
    expect(await db.programme.findMany({ where: { schoolId }, select: { name: true, status: true }, orderBy: { name: "asc" } })).toEqual([
      { name: "Peer mentoring", status: "ACTIVE" },
      { name: "Summer reading club", status: "CLOSED" },
    ]);

    // Next year is a draft with the moved dates; the rollover is recorded once, and audited.
    const draft = await db.academicYear.findFirstOrThrow({
      where: { schoolId, startYear: 2027 },
      select: { id: true, name: true, startsOn: true, endsOn: true, confirmedAt: true, periods: { where: { name: "Easter holiday" } } },
    });
    expect(draft).toMatchObject({ name: "2027–28", startsOn: toDbDate("2027-09-01"), endsOn: toDbDate("2028-08-31"), confirmedAt: null });
    expect(draft.periods).toMatchObject([{ kind: "HOLIDAY", startsOn: toDbDate("2028-04-14"), endsOn: toDbDate("2028-04-28") }]);
    expect(await db.calendarPeriod.count({ where: { schoolId, academicYearId: draft.id } })).toBe(PERIODS.length);
    expect(
      await db.schoolRollover.findMany({ where: { schoolId }, select: { fromStartYear: true, toStartYear: true, summary: true } }),
    ).toEqual([
      {
        fromStartYear: 2026,
        toStartYear: 2027,
        summary: {
          fromName: "2026–27",
          toStartYear: 2027,
          finalYearGroup: 11,
          leavers: 3,
          alumni: 1,
          accountsClosed: 3,
          pairingsEnded: 2,
          placesPaused: 1,
          programmesClosed: 1,
          programmesCarried: 1,
          draftYearId: draft.id,
        },
      },
    ]);
    expect(await db.school.findUniqueOrThrow({ where: { id: schoolId }, select: { finalYearGroup: true } })).toEqual({
      finalYearGroup: 11,
    });
    expect(await db.auditLog.count({ where: { schoolId, action: "school.rolled_over" } })).toBe(1);
    expect(await db.auditLog.count({ where: { schoolId, action: "student.left" } })).toBe(3);

    // A second run, even from a fresh preview, is refused.
    const again = await getRolloverPreview(admin);
    if (again.kind !== "READY") throw new Error("expected a preview");
    expect(again.alreadyRolledOver).toBe(true);
    await expectRefusedWithoutWrites(
      runRollover,
      admin,
      { finalYearGroup: "11", close: [], basis: again.fingerprint },
      [schoolId],
      ALREADY_ROLLED_OVER,
    );
  });

  it("ignores the draft year until it is confirmed, then plans with it", async () => {
    const draft = await db.academicYear.findFirstOrThrow({ where: { schoolId, startYear: 2027 }, select: { id: true } });
    const school = { schoolId, timezone: "Europe/London" };
    const easter2028 = { startsOn: "2028-04-14", endsOn: "2028-04-28" };
    // A draft's holidays close no meetings, and its year and terms bound no dates.
    expect((await loadSchoolCalendar(schoolId)).closures).not.toContainEqual(easter2028);
    expect((await loadCalendarFacts(db, school)).academicYears).toEqual([{ startsOn: "2026-09-01", endsOn: "2027-08-31" }]);
    expect((await loadCalendarFacts(db, school)).terms).not.toContainEqual({ startsOn: "2027-09-02", endsOn: "2027-12-17" });
    expect((await loadBoardCalendar(db, school)).academicYears).toHaveLength(1);

    expect(await runCommand(confirmAcademicYear, admin, { academicYearId: draft.id }, [schoolId])).toMatchObject({
      result: { ok: true, message: "Confirmed 2027–28. Its terms and holidays now plan sessions." },
      changes: { auditLogs: 1 },
    });
    expect((await loadSchoolCalendar(schoolId)).closures).toContainEqual(easter2028);
    expect((await loadCalendarFacts(db, school)).academicYears).toContainEqual({ startsOn: "2027-09-01", endsOn: "2028-08-31" });
    expect((await loadBoardCalendar(db, school)).academicYears).toHaveLength(2);
    await expectRefusedWithoutWrites(confirmAcademicYear, admin, { academicYearId: draft.id }, [schoolId], "2027–28 is already confirmed.");
  });
});
