import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { addMentee, addMentor, createPairingRow, createStudent } from "@/server/factories";
import { signedInClaims } from "@/test-support/actors";
import { buildSchool, uniqueEmail, type TestSchool } from "@/test-support/school";
import { loadActor } from "@/server/actor";
import { markPupilsLeft } from "./leaving";

describe("markPupilsLeft", () => {
  let s: TestSchool;
  beforeAll(async () => {
    s = await buildSchool({ withCalendar: false, format: "BOTH" });
  });

  const pupil = async (yearGroup: number, role: "MENTOR" | "MENTEE") => {
    const student = await createStudent(db, { schoolId: s.school.id, yearGroup, account: { email: uniqueEmail("leaver") } });
    if (role === "MENTOR") await addMentor(db, { schoolId: s.school.id, programmeId: s.programme.id, studentId: student.id });
    else await addMentee(db, { schoolId: s.school.id, programmeId: s.programme.id, studentId: student.id });
    return student;
  };

  it("closes a leaver's account at once and ends their 1:1 with the reason 'pupil left'", async () => {
    const mentor = await pupil(11, "MENTOR");
    const mentee = await pupil(7, "MENTEE");
    const pairing = await createPairingRow(db, {
      schoolId: s.school.id,
      programmeId: s.programme.id,
      createdById: s.staff.coordinator.id,
      mentorIds: [mentor.id],
      menteeIds: [mentee.id],
    });
    // A stale invitation from an earlier time as an alumnus must not make them an alumni mentor now.
    await db.student.updateMany({ where: { id: mentor.id }, data: { alumniMentorFrom: new Date() } });
    const claims = await signedInClaims(mentor.userId!, 1);
    expect(await loadActor(db, claims)).not.toBeNull();

    const result = await db.$transaction((tx) =>
      markPupilsLeft(tx, {
        schoolId: s.school.id,
        leaving: [{ studentId: mentor.id, becomes: "ALUMNI" }],
        leftOn: "2027-07-20",
        byUserId: s.staff.admin.id,
      }),
    );
    expect(result).toMatchObject({ left: [mentor.id], accountsClosed: [mentor.userId], pairingsEnded: [pairing.id], placesPaused: [] });
    expect(await loadActor(db, claims)).toBeNull();
    expect(await db.userSession.count({ where: { userId: mentor.userId! } })).toBe(0);
    expect(await db.student.findUniqueOrThrow({ where: { schoolId_id: { schoolId: s.school.id, id: mentor.id } } })).toMatchObject({
      status: "ALUMNI",
      leftOn: new Date("2027-07-20T00:00:00Z"),
      alumniMentorFrom: null,
    });
    expect(await db.pairing.findFirstOrThrow({ where: { id: pairing.id } })).toMatchObject({
      status: "ENDED",
      closureReason: "PUPIL_LEFT",
    });
  });

  it("pauses a leaving mentee's place in a group that still meets, and changes nothing a second time", async () => {
    const mentor = await pupil(10, "MENTOR");
    const [stays, goes] = [await pupil(7, "MENTEE"), await pupil(7, "MENTEE")];
    const group = await createPairingRow(db, {
      schoolId: s.school.id,
      programmeId: s.programme.id,
      createdById: s.staff.coordinator.id,
      mentorIds: [mentor.id],
      menteeIds: [stays.id, goes.id],
    });
    const leave = () =>
      db.$transaction((tx) =>
        markPupilsLeft(tx, {
          schoolId: s.school.id,
          leaving: [{ studentId: goes.id, becomes: "LEFT" }],
          leftOn: "2026-12-01",
          byUserId: s.staff.admin.id,
        }),
      );
    expect(await leave()).toMatchObject({
      left: [goes.id],
      pairingsEnded: [],
      placesPaused: [{ pairingId: group.id, studentId: goes.id }],
    });
    expect(await db.pairing.findFirstOrThrow({ where: { id: group.id } })).toMatchObject({ status: "ACTIVE" });
    const pause = await db.pause.findFirstOrThrow({ where: { pairingId: group.id, endedAt: null } });
    expect(pause).toMatchObject({ studentId: goes.id, source: "LEFT_SCHOOL" });
    expect(await leave()).toEqual({ left: [], accountsClosed: [], pairingsEnded: [], placesPaused: [] });
  });
});
