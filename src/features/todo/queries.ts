import "server-only";
import type { Actor } from "@/server/actor";
import { db } from "@/server/db";
import { notFoundFor, requireRoleForRead } from "@/server/security-events";
import { loadTodoRows } from "./load";

/** The coordinator's to-do for a programme: rows needing action, and those set aside (until their cause changes). */
export async function getCoordinatorTodo(actor: Actor, programmeId: string, now: Date = new Date()) {
  await requireRoleForRead(actor, "COORDINATOR");
  const programme = await db.programme.findFirst({ where: { schoolId: actor.schoolId, id: programmeId }, select: { id: true } });
  if (!programme) return notFoundFor(actor, "Programme", programmeId);
  const { rows } = await loadTodoRows(actor.schoolId, programme.id, { now });
  return { open: rows.filter((r) => !r.dismissal), setAside: rows.filter((r) => r.dismissal) };
}
