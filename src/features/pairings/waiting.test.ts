// "Waiting for a mentor" is defined once (waiting.ts). The dashboard's count, the matching page and
// the manual pairing picker must agree on exactly who it is, whatever state the pupils are in.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { addMentee, createPairingRow, createStudent } from "@/server/factories";
import { actorFor } from "@/test-support/actors";
import { buildSchool } from "@/test-support/school";
import { getSuggestions } from "@/features/matching/queries";
import { getCoordinatorFigures } from "@/features/programmes/queries";
import { listParticipants } from "@/features/students/queries";

describe("who is waiting for a mentor", () => {
  it("is the same pupils on the dashboard, the matching page and the pairing picker", async () => {
    const s = await buildSchool();
    const { school, programme, staff, pupils, today } = s;
    const mentee = (extra: { status?: "ON_ROLL" | "LEFT" | "ALUMNI" } = {}) =>
      createStudent(db, { schoolId: school.id, yearGroup: 7, today, ...extra }).then(async (student) => {
        await addMentee(db, { schoolId: school.id, programmeId: programme.id, studentId: student.id });
        return student;
      });
    // Waiting: the spare mentee (from the builder), a new mentee, and a mentee whose pairing ended.
    const fresh = await mentee();
    const ended = await mentee();
    await createPairingRow(db, {
      schoolId: school.id,
      programmeId: programme.id,
      createdById: staff.coordinator.id,
      mentorIds: [pupils.spareMentor.id],
      menteeIds: [ended.id],
      status: "ENDED",
      closureReason: "MISMATCH",
    });
    // Not waiting: a mentee whose pairing is paused (they still have a mentor), one on trial, an alumnus and a leaver.
    const paused = await mentee();
    await createPairingRow(db, {
      schoolId: school.id,
      programmeId: programme.id,
      createdById: staff.coordinator.id,
      mentorIds: [pupils.mentor.id],
      menteeIds: [paused.id],
      status: "PAUSED",
    });
    const onTrial = await mentee();
    await createPairingRow(db, {
      schoolId: school.id,
      programmeId: programme.id,
      createdById: staff.coordinator.id,
      mentorIds: [pupils.otherMentor.id],
      menteeIds: [onTrial.id],
      status: "TRIAL",
    });
    await mentee({ status: "ALUMNI" });
    await mentee({ status: "LEFT" });

    const coordinator = await actorFor(staff.coordinator);
    const expected = [pupils.spareMentee.id, fresh.id, ended.id].sort();
    const [figures, suggestions, participants] = await Promise.all([
      getCoordinatorFigures(coordinator, programme.id),
      getSuggestions(coordinator, programme.id),
      listParticipants(coordinator, programme.id),
    ]);
    const onMatchingPage = [
      ...suggestions.result.suggestions.map((x) => x.menteeId),
      ...suggestions.result.unmatched.map((x) => x.menteeId),
    ].sort();
    const inPicker = participants.mentees
      .filter((m) => m.isWaiting)
      .map((m) => m.studentId)
      .sort();

    expect(figures.menteesWithoutPairing).toBe(expected.length);
    expect(suggestions.waitingCount).toBe(expected.length);
    expect(onMatchingPage).toEqual(expected);
    expect(inPicker).toEqual(expected);
  });
});
