import type { Prisma } from "@/generated/prisma/client";
import type { ConcernRoute } from "@/generated/prisma/enums";
import { hasRole, type Actor, type StaffRole } from "@/server/actor";

// Who reads and acts on a concern (issue 9, ADR 021). Authorization is a `where`: a concern outside
// it is "not found". The person a concern names never reads it, whatever flags they hold.

/** Who leads each route: reads it, appends to its chronology, changes its status. */
export const ROUTE_LEADS: Record<ConcernRoute, StaffRole> = { SAFEGUARDING: "DSL", HEAD: "HEAD", CHAIR: "CHAIR_OF_GOVERNORS" };
export const CONCERN_READER_ROLES = ["DSL", "HEAD", "CHAIR_OF_GOVERNORS"] as const;

const notNaming = (actor: Actor): Prisma.ConcernWhereInput => ({ OR: [{ aboutStaffId: null }, { aboutStaffId: { not: actor.userId } }] });
const NONE: Prisma.ConcernWhereInput = { id: "__none__" };

function routesLedBy(actor: Actor): ConcernRoute[] {
  return (Object.keys(ROUTE_LEADS) as ConcernRoute[]).filter((route) => hasRole(actor, ROUTE_LEADS[route]));
}

/** Concerns the actor leads: they read the whole case and act on it. */
export function concernsLedBy(actor: Actor): Prisma.ConcernWhereInput {
  const routes = routesLedBy(actor);
  if (routes.length === 0) return NONE;
  return { schoolId: actor.schoolId, route: { in: routes }, AND: [notNaming(actor)] };
}

/** Concerns the actor may read: those they lead, and for the head, urgent ones escalated to them (audited, read only). */
export function concernsReadableBy(actor: Actor): Prisma.ConcernWhereInput {
  const routes = routesLedBy(actor);
  const ors: Prisma.ConcernWhereInput[] = [];
  if (routes.length > 0) ors.push({ route: { in: routes } });
  if (hasRole(actor, "HEAD")) ors.push({ route: "SAFEGUARDING", escalatedAt: { not: null } });
  if (ors.length === 0) return NONE;
  return { schoolId: actor.schoolId, AND: [{ OR: ors }, notNaming(actor)] };
}

/** Whether the actor leads this concern (it was read through `concernsReadableBy`). */
export function leadsConcern(actor: Actor, concern: { route: ConcernRoute; aboutStaffId: string | null }): boolean {
  return hasRole(actor, ROUTE_LEADS[concern.route]) && concern.aboutStaffId !== actor.userId;
}

/** A reporter's own concerns, for their receipts: never the case. */
export function concernsReportedBy(actor: Actor): Prisma.ConcernWhereInput {
  return { schoolId: actor.schoolId, reporterId: actor.userId };
}

/** Whether the actor may read a pupil's safeguarding file (every concern naming them): the safeguarding leads. */
export function readsPupilFiles(actor: Actor): boolean {
  return hasRole(actor, "DSL");
}
