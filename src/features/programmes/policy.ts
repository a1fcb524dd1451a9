import type { Prisma } from "@/generated/prisma/client";
import { isSchoolStaff, type Actor } from "@/server/actor";

/** Staff see their school's programmes; a pupil sees the programmes they take part in. */
export function programmesVisibleTo(actor: Actor): Prisma.ProgrammeWhereInput {
  if (isSchoolStaff(actor)) return { schoolId: actor.schoolId };
  const studentId = actor.studentId ?? "__none__";
  return {
    schoolId: actor.schoolId,
    OR: [{ mentorProfiles: { some: { studentId } } }, { menteeProfiles: { some: { studentId } } }],
  };
}
