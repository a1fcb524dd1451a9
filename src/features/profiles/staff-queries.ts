import "server-only";
import { db } from "@/server/db";
import type { Actor } from "@/server/actor";
import { notFoundFor, requireRoleForRead } from "@/server/security-events";
import { fromDbDate, todayIn } from "@/lib/dates";
import { pupilDisplayName, pupilFullName } from "@/lib/ranking";
import { yearGroupOn } from "@/lib/year-group";
import { studentsVisibleTo } from "@/features/students/policy";
import { freeTimeChoicesFor } from "@/server/day-slots";

/** A pupil as a coordinator sees them: matching details, profiles and every pairing, ended ones too. */
export async function getPupilForCoordinator(actor: Actor, studentId: string) {
  await requireRoleForRead(actor, "COORDINATOR");
  const student = await db.student.findFirst({
    where: { ...studentsVisibleTo(actor), id: studentId },
    select: {
      id: true,
      legalFirstName: true,
      legalLastName: true,
      preferredName: true,
      cohortYear: true,
      tutorGroup: true,
      status: true,
      hasSend: true,
      sendNotes: true,
      interests: true,
      availability: true,
      aboutMe: true,
      livedExperience: true,
      mentorProfiles: {
        select: { programmeId: true, capacity: true, trainingComplete: true, strengths: true, programme: { select: { name: true } } },
      },
      menteeProfiles: {
        select: { programmeId: true, focusAreas: true, ranking: true, hasNoPreference: true, programme: { select: { name: true } } },
      },
      memberships: {
        orderBy: { pairing: { startsOn: "desc" } },
        select: {
          role: true,
          pairing: {
            select: {
              id: true,
              kind: true,
              name: true,
              status: true,
              startsOn: true,
              endsOn: true,
              closureReason: true,
              trainingOverrideReason: true,
              programme: { select: { name: true } },
              members: {
                select: { role: true, student: { select: { id: true, legalFirstName: true, legalLastName: true, preferredName: true } } },
              },
            },
          },
        },
      },
    },
  });
  if (!student) return notFoundFor(actor, "Student", studentId);
  const today = todayIn(actor.timezone);
  const freeTimes = await freeTimeChoicesFor(actor.schoolId, student, today);
  return {
    ...student,
    freeTimes,
    name: pupilFullName(student),
    yearGroup: yearGroupOn(student.cohortYear, today),
    pairings: student.memberships.map((m) => ({
      ...m.pairing,
      myRole: m.role,
      startsOn: fromDbDate(m.pairing.startsOn),
      endsOn: m.pairing.endsOn ? fromDbDate(m.pairing.endsOn) : null,
      others: m.pairing.members
        .filter((x) => x.student.id !== student.id)
        .map((x) => ({ role: x.role, studentId: x.student.id, name: pupilDisplayName(x.student) })),
    })),
  };
}
