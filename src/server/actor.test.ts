import { beforeAll, describe, expect, it } from "vitest";
import { db } from "./db";
import { homePathFor, isSchoolStaff, loadActor } from "./actor";
import { endEverySession, endSession } from "./sign-in";
import { addMembership, addMentee, addMentor, createProgramme, createSchool, createStaffUser, createStudent } from "./factories";
import { actorFor, fakeActor, signedInClaims } from "@/test-support/actors";
import { buildSchool, uniqueEmail, type TestSchool } from "@/test-support/school";

describe("loadActor", () => {
  let s: TestSchool;
  beforeAll(async () => {
    s = await buildSchool({ withCalendar: false });
  });

  it("loads a staff member's roles and school from the database", async () => {
    const actor = await actorFor(s.staff.coordinator);
    expect(actor).toMatchObject({
      userId: s.staff.coordinator.id,
      schoolId: s.school.id,
      schoolName: s.school.name,
      timezone: "Europe/London",
      roles: ["COORDINATOR"],
      studentId: null,
      mustChangePassword: false,
    });
    expect(actor.schools).toEqual([{ id: s.school.id, name: s.school.name }]);
  });

  it("returns null for an unknown user", async () => {
    expect(await loadActor(db, { userId: "no-such-user", sessionVersion: 1, sessionId: "no-such-session" })).toBeNull();
  });

  it("returns null for a disabled user", async () => {
    const user = await createStaffUser(db, { schoolId: s.school.id, roles: ["TEACHER"], email: uniqueEmail("disabled") });
    expect(await loadActor(db, await signedInClaims(user.id, 1))).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await loadActor(db, await signedInClaims(user.id, 1))).toBeNull();
  });

  it("returns null for a session issued before the session version was bumped", async () => {
    const user = await createStaffUser(db, { schoolId: s.school.id, roles: ["TEACHER"], email: uniqueEmail("bumped") });
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await loadActor(db, await signedInClaims(user.id, 1))).toBeNull();
    expect(await loadActor(db, await signedInClaims(user.id, 2))).not.toBeNull();
  });

  it("picks the preferred school for trust staff, else their first school", async () => {
    const other = await createSchool(db, { withCalendar: false, name: "Second Academy" });
    const user = await createStaffUser(db, { schoolId: s.school.id, roles: ["COORDINATOR", "DSL"], email: uniqueEmail("trust") });
    await addMembership(db, { userId: user.id, schoolId: other.id, roles: ["TEACHER"] });

    const preferred = await loadActor(db, await signedInClaims(user.id, 1), other.id);
    expect(preferred).toMatchObject({ schoolId: other.id, schoolName: "Second Academy", roles: ["TEACHER"] });
    expect(preferred!.schools.map((x) => x.id)).toEqual([s.school.id, other.id]);

    const first = await loadActor(db, await signedInClaims(user.id, 1));
    expect(first).toMatchObject({ schoolId: s.school.id, roles: ["COORDINATOR", "DSL"] });

    // A cookie naming a school they do not work in falls back to the first school.
    const stranger = await createSchool(db, { withCalendar: false });
    expect((await loadActor(db, await signedInClaims(user.id, 1), stranger.id))!.schoolId).toBe(s.school.id);
  });

  it("ignores a membership with no roles", async () => {
    const other = await createSchool(db, { withCalendar: false });
    const user = await createStaffUser(db, { schoolId: s.school.id, roles: ["TEACHER"], email: uniqueEmail("noroles") });
    await addMembership(db, { userId: user.id, schoolId: other.id, roles: [] });
    const actor = await loadActor(db, await signedInClaims(user.id, 1), other.id);
    expect(actor!.schoolId).toBe(s.school.id);
    expect(actor!.schools.map((x) => x.id)).toEqual([s.school.id]);
  });

  it("derives MENTOR and MENTEE for pupils from their profiles in running programmes", async () => {
    expect((await actorFor(s.pupils.mentor.userId!)).roles).toEqual(["PUPIL", "MENTOR"]);
    const mentee = await actorFor(s.pupils.mentee.userId!);
    expect(mentee).toMatchObject({
      roles: ["PUPIL", "MENTEE"],
      studentId: s.pupils.mentee.id,
      schoolId: s.school.id,
      schools: [{ id: s.school.id, name: s.school.name }],
    });
  });

  it("gives a pupil who is both mentor and mentee both roles (mixed-age groups)", async () => {
    const pupil = await createStudent(db, { schoolId: s.school.id, yearGroup: 9, account: { email: uniqueEmail("both") } });
    await addMentor(db, { schoolId: s.school.id, programmeId: s.programme.id, studentId: pupil.id });
    const second = await createProgramme(db, { schoolId: s.school.id });
    await addMentee(db, { schoolId: s.school.id, programmeId: second.id, studentId: pupil.id });
    expect((await actorFor(pupil.userId!)).roles).toEqual(["PUPIL", "MENTOR", "MENTEE"]);
  });

  it("gives only PUPIL for a profile in a programme that is not running", async () => {
    const closed = await createProgramme(db, { schoolId: s.school.id, status: "CLOSED" });
    const pupil = await createStudent(db, { schoolId: s.school.id, yearGroup: 10, account: { email: uniqueEmail("closed") } });
    await addMentor(db, { schoolId: s.school.id, programmeId: closed.id, studentId: pupil.id });
    expect((await actorFor(pupil.userId!)).roles).toEqual(["PUPIL"]);
  });

  it("returns null for a pupil who has left", async () => {
    const pupil = await createStudent(db, {
      schoolId: s.school.id,
      yearGroup: 11,
      status: "LEFT",
      account: { email: uniqueEmail("left") },
    });
    expect(await loadActor(db, await signedInClaims(pupil.userId!, 1))).toBeNull();
  });

  it("closes a school whose admin disabled the membership at once, leaving a trust colleague their other school", async () => {
    const user = await createStaffUser(db, { schoolId: s.school.id, roles: ["TEACHER"], email: uniqueEmail("disabled") });
    const claims = await signedInClaims(user.id);
    await db.membership.updateMany({ where: { userId: user.id, schoolId: s.school.id }, data: { disabledAt: new Date() } });
    expect(await loadActor(db, claims)).toBeNull();
    const second = await createSchool(db, { withCalendar: false });
    await addMembership(db, { userId: user.id, schoolId: second.id, roles: ["COORDINATOR"] });
    const actor = await loadActor(db, claims, s.school.id);
    expect(actor).toMatchObject({ schoolId: second.id, roles: ["COORDINATOR"], schools: [{ id: second.id }] });
  });

  it("returns null for an alumnus who has not been invited back to mentor", async () => {
    const pupil = await createStudent(db, {
      schoolId: s.school.id,
      yearGroup: 11,
      status: "ALUMNI",
      account: { email: uniqueEmail("alum") },
    });
    expect(await loadActor(db, await signedInClaims(pupil.userId!, 1))).toBeNull();
  });

  it("returns null once this device's session row is gone (signed out), and for a made-up or expired one", async () => {
    const user = await createStaffUser(db, { schoolId: s.school.id, roles: ["TEACHER"], email: uniqueEmail("signed-out") });
    const thisDevice = await signedInClaims(user.id);
    const otherDevice = await signedInClaims(user.id);
    expect(await loadActor(db, thisDevice)).not.toBeNull();
    await endSession(db, thisDevice);
    expect(await loadActor(db, thisDevice)).toBeNull();
    // Other devices stay signed in.
    expect(await loadActor(db, otherDevice)).not.toBeNull();
    // A session id the token names but the table does not have, or another user's.
    expect(await loadActor(db, { ...otherDevice, sessionId: "made-up" })).toBeNull();
    const someoneElse = await signedInClaims(s.staff.coordinator.id);
    expect(await loadActor(db, { ...otherDevice, sessionId: someoneElse.sessionId })).toBeNull();
    await db.userSession.update({ where: { id: otherDevice.sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await loadActor(db, otherDevice)).toBeNull();
  });

  it("signing out everywhere ends every device's session and bumps the session version", async () => {
    const user = await createStaffUser(db, { schoolId: s.school.id, roles: ["TEACHER"], email: uniqueEmail("everywhere") });
    const devices = [await signedInClaims(user.id), await signedInClaims(user.id)];
    await endEverySession(db, user.id);
    for (const device of devices) expect(await loadActor(db, device)).toBeNull();
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(2);
    expect(await loadActor(db, await signedInClaims(user.id))).not.toBeNull();
  });

  it("returns null for an account that is neither staff nor pupil", async () => {
    const user = await db.user.create({ data: { email: uniqueEmail("orphan"), name: "Orphan", passwordHash: "x" } });
    expect(await loadActor(db, await signedInClaims(user.id, 1))).toBeNull();
  });
});

