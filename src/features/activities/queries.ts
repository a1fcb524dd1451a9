import "server-only";
import { db } from "@/server/db";
import type { Actor } from "@/server/actor";
import { requireRoleForRead } from "@/server/security-events";

/** The school's activity list in the order mentors see it, retired ones after, with how often each was used. */
export async function listActivitiesForStaff(actor: Actor) {
  await requireRoleForRead(actor, "COORDINATOR", "ADMIN");
  const rows = await db.schoolActivity.findMany({
    where: { schoolId: actor.schoolId },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true, archivedAt: true, _count: { select: { sessions: true } } },
  });
  const list = rows.map((a) => ({ id: a.id, name: a.name, sessions: a._count.sessions, isRetired: a.archivedAt !== null }));
  return { active: list.filter((a) => !a.isRetired), retired: list.filter((a) => a.isRetired) };
}
