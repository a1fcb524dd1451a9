import "server-only";
import { defineCommand } from "@/server/command";
import { NotFoundError, RuleError } from "@/server/errors";
import type { Tx } from "@/server/db";
import { requireSchoolFreeTimes } from "@/server/day-slots";
import { getMentorChoices } from "./queries";
import {
  FOCUS_AREAS,
  setMentorPreferencesSchema,
  updateMatchingDetailsSchema,
  updateMenteeProfileSchema,
  updateMentorProfileSchema,
  updateMyProfileSchema,
} from "./schemas";

/** The pupil's row, locked, with the free times they have now (a retired slot among them may stay). */
async function lockPupilFreeTimes(tx: Tx, schoolId: string, studentId: string): Promise<string[]> {
  const [row] = await tx.$queryRaw<{ availability: string[] }[]>`
    SELECT "availability" FROM "Student" WHERE "schoolId" = ${schoolId} AND "id" = ${studentId} FOR UPDATE`;
  if (!row) throw new NotFoundError("pupil");
  return row.availability;
}

/** A pupil edits their own interests, free times and a short "about me"; nobody else's. */
export const updateMyProfile = defineCommand(
  { name: "updateMyProfile", schema: updateMyProfileSchema, allow: ["PUPIL"] },
  async (input, { tx, actor, audit }) => {
    if (!actor.studentId) throw new NotFoundError("pupil");
    const had = await lockPupilFreeTimes(tx, actor.schoolId, actor.studentId);
    await requireSchoolFreeTimes(tx, actor.schoolId, input.availability, had);
    await tx.student.update({ where: { schoolId_id: { schoolId: actor.schoolId, id: actor.studentId } }, data: input });
    await audit({
      action: "student.profile_updated",
      recordType: "Student",
      recordId: actor.studentId,
      changes: { interests: input.interests, availability: input.availability, aboutMe: input.aboutMe },
    });
    return { message: "Saved. Thank you!" };
  },
);

/** A mentee ranks up to three of the mentors they may see, or says "no preference". */
export const setMentorPreferences = defineCommand(
  { name: "setMentorPreferences", schema: setMentorPreferencesSchema, allow: ["MENTEE"] },
  async (input, { tx, actor, audit }) => {
    const choices = (await getMentorChoices(actor, tx)).find((c) => c.programmeId === input.programmeId);
    if (!choices) throw new NotFoundError("programme");
    const allowed = new Set(choices.mentors.map((m) => m.studentId));
    if (input.ranking.some((id) => !allowed.has(id)))
      throw new RuleError("Choose from the mentors shown.", { first: ["Choose from the mentors shown."] });
    await tx.menteeProfile.update({
      where: { schoolId_programmeId_studentId: { schoolId: actor.schoolId, programmeId: input.programmeId, studentId: actor.studentId! } },
      data: { ranking: input.ranking, hasNoPreference: input.hasNoPreference },
    });
    await audit({
      action: "mentee.preferences_set",
      recordType: "Student",
      recordId: actor.studentId,
      changes: { programmeId: input.programmeId, ranking: input.ranking, hasNoPreference: input.hasNoPreference },
    });
    return {
      message: input.hasNoPreference
        ? "Saved: no preference. Your coordinator will choose a mentor for you."
        : "Saved. Your coordinator will look at your choices.",
    };
  },
);

export const updateMatchingDetails = defineCommand(
  { name: "updateMatchingDetails", schema: updateMatchingDetailsSchema, allow: ["COORDINATOR"] },
  async (input, { tx, actor, audit }) => {
    const had = await lockPupilFreeTimes(tx, actor.schoolId, input.studentId);
    await requireSchoolFreeTimes(tx, actor.schoolId, input.availability, had);
    const { studentId, ...data } = input;
    await tx.student.update({ where: { schoolId_id: { schoolId: actor.schoolId, id: studentId } }, data });
    await audit({ action: "student.matching_details_updated", recordType: "Student", recordId: studentId, changes: data });
    return { message: "Matching details saved." };
  },
);

export const updateMentorProfile = defineCommand(
  { name: "updateMentorProfile", schema: updateMentorProfileSchema, allow: ["COORDINATOR"] },
  async (input, { tx, actor, audit }) => {
    const profile = await tx.mentorProfile.findFirst({
      where: { schoolId: actor.schoolId, programmeId: input.programmeId, studentId: input.studentId },
      select: { id: true },
    });
    if (!profile) throw new NotFoundError("mentor");
    const raw = input as Record<string, unknown>;
    const strengths = Object.fromEntries(
      FOCUS_AREAS.map((area) => [area, Number(raw[`strength_${area}`] ?? 0)]).filter(([, level]) => (level as number) > 0),
    );
    await tx.mentorProfile.update({
      where: { schoolId_id: { schoolId: actor.schoolId, id: profile.id } },
      data: { capacity: input.capacity, trainingComplete: input.trainingComplete, strengths },
    });
    await audit({
      action: "mentor.profile_updated",
      recordType: "Student",
      recordId: input.studentId,
      changes: { programmeId: input.programmeId, capacity: input.capacity, trainingComplete: input.trainingComplete, strengths },
    });
    return { message: "Mentor details saved." };
  },
);

export const updateMenteeProfile = defineCommand(
  { name: "updateMenteeProfile", schema: updateMenteeProfileSchema, allow: ["COORDINATOR"] },
  async (input, { tx, actor, audit }) => {
    const profile = await tx.menteeProfile.findFirst({
      where: { schoolId: actor.schoolId, programmeId: input.programmeId, studentId: input.studentId },
      select: { id: true },
    });
    if (!profile) throw new NotFoundError("mentee");
    await tx.menteeProfile.update({
      where: { schoolId_id: { schoolId: actor.schoolId, id: profile.id } },
      data: { focusAreas: input.focusAreas },
    });
    await audit({
      action: "mentee.profile_updated",
      recordType: "Student",
      recordId: input.studentId,
      changes: { programmeId: input.programmeId, focusAreas: input.focusAreas },
    });
    return { message: "Mentee details saved." };
  },
);
