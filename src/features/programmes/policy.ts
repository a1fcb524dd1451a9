import type { Prisma } from "@/generated/prisma/client";
import { isSchoolStaff, type Actor } from "@/server/actor";

/** Staff see their school's programmes; a pupil sees the programmes they take part in. */
export function programmesVisibleTo(actor: Actor): Prisma.ProgrammeWhereInput {
  if (isSchoolStaff(actor)) return { schoolId: actor.schoolId };
  // An alumni mentor sees their own pairing only: no programme's boards, points or lists (ADR 025).
  if (actor.roles.includes("ALUMNI_MENTOR")) return { schoolId: actor.schoolId, id: "__none__" };
  const studentId = actor.studentId ?? "__none__";
  return {
    schoolId: actor.schoolId,
    OR: [{ mentorProfiles: { some: { studentId } } }, { menteeProfiles: { some: { studentId } } }],
  };
}
