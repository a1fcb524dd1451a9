import "server-only";
import { db } from "@/server/db";
import type { Actor } from "@/server/actor";
import { requireRoleForRead } from "@/server/security-events";

/**
 * The school's staff, by name; `q` narrows by name or email. "Disabled" is this school's membership
 * (issue 11): a trust colleague disabled here may still work at another school.
 */
export async function listStaffForAdmin(actor: Actor, options: { q?: string } = {}) {
  await requireRoleForRead(actor, "ADMIN");
  const q = options.q?.trim();
  const memberships = await db.membership.findMany({
    where: {
      schoolId: actor.schoolId,
      NOT: { roles: { isEmpty: true } },
      ...(q
        ? {
            user: {
              OR: [{ name: { contains: q, mode: "insensitive" as const } }, { email: { contains: q, mode: "insensitive" as const } }],
            },
          }
        : {}),
    },
    orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
    select: { roles: true, disabledAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  return memberships.map((m) => ({ ...m.user, roles: m.roles, isDisabled: m.disabledAt !== null }));
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
