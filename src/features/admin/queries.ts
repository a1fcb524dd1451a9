import "server-only";
import { db } from "@/server/db";
import type { Actor } from "@/server/actor";
import { requireRoleForRead } from "@/server/security-events";

export async function listStaffForAdmin(actor: Actor) {
  await requireRoleForRead(actor, "ADMIN");
  const memberships = await db.membership.findMany({
    where: { schoolId: actor.schoolId },
    orderBy: { user: { name: "asc" } },
    select: { roles: true, user: { select: { id: true, name: true, email: true, disabledAt: true } } },
  });
  return memberships.map((m) => ({ ...m.user, roles: m.roles, isDisabled: m.user.disabledAt !== null }));
}
