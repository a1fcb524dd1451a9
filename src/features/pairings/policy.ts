import type { Prisma } from "@/generated/prisma/client";
import { isStaff, type Actor } from "@/server/actor";
import { LIVE_STATUSES } from "./status";

/** Staff see their school's pairings; a pupil sees only the pairings and groups they are in. */
export function pairingsVisibleTo(actor: Actor): Prisma.PairingWhereInput {
  if (isStaff(actor)) return { schoolId: actor.schoolId };
  return { schoolId: actor.schoolId, members: { some: { studentId: actor.studentId ?? "__none__" } } };
}

/** Pairings this pupil mentors and may log sessions for. */
export function pairingsMentoredBy(actor: Actor): Prisma.PairingWhereInput {
  return {
    schoolId: actor.schoolId,
    status: { in: [...LIVE_STATUSES] },
    members: { some: { studentId: actor.studentId ?? "__none__", role: "MENTOR" } },
  };
}
