import type { Prisma } from "@/generated/prisma/client";
import { hasRole, type Actor } from "@/server/actor";

export const KEEP_APART_ROLES = ["COORDINATOR", "DSL"] as const;

/** Keep-apart pairs and their reasons: coordinators and the safeguarding lead of the school only. */
export function keepApartVisibleTo(actor: Actor): Prisma.KeepApartWhereInput {
  if (!hasRole(actor, ...KEEP_APART_ROLES)) return { id: "__none__" };
  return { schoolId: actor.schoolId };
}

/** What other staff read as a pair's reason when a safeguarding lead set it from a concern (the real reason is in the concern). */
export const SET_BY_SAFEGUARDING_LEAD = "Set by the safeguarding lead";

/** A pair set from a concern is the safeguarding lead's to remove, never a coordinator's. */
export function mayRemoveKeepApart(actor: Actor, pair: { reason: string }): boolean {
  return pair.reason !== SET_BY_SAFEGUARDING_LEAD || hasRole(actor, "DSL");
}
