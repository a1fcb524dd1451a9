import "server-only";
import { db } from "@/server/db";
import type { Actor } from "@/server/actor";
import type { Tx } from "@/server/db";
import { todayIn } from "@/lib/dates";
import { freeTimeTokens } from "@/lib/day-slots";
import { freeTimeChoicesFor, loadDaySlots } from "@/server/day-slots";
import { pupilFirstName } from "@/lib/ranking";
import { yearGroupOn } from "@/lib/year-group";
import { eligibleMentorIds } from "./eligibility";
import { waitingMenteeWhere } from "@/features/pairings/waiting";
import { CURRENT_PUPIL } from "@/features/students/policy";

/** The signed-in pupil's own editable details, and the free times their form offers. */
export async function getMyProfile(actor: Actor) {
  if (!actor.studentId) return null;
  const pupil = await db.student.findFirst({
    where: { schoolId: actor.schoolId, id: actor.studentId },
    select: { interests: true, availability: true, aboutMe: true, cohortYear: true },
  });
  if (!pupil) return null;
  const freeTimes = await freeTimeChoicesFor(actor.schoolId, pupil, todayIn(actor.timezone));
  return { interests: pupil.interests, availability: pupil.availability, aboutMe: pupil.aboutMe, freeTimes };
}

/**
 * For a mentee: the mentors they may rank in each programme, as short profiles (first name, year,
 * interests, their own sentence — nothing else), and the ranking they gave.
 */
export async function getMentorChoices(actor: Actor, client: Tx | typeof db = db) {
  if (!actor.studentId) return [];
  const today = todayIn(actor.timezone);
  const programmeIds = (
    await client.menteeProfile.findMany({
      where: { schoolId: actor.schoolId, studentId: actor.studentId, programme: { status: "ACTIVE" } },
      select: { programmeId: true },
    })
  ).map((p) => p.programmeId);
  if (programmeIds.length === 0) return [];
  // Only where they are waiting for a mentor (pairings/waiting.ts): a pupil who has one chooses no more.
  const profiles = await client.menteeProfile.findMany({
    where: { OR: programmeIds.map((id) => ({ ...waitingMenteeWhere(actor.schoolId, id), studentId: actor.studentId! })) },
    select: {
      ranking: true,
      hasNoPreference: true,
      student: { select: { cohortYear: true, availability: true } },
      programme: {
        select: {
          id: true,
          name: true,
          minYearGap: true,
          maxYearGap: true,
          isTrainingRequired: true,
          mentorProfiles: {
            where: { student: CURRENT_PUPIL },
            select: {
              trainingComplete: true,
              student: {
                select: {
                  id: true,
                  legalFirstName: true,
                  preferredName: true,
                  cohortYear: true,
                  interests: true,
                  aboutMe: true,
                  availability: true,
                },
              },
            },
          },
        },
      },
    },
  });
  if (profiles.length === 0) return [];
  // One query at a time: `client` may be a command's transaction.
  const keepApart = await client.keepApart.findMany({
    where: { schoolId: actor.schoolId, OR: [{ studentAId: actor.studentId }, { studentBId: actor.studentId }] },
    select: { studentAId: true, studentBId: true },
  });
  const daySlots = await loadDaySlots(actor.schoolId, client, { includeArchived: true });
  // Free times compared as weekday, slot and each pupil's year group's times (ADR 014).
  const { tokensFor } = freeTimeTokens(daySlots);
  return profiles.map((p) => {
    const menteeYear = yearGroupOn(p.student.cohortYear, today);
    const mentee = { studentId: actor.studentId!, yearGroup: menteeYear, slots: tokensFor(p.student.availability, menteeYear) };
    const mentors = p.programme.mentorProfiles.map((m) => {
      const yearGroup = yearGroupOn(m.student.cohortYear, today);
      return {
        studentId: m.student.id,
        yearGroup,
        isTrained: m.trainingComplete,
        slots: tokensFor(m.student.availability, yearGroup),
        student: m.student,
      };
    });
    const allowed = new Set(
      eligibleMentorIds(
        mentee,
        mentors,
        p.programme,
        keepApart.map((k) => [k.studentAId, k.studentBId] as const),
      ),
    );
    return {
      programmeId: p.programme.id,
      programmeName: p.programme.name,
      ranking: p.ranking.filter((id) => allowed.has(id)),
      hasNoPreference: p.hasNoPreference,
      mentors: mentors
        .filter((m) => allowed.has(m.studentId))
        .map((m) => ({
          studentId: m.studentId,
          firstName: pupilFirstName(m.student),
          yearGroup: m.yearGroup,
          interests: m.student.interests,
          aboutMe: m.student.aboutMe,
        })),
    };
  });
}
