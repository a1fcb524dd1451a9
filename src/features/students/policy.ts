import type { Prisma } from "@/generated/prisma/client";
import { isSchoolStaff, type Actor } from "@/server/actor";
import { textContaining } from "@/server/read";
import { searchTerm } from "@/lib/schema-helpers";

/**
 * A pupil still at the school: on roll. Pupils who left, and alumni (issue 11's rollover), drop off boards,
 * matching, pickers and participant lists.
 */
export const CURRENT_PUPIL = { status: "ON_ROLL" } as const satisfies Prisma.StudentWhereInput;

/** A former pupil invited back as an alumni mentor (ADR 025): may mentor, never be mentored. */
export const INVITED_ALUMNUS = { status: "ALUMNI", alumniMentorFrom: { not: null } } as const satisfies Prisma.StudentWhereInput;

/** Who may mentor in a new pairing, and hear about their meetings: a pupil on roll, or an invited alumnus. */
export const MAY_MENTOR = { OR: [CURRENT_PUPIL, INVITED_ALUMNUS] } as const satisfies Prisma.StudentWhereInput;

/** Staff see their school's pupils; a pupil sees only their own record. */
export function studentsVisibleTo(actor: Actor): Prisma.StudentWhereInput {
  if (isSchoolStaff(actor)) return { schoolId: actor.schoolId };
  return { schoolId: actor.schoolId, id: actor.studentId ?? "__none__" };
}

/** SEND details leave the data layer only for staff. */
export function canReadSend(actor: Actor): boolean {
  return isSchoolStaff(actor);
}

/** Pupils taking part in a programme, as a mentor or a mentee (its boards and awards are theirs). */
export function participantsOf(programmeId: string): Prisma.StudentWhereInput {
  return { OR: [{ mentorProfiles: { some: { programmeId } } }, { menteeProfiles: { some: { programmeId } } }] };
}

/** A search box over pupils' names and tutor groups (empty: everyone). */
export function pupilNameSearch(q: unknown): Prisma.StudentWhereInput {
  const term = searchTerm(q);
  if (!term) return {};
  return {
    OR: [
      { legalFirstName: textContaining(term) },
      { legalLastName: textContaining(term) },
      { preferredName: textContaining(term) },
      { tutorGroup: textContaining(term) },
    ],
  };
}
