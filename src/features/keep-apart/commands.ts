import "server-only";
import { defineCommand } from "@/server/command";
import { NotFoundError, RuleError } from "@/server/errors";
import { addKeepApartSchema, removeKeepApartSchema } from "./schemas";
import { KEEP_APART_ROLES, keepApartVisibleTo, mayRemoveKeepApart } from "./policy";
import { lockPupils } from "@/server/locks";
import { HELD_STATUSES } from "@/features/pairings/status";
import type { Actor } from "@/server/actor";
import type { Tx } from "@/server/db";

// The pair is the natural key (unique), so two adds of it at the same moment give one row and this.
const ALREADY_APART = "These two pupils are already kept apart.";

export const addKeepApart = defineCommand(
  { name: "addKeepApart", schema: addKeepApartSchema, allow: KEEP_APART_ROLES, alreadyExists: ALREADY_APART },
  async (input, { tx, actor, audit, contention }) => {
    const kept = await keepApart(tx, actor, input, contention);
    await audit({
      action: "keep_apart.added",
      recordType: "KeepApart",
      recordId: kept.id,
      changes: { studentAId: kept.studentAId, studentBId: kept.studentBId, reason: input.reason },
    });
    return { message: `Saved. These pupils will never be paired or grouped together.${kept.warning}`, recordId: kept.id };
  },
);

/**
 * Adds a keep-apart pair in the caller's transaction: both pupils locked, the pair once. Returns the
 * row and a warning when they are in a pairing together now. The caller writes the audit entry.
 */
export async function keepApart(
  tx: Tx,
  actor: Actor,
  input: { studentAId: string; studentBId: string; reason: string },
  contention: (message: string) => void,
) {
  const [studentAId, studentBId] = [input.studentAId, input.studentBId].sort() as [string, string];
  const pupils = await tx.student.count({ where: { schoolId: actor.schoolId, id: { in: [studentAId, studentBId] } } });
  if (pupils !== 2) throw new NotFoundError("pupil");
  // A pairing of these two being made at this moment either finishes first (and is found below) or
  // waits for this and then sees the pair (pairings/commands.ts takes the same locks).
  contention("Someone is pairing one of these pupils at the same moment, so nothing was saved. Please try again.");
  await lockPupils(tx, actor.schoolId, [studentAId, studentBId]);
  const existing = await tx.keepApart.findFirst({ where: { schoolId: actor.schoolId, studentAId, studentBId }, select: { id: true } });
  if (existing) throw new RuleError(ALREADY_APART, { studentBId: ["Already kept apart."] });
  const row = await tx.keepApart.create({
    data: { schoolId: actor.schoolId, studentAId, studentBId, reason: input.reason, createdById: actor.userId },
    select: { id: true },
  });
  const together = await tx.pairing.count({
    where: {
      schoolId: actor.schoolId,
      status: { in: [...HELD_STATUSES] },
      AND: [{ members: { some: { studentId: studentAId } } }, { members: { some: { studentId: studentBId } } }],
    },
  });
  const warning =
    together > 0
      ? ` They are in ${together === 1 ? "a pairing" : `${together} pairings`} together now: end ${together === 1 ? "it" : "them"}; ${together === 1 ? "it" : "they"} cannot go on.`
      : "";
  return { id: row.id, studentAId, studentBId, warning };
}

export const removeKeepApart = defineCommand(
  { name: "removeKeepApart", schema: removeKeepApartSchema, allow: KEEP_APART_ROLES },
  async (input, { tx, actor, audit }) => {
    const row = await tx.keepApart.findFirst({
      where: { ...keepApartVisibleTo(actor), id: input.keepApartId },
      select: { id: true, studentAId: true, studentBId: true, reason: true },
    });
    if (!row) throw new NotFoundError("keep-apart pair");
    if (!mayRemoveKeepApart(actor, row)) throw new RuleError("This pair was set by the safeguarding lead, so only they can remove it.");
    // Conditional: a second remove at the same moment finds nothing left to remove.
    const removed = await tx.keepApart.deleteMany({ where: { id: row.id, schoolId: actor.schoolId } });
    if (removed.count !== 1) throw new RuleError("This pair has already been removed.");
    await audit({
      action: "keep_apart.removed",
      recordType: "KeepApart",
      recordId: row.id,
      changes: { studentAId: row.studentAId, studentBId: row.studentBId },
    });
    return { message: "Removed. These pupils can now be paired again." };
  },
);
