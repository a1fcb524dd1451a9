// Input that used to raise a server error is refused with a message, and dates outside what makes
// sense for the school's calendar are refused with the allowed range (ADR 004, ADR 010).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { EXPIRED_FORM_MESSAGE } from "@/server/command";
import { formDataToObject } from "@/server/form-data";
import { pageOf } from "@/server/read";
import { addDaysIso, formatStaffDate } from "@/lib/dates";
import { CONTROL_CHARACTERS_MESSAGE } from "@/lib/schema-helpers";
import { actorFor } from "@/test-support/actors";
import { expectRefusedWithoutWrites } from "@/test-support/commands";
import { buildSchool, logSessionForm } from "@/test-support/school";
import { createPairing } from "./pairings/commands";
import { listPairingsForCoordinator } from "./pairings/queries";
import { awardPoints } from "./points/commands";
import { logSession } from "./sessions/commands";
import { listParticipants, listStudentsForAdmin } from "./students/queries";

describe("requests that are not forms", () => {
  it("an action posted without form data is refused with a message, not an error", async () => {
    const s = await buildSchool();
    const coordinator = await actorFor(s.staff.coordinator);
    expect(formDataToObject(undefined)).toEqual({});
    expect(formDataToObject("not a form")).toEqual({});
    for (const raw of [undefined, null, "text", ["a"], 42]) {
      const result = await logSession.run(coordinator, raw);
      expect(result).toMatchObject({ ok: false, message: EXPIRED_FORM_MESSAGE });
    }
    // An empty form is an ordinary form with every field missing.
    const empty = await awardPoints.run(coordinator, formDataToObject(new FormData()));
    expect(empty.ok).toBe(false);
  });
});

describe("NUL and other control characters", () => {
  it("are refused in notes and reasons with a message, and nothing is written", async () => {
    const s = await buildSchool();
    const mentor = await actorFor(s.pupils.mentor.userId!);
    const form = logSessionForm(s, { notes: "We talked\u0000" });
    const result = await expectRefusedWithoutWrites(logSession, mentor, form, [s.school.id], "Please check the highlighted fields.");
    expect(result.fieldErrors).toEqual({ notes: [CONTROL_CHARACTERS_MESSAGE] });
    expect(result.values?.notes).toBe("We talked\u0000");
    const teacher = await actorFor(s.staff.teacher);
    const award = await expectRefusedWithoutWrites(
      awardPoints,
      teacher,
      { programmeId: s.programme.id, studentIds: s.pupils.mentee.id, amount: "1", categoryId: s.categoryIds.Effort!, reason: "Kind\u0000" },
      [s.school.id],
      "Please check the highlighted fields.",
    );
    expect(award.fieldErrors).toEqual({ reason: [CONTROL_CHARACTERS_MESSAGE] });
  });

  it("keep line breaks and tabs in notes", async () => {
    const s = await buildSchool();
    const mentor = await actorFor(s.pupils.mentor.userId!);
    const form = logSessionForm(s, { notes: "Line one\n\tLine two" });
    expect((await logSession.run(mentor, form)).ok).toBe(true);
  });

  it("ids with them are not valid choices", async () => {
    const s = await buildSchool();
    const coordinator = await actorFor(s.staff.coordinator);
    const result = await awardPoints.run(coordinator, {
      programmeId: "abc\u0000",
      studentIds: ["x\u0000"],
      amount: "1",
      categoryId: "Effort\u0000",
      reason: "Kind",
      idempotencyKey: randomUUID(),
    });
    expect(result.fieldErrors).toMatchObject({ programmeId: ["That is not a valid choice."], studentIds: ["That is not a valid choice."] });
  });
});

describe("searches and page numbers anyone can type", () => {
  it("answer a search for %00, a repeated search and a page of 1e20 without an error", async () => {
    const s = await buildSchool();
    const [admin, coordinator] = await Promise.all([actorFor(s.staff.admin), actorFor(s.staff.coordinator)]);
    expect((await listStudentsForAdmin(admin, { q: "\u0000", page: 1e20 })).page).toBe(1);
    expect((await listStudentsForAdmin(admin, { q: ["Maya", "Sam"] })).total).toBe(6);
    expect((await listStudentsForAdmin(admin, { q: "Maya\u0000" })).total).toBe(1);
    await expect(listPairingsForCoordinator(coordinator, s.programme.id, { q: "%00\u0000", status: ["ENDED"] })).resolves.toEqual([]);
    // LIKE's wildcards are ordinary characters in a search.
    for (const q of ["%", "_", "%00", "\\"]) expect((await listStudentsForAdmin(admin, { q })).total, q).toBe(0);
    // Words every object has are not statuses.
    for (const status of ["toString", "constructor", "__proto__", "hasOwnProperty"])
      await expect(listPairingsForCoordinator(coordinator, s.programme.id, { status })).resolves.toHaveLength(2);
    await expect(listParticipants(coordinator, s.programme.id, "\u0000")).resolves.toMatchObject({ mentors: expect.any(Array) });
    expect(pageOf(1e20).page).toBe(1);
    expect(pageOf(Number.NaN).page).toBe(1);
    expect(pageOf(3)).toEqual({ page: 3, skip: 50, take: 25 });
  });
});

describe("dates bounded by the school's calendar", () => {
  it("a pairing starts within the current academic year or the next term, and the message says so", async () => {
    // A school with the usual English calendar: terms, half-terms and holidays around today.
    const s = await buildSchool({ withCalendar: true });
    const year = await db.academicYear.findFirstOrThrow({ where: { schoolId: s.school.id } });
    const coordinator = await actorFor(s.staff.coordinator);
    const allowed = `Choose a date from ${formatStaffDate(year.startsOn)} to ${formatStaffDate(year.endsOn)}.`;
    const form = (startsOn: string) => ({
      programmeId: s.programme.id,
      kind: "ONE_TO_ONE",
      mentorIds: s.pupils.spareMentor.id,
      menteeIds: s.pupils.spareMentee.id,
      startsOn,
    });
    for (const day of ["2099-01-01", "1900-01-01", addDaysIso(s.today, 400)]) {
      const refused = await expectRefusedWithoutWrites(createPairing, coordinator, form(day), [s.school.id], allowed);
      expect(refused.fieldErrors?.startsOn).toEqual([allowed]);
    }
    const created = await createPairing.run(coordinator, { ...form(s.today), idempotencyKey: randomUUID() });
    expect(created).toMatchObject({ ok: true, message: `Pairing created as a trial until ${formatStaffDate(addDaysIso(s.today, 14))}.` });
  });
});
