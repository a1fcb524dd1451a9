import "server-only";
import { db } from "@/server/db";
import type { Actor } from "@/server/actor";
import { requireRoleForRead } from "@/server/security-events";
import { pupilDisplayName, pupilFullName } from "@/lib/ranking";
import { keepApartVisibleTo, mayRemoveKeepApart } from "./policy";
import { CURRENT_PUPIL } from "@/features/students/policy";

const name = { select: { id: true, legalFirstName: true, legalLastName: true, preferredName: true, tutorGroup: true } } as const;

export async function listKeepApart(actor: Actor) {
  await requireRoleForRead(actor, "COORDINATOR", "DSL");
  const rows = await db.keepApart.findMany({
    where: keepApartVisibleTo(actor),
    orderBy: { createdAt: "desc" },
    select: { id: true, reason: true, createdAt: true, studentA: name, studentB: name, createdBy: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    reason: r.reason,
    canRemove: mayRemoveKeepApart(actor, r),
    createdAt: r.createdAt,
    createdBy: r.createdBy.name,
    pupils: [r.studentA, r.studentB].map((s) => `${pupilDisplayName(s)} (${s.tutorGroup})`),
  }));
}

/** Every on-roll pupil of the school, for the two pickers. */
export async function listPupilsForKeepApart(actor: Actor) {
  await requireRoleForRead(actor, "COORDINATOR", "DSL");
  const rows = await db.student.findMany({
    where: { schoolId: actor.schoolId, ...CURRENT_PUPIL },
    orderBy: [{ legalLastName: "asc" }, { legalFirstName: "asc" }],
    select: { id: true, legalFirstName: true, legalLastName: true, preferredName: true, tutorGroup: true },
  });
  return rows.map((s) => ({ value: s.id, label: `${pupilFullName(s)} (${s.tutorGroup})` }));
}
