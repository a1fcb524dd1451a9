import type { Prisma } from "@/generated/prisma/client";
import { hasRole, type Actor } from "@/server/actor";

export const KEEP_APART_ROLES = ["COORDINATOR", "DSL"] as const;

/** Keep-apart pairs and their reasons: coordinators and the safeguarding lead of the school only. */
export function keepApartVisibleTo(actor: Actor): Prisma.KeepApartWhereInput {
  if (!hasRole(actor, ...KEEP_APART_ROLES)) return { id: "__none__" };
  return { schoolId: actor.schoolId };
}
