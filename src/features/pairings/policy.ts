import type { Prisma } from "@/generated/prisma/client";
import { isSchoolStaff, type Actor } from "@/server/actor";
import { LIVE_STATUSES } from "./status";

/** Staff see their school's pairings; a pupil sees only the pairings and groups they are in. */
export function pairingsVisibleTo(actor: Actor): Prisma.PairingWhereInput {
  if (isSchoolStaff(actor)) return { schoolId: actor.schoolId };
  return { schoolId: actor.schoolId, members: { some: { studentId: actor.studentId ?? "__none__" } } };
}

/** Pairings this pupil mentors and may log sessions for. */
export function pairingsMentoredBy(actor: Pick<Actor, "schoolId" | "studentId">): Prisma.PairingWhereInput {
  return {
    schoolId: actor.schoolId,
    status: { in: [...LIVE_STATUSES] },
    members: { some: { studentId: actor.studentId ?? "__none__", role: "MENTOR" } },
  };
}

/** Live pairings a member of staff supervises (their calendar feed, ADR 017). */
export function pairingsSupervisedBy(staff: Pick<Actor, "schoolId" | "userId">): Prisma.PairingWhereInput {
  return { schoolId: staff.schoolId, status: { in: [...LIVE_STATUSES] }, supervisorId: staff.userId };
}
