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

/** The school's safeguarding settings and every member of staff with their safeguarding flags. */
export async function getSafeguardingSettingsForAdmin(actor: Actor) {
  await requireRoleForRead(actor, "ADMIN");
  const school = await db.school.findUniqueOrThrow({
    where: { id: actor.schoolId },
    select: { dangerInstruction: true, concernEscalateMinutes: true },
  });
  return { ...school, staff: await listStaffForAdmin(actor) };
}
