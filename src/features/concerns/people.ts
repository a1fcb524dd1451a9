import "server-only";
import type { ConcernRoute } from "@/generated/prisma/enums";
import type { Actor } from "@/server/actor";
import type { Db, Tx } from "@/server/db";
import { HELD_STATUSES } from "@/features/pairings/status";
import { pupilDisplayName } from "@/lib/ranking";
import { ROUTE_LEADS } from "./policy";
import { LIVE_MEMBERSHIP } from "@/server/account-access";

/** The staff who lead a route (safeguarding leads, heads or chairs of governors): enabled users of the school. */
export async function staffWhoReadRoute(tx: Tx | Db, schoolId: string, route: ConcernRoute): Promise<string[]> {
  const rows = await tx.membership.findMany({
    where: { schoolId, roles: { has: ROUTE_LEADS[route] }, ...LIVE_MEMBERSHIP },
    select: { userId: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => r.userId);
}

/** Who a pupil may pick by name: the other pupils of their own pairings and groups, never the whole roll. */
export async function pupilsAPupilMayName(tx: Tx | Db, actor: Actor): Promise<{ id: string; name: string }[]> {
  if (!actor.studentId) return [];
  const members = await tx.pairingMember.findMany({
    where: {
      schoolId: actor.schoolId,
      studentId: { not: actor.studentId },
      pairing: { status: { in: [...HELD_STATUSES] }, members: { some: { studentId: actor.studentId } } },
    },
    select: { student: { select: { id: true, legalFirstName: true, legalLastName: true, preferredName: true } } },
  });
  const byId = new Map<string, string>();
  for (const { student } of members) byId.set(student.id, pupilDisplayName(student));
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** Who a concern may name as the member of staff it is about: enabled staff of the school (the list and the check agree). */
const nameableStaff = (schoolId: string) => ({ schoolId, NOT: { roles: { isEmpty: true } }, ...LIVE_MEMBERSHIP }) as const;

export async function staffAConcernMayName(tx: Tx | Db, schoolId: string, exceptUserId?: string): Promise<{ id: string; name: string }[]> {
  const rows = await tx.membership.findMany({
    where: { ...nameableStaff(schoolId), ...(exceptUserId ? { userId: { not: exceptUserId } } : {}) },
    orderBy: { user: { name: "asc" } },
    select: { user: { select: { id: true, name: true } } },
  });
  return rows.map((m) => m.user);
}

/** The member of staff a form named, if a concern may name them; else null. */
export async function staffMemberAConcernMayName(tx: Tx | Db, schoolId: string, userId: string): Promise<string | null> {
  const row = await tx.membership.findFirst({ where: { ...nameableStaff(schoolId), userId }, select: { userId: true } });
  return row?.userId ?? null;
}
