import "server-only";
import { defineCommand } from "@/server/command";
import { NotFoundError, RuleError } from "@/server/errors";
import { loadTodoRows } from "./load";
import { dismissTodoSchema } from "./schemas";

/**
 * Sets a to-do row aside with a note, until its cause changes (a new reason, or the same reason for a
 * newer meeting, brings it back). The reasons are worked out again here: a row that changed since the
 * page was shown is refused, so nobody dismisses what they did not see. Audited.
 */
export const dismissTodo = defineCommand(
  { name: "dismissTodo", schema: dismissTodoSchema, allow: ["COORDINATOR"] },
  async (input, { tx, actor, audit }) => {
    const { rows } = await loadTodoRows(actor.schoolId, input.programmeId, { client: tx });
    const row = rows.find((r) => r.pairingId === input.pairingId);
    if (!row) {
      const exists = await tx.pairing.findFirst({
        where: { schoolId: actor.schoolId, id: input.pairingId, programmeId: input.programmeId },
        select: { id: true },
      });
      if (!exists) throw new NotFoundError("pairing");
      throw new RuleError("This pairing needs nothing now, so there is nothing to set aside.");
    }
    if (row.cause !== input.cause)
      throw new RuleError("This pairing's reasons have changed since you looked. Please read them again; nothing was saved.");
    const [created] = await tx.todoDismissal.createManyAndReturn({
      data: [{ schoolId: actor.schoolId, pairingId: row.pairingId, cause: row.cause, note: input.note, dismissedById: actor.userId }],
      skipDuplicates: true,
      select: { id: true },
    });
    if (!created) throw new RuleError("This row is already set aside.");
    await audit({
      action: "todo.dismissed",
      recordType: "TodoDismissal",
      recordId: created.id,
      changes: { pairingId: row.pairingId, reasons: row.reasons.map((r) => r.kind), notes: input.note },
    });
    return { message: "Set aside until something changes.", recordId: created.id };
  },
);