describe("homePathFor", () => {
  it.each([
    [["COORDINATOR", "DSL"], "/coordinator"],
    [["ADMIN", "COORDINATOR"], "/coordinator"],
    [["ADMIN"], "/admin"],
    [["ADMIN", "TEACHER"], "/admin"],
    [["TEACHER"], "/staff"],
    [["DSL"], "/safeguarding"],
    [["DSL", "TEACHER"], "/safeguarding"],
    [["HEAD", "ADMIN"], "/safeguarding"],
    [["CHAIR_OF_GOVERNORS"], "/safeguarding"],
    [["PUPIL", "MENTOR"], "/mentor"],
    [["PUPIL", "MENTOR", "MENTEE"], "/mentor"],
    [["PUPIL", "MENTEE"], "/student"],
    [["PUPIL"], "/student"],
  ] as const)("sends %j to %s", (roles, path) => {
    expect(homePathFor(fakeActor([...roles]))).toBe(path);
  });
});

describe("isSchoolStaff", () => {
  it("counts everyone who works at the school, never the chair of governors alone", async () => {
    const { canReadSend, studentsVisibleTo } = await import("@/features/students/policy");
    const chair = fakeActor(["CHAIR_OF_GOVERNORS"]);
    expect(isSchoolStaff(chair)).toBe(false);
    expect(canReadSend(chair)).toBe(false);
    expect(studentsVisibleTo(chair)).toMatchObject({ id: "__none__" });
    for (const role of ["ADMIN", "COORDINATOR", "TEACHER", "DSL", "HEAD"] as const) expect(isSchoolStaff(fakeActor([role]))).toBe(true);
    expect(isSchoolStaff(fakeActor(["CHAIR_OF_GOVERNORS", "TEACHER"]))).toBe(true);
  });
});
