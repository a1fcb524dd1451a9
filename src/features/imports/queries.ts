import "server-only";
import { db } from "@/server/db";
import type { Actor } from "@/server/actor";
import { requireRoleForRead } from "@/server/security-events";
import type { ImportKind } from "./kinds";

/** The admin's own files waiting to be imported (not expired), newest first. */
export async function listImportDrafts(actor: Actor, kind: ImportKind) {
  await requireRoleForRead(actor, "ADMIN");
  return db.importDraft.findMany({
    where: { schoolId: actor.schoolId, createdById: actor.userId, kind, expiresAt: { gt: new Date() } },
    select: { id: true, fileName: true, createdAt: true, expiresAt: true, isWholeRoll: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 20,
  });
}
