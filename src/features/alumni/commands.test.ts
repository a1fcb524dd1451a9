import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { loadActor } from "@/server/actor";
import { attemptSignIn } from "@/server/sign-in";
import { createPairingRow, createSessionRow, createStudent } from "@/server/factories";
import { addDaysIso, toDbDate } from "@/lib/dates";
import { actorFor, FACTORY_PASSWORD, signedInClaims } from "@/test-support/actors";
import { submit } from "@/test-support/commands";
import { buildSchool, uniqueEmail, type TestSchool } from "@/test-support/school";
import { listMyPairings } from "@/features/pairings/queries";
import { getBoardChoices } from "@/features/points/board-queries";
import { logSession } from "@/features/sessions/commands";
import { listMySessionsAsMentor } from "@/features/sessions/queries";
import { endAlumniMentor, inviteAlumniMentor, NO_CHECK_MESSAGE, recordVolunteerCheck } from "./commands";
import { listAlumniForStaff } from "./queries";

describe("alumni mentors", () => {
  let s: TestSchool;
  beforeAll(async () => {
    s = await buildSchool({ withCalendar: true });
  });

  /** A Year 11 mentor who has left: their pairing ended "pupil left", their account closed. */
  const formerMentor = async () => {
    const email = uniqueEmail("school-address");
    const alumnus = await createStudent(db, { schoolId: s.school.id, yearGroup: 11, status: "ALUMNI", today: s.today, account: { email } });
    const mentee = await createStudent(db, { schoolId: s.school.id, yearGroup: 8, today: s.today });
    const oldPairing = await createPairingRow(db, {
      schoolId: s.school.id,
      programmeId: s.programme.id,
      createdById: s.staff.coordinator.id,
      mentorIds: [alumnus.id],
      menteeIds: [mentee.id],
      status: "ENDED",
      closureReason: "PUPIL_LEFT",
    });
    return { alumnus, email, oldPairing, oldMentee: mentee };
  };

  it("records a check (the admin or the DSL), refuses a future date, and shows the reference only to them", async () => {
    const { alumnus } = await formerMentor();
    const future = await submit(recordVolunteerCheck, await actorFor(s.staff.dsl), {
      studentId: alumnus.id,
      kind: "ENHANCED_DBS",
      checkedOn: addDaysIso(s.today, 3),
      reference: "0012",
    });
    expect(future).toMatchObject({ ok: false, message: "The check's date cannot be in the future." });
    const saved = await submit(recordVolunteerCheck, await actorFor(s.staff.dsl), {
      studentId: alumnus.id,
      kind: "ENHANCED_DBS",
      checkedOn: addDaysIso(s.today, -20),
      reference: "001234567890",
    });
    expect(saved).toMatchObject({ ok: true });
    expect(await db.volunteerCheck.count({ where: { studentId: alumnus.id } })).toBe(1);
    // The same form sent twice at once (a double tap) records it once.
    const form = {
      studentId: alumnus.id,
      kind: "ENHANCED_DBS",
      checkedOn: addDaysIso(s.today, -40),
      reference: "777",
      idempotencyKey: randomUUID(),
    };
    const dsl = await actorFor(s.staff.dsl);
    const both = await Promise.all([submit(recordVolunteerCheck, dsl, form), submit(recordVolunteerCheck, dsl, form)]);
    expect(both.map((r) => r.ok)).toEqual([true, true]);
    expect(await db.volunteerCheck.count({ where: { studentId: alumnus.id } })).toBe(2);
    const asDsl = (await listAlumniForStaff(await actorFor(s.staff.dsl))).find((a) => a.id === alumnus.id);
    const asCoordinator = (await listAlumniForStaff(await actorFor(s.staff.coordinator))).find((a) => a.id === alumnus.id);
    expect(asDsl?.check).toMatchObject({ kind: "ENHANCED_DBS", reference: "001234567890" });
    expect(asCoordinator?.check).toMatchObject({ kind: "ENHANCED_DBS", reference: null });
    // The audit entry names the field, never the reference.
    const audit = await db.auditLog.findFirstOrThrow({
      where: { schoolId: s.school.id, action: "volunteer_check.recorded", recordId: alumnus.id },
    });
    expect(JSON.stringify(audit.changes)).not.toContain("001234567890");
  });

  it("invites back only after a check, then the alumnus signs in with their email now as an alumni mentor", async () => {
    const { alumnus, email } = await formerMentor();
    const coordinator = await actorFor(s.staff.coordinator);
    const personalEmail = uniqueEmail("personal");
    expect(await submit(inviteAlumniMentor, coordinator, { studentId: alumnus.id, personalEmail })).toMatchObject({
      ok: false,
      message: NO_CHECK_MESSAGE,
    });
    await db.volunteerCheck.create({
      data: {
        schoolId: s.school.id,
        studentId: alumnus.id,
        kind: "ENHANCED_DBS",
        checkedOn: toDbDate(addDaysIso(s.today, -5)),
        reference: "0099",
        recordedById: s.staff.admin.id,
      },
    });
    expect(await submit(inviteAlumniMentor, coordinator, { studentId: alumnus.id, personalEmail })).toMatchObject({ ok: true });
    const ip = `10.${Math.floor(Math.random() * 250)}.1.1`;
    const noSleep = async () => {};
    expect(await attemptSignIn(db, { email, password: FACTORY_PASSWORD, ip }, { sleep: noSleep })).toEqual({ status: "invalid" });
    const signedIn = await attemptSignIn(db, { email: personalEmail, password: FACTORY_PASSWORD, ip }, { sleep: noSleep });
    expect(signedIn).toMatchObject({ status: "ok" });
    const actor = await actorFor(alumnus.userId!);
    expect(actor).toMatchObject({ roles: ["ALUMNI_MENTOR"], studentId: alumnus.id });
    // No boards, programmes or points: their own pairing only.
    expect(await getBoardChoices(actor)).toMatchObject({ programmes: [] });
  });

  it("sees and logs a new pairing only while a member of staff supervises it; ending signs them out at once", async () => {
    const { alumnus, oldPairing, oldMentee } = await formerMentor();
    // A log from their pupil days, in a pairing a teacher supervised.
    await db.pairing.update({
      where: { schoolId_id: { schoolId: s.school.id, id: oldPairing.id } },
      data: { supervisorId: s.staff.teacher.id },
    });
    await createSessionRow(db, {
      schoolId: s.school.id,
      pairingId: oldPairing.id,
      loggedById: alumnus.userId!,
      heldOn: addDaysIso(s.today, -200),
      pupils: [{ studentId: oldMentee.id }],
    });
    await db.volunteerCheck.create({
      data: {
        schoolId: s.school.id,
        studentId: alumnus.id,
        kind: "ENHANCED_DBS_UPDATE_SERVICE",
        checkedOn: toDbDate(addDaysIso(s.today, -5)),
        reference: "0100",
        recordedById: s.staff.admin.id,
      },
    });
    expect(
      await submit(inviteAlumniMentor, await actorFor(s.staff.coordinator), { studentId: alumnus.id, personalEmail: uniqueEmail("p") }),
    ).toMatchObject({ ok: true });
    const mentee = await createStudent(db, { schoolId: s.school.id, yearGroup: 7, today: s.today });
    const pairing = await createPairingRow(db, {
      schoolId: s.school.id,
      programmeId: s.programme.id,
      createdById: s.staff.coordinator.id,
      mentorIds: [alumnus.id],
      menteeIds: [mentee.id],
      startsOn: addDaysIso(s.today, -30),
    });
    const actor = await actorFor(alumnus.userId!);
    const log = {
      pairingId: pairing.id,
      heldOn: addDaysIso(s.today, -1),
      durationMinutes: "20",
      activityId: s.activityIds["Check-in chat"]!,
      notes: "",
      fitCheck: "YES",
      [`attendance_${mentee.id}`]: "PRESENT",
    };
    expect(await listMyPairings(actor)).toEqual([]);
    // Their pupil-era pairing (ended when they left) and its logs stay out of sight.
    expect(await listMySessionsAsMentor(actor)).toEqual([]);
    expect(await submit(logSession, actor, log)).toMatchObject({ ok: false });
    await db.pairing.update({
      where: { schoolId_id: { schoolId: s.school.id, id: pairing.id } },
      data: { supervisorId: s.staff.teacher.id },
    });
    expect((await listMyPairings(actor)).map((p) => p.id)).toEqual([pairing.id]);
    expect(await submit(logSession, actor, log)).toMatchObject({ ok: true });

    const claims = await signedInClaims(alumnus.userId!);
    expect(await loadActor(db, claims)).not.toBeNull();
    expect(await submit(endAlumniMentor, await actorFor(s.staff.coordinator), { studentId: alumnus.id })).toMatchObject({
      ok: true,
      message: "They are no longer an alumni mentor, and are signed out. Their pairing has ended.",
    });
    expect(await loadActor(db, claims)).toBeNull();
    // The mentee is not left waiting for a mentor who cannot sign in.
    expect(await db.pairing.findFirstOrThrow({ where: { id: pairing.id } })).toMatchObject({
      status: "ENDED",
      closureReason: "MENTOR_LEFT",
    });
  });
});
