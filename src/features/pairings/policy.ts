import type { Prisma } from "@/generated/prisma/client";
import { isSchoolStaff, type Actor, type Role } from "@/server/actor";
import { LIVE_STATUSES } from "./status";

/**
 * An alumni mentor is an adult volunteer: they see a pairing only while a member of staff supervises it
 * and it has not ended (ADR 025), and only as its mentor.
 */
function alumniRule(actor: { roles?: readonly Role[] }): Prisma.PairingWhereInput {
  // Not ended: their pupil-era pairings ended when they left, and stay out of sight.
  return actor.roles?.includes("ALUMNI_MENTOR") ? { supervisorId: { not: null }, status: { not: "ENDED" } } : {};
}

/** Staff see their school's pairings; a pupil sees only the pairings and groups they are in. */
export function pairingsVisibleTo(actor: Actor): Prisma.PairingWhereInput {
  if (isSchoolStaff(actor)) return { schoolId: actor.schoolId };
  if (actor.roles.includes("ALUMNI_MENTOR")) return pairingsMentoredBy(actor, { live: false });
  return { schoolId: actor.schoolId, members: { some: { studentId: actor.studentId ?? "__none__" } } };
}

/** Pairings this pupil (or alumni mentor) mentors and may log sessions for: live ones, unless `live: false`. */
export function pairingsMentoredBy(
  actor: Pick<Actor, "schoolId" | "studentId"> & { roles?: readonly Role[] },
  options: { live: boolean } = { live: true },
): Prisma.PairingWhereInput {
  return {
    schoolId: actor.schoolId,
    ...(options.live ? { status: { in: [...LIVE_STATUSES] } } : {}),
    members: { some: { studentId: actor.studentId ?? "__none__", role: "MENTOR" } },
    ...alumniRule(actor),
  };
}

/** Live pairings a member of staff supervises (their calendar feed, ADR 017). */
export function pairingsSupervisedBy(staff: Pick<Actor, "schoolId" | "userId">): Prisma.PairingWhereInput {
  return { schoolId: staff.schoolId, status: { in: [...LIVE_STATUSES] }, supervisorId: staff.userId };
}
