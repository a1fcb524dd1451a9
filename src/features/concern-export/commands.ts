import "server-only";
import { randomUUID } from "node:crypto";
import { defineCommand } from "@/server/command";
import { NotFoundError, RuleError } from "@/server/errors";
import { requireDateInRange } from "@/server/calendar";
import type { Actor } from "@/server/actor";
import type { Tx } from "@/server/db";
import { readsPupilFiles, ROUTE_LEADS } from "@/features/concerns/policy";
import { todayIn } from "@/lib/dates";
import { confirmTransferReceiptSchema, recordTransferSchema } from "./schemas";
import { fileConcernsOf } from "./policy";
import { parseTransferEntry } from "./transfers";

// A transfer of a pupil's safeguarding file to another school goes into the chronology of every concern
// in the file (issue 9, ADR 023): one TRANSFER entry each, sharing a transferId; a later confirmation
// of receipt adds one more entry to each, naming that concern's transfer entry.

const PUPIL_FILE_READERS = [ROUTE_LEADS.SAFEGUARDING];
export const NOTHING_TO_TRANSFER = "There are no concerns about this pupil to transfer, so nothing was recorded.";
export const ALREADY_CONFIRMED = "Receipt of this transfer is already recorded.";

/** The pupil's file concerns, locked in id order: a transfer and its confirmation never interleave. */
async function lockFileConcerns(tx: Tx, actor: Actor, studentId: string) {
  if (!readsPupilFiles(actor)) throw new NotFoundError("pupil file");
  const pupil = await tx.student.findFirst({ where: { schoolId: actor.schoolId, id: studentId }, select: { id: true } });
  if (!pupil) throw new NotFoundError("pupil");
  const concerns = await tx.concern.findMany({ where: fileConcernsOf(actor, pupil.id), select: { id: true, createdAt: true } });
  const ids = concerns.map((c) => c.id).sort();
  if (ids.length > 0)
    await tx.$queryRaw`SELECT "id" FROM "Concern" WHERE "schoolId" = ${actor.schoolId} AND "id" = ANY(${ids}::text[]) ORDER BY "id" FOR UPDATE`;
  return concerns;
}

export const recordTransfer = defineCommand(
  { name: "recordTransfer", schema: recordTransferSchema, allow: PUPIL_FILE_READERS, isIdempotent: true },
  async (input, { tx, actor, audit, contention }) => {
    contention("Someone is adding to this pupil's concerns at the same moment, so nothing was saved. Please try again.");
    const concerns = await lockFileConcerns(tx, actor, input.studentId);
    if (concerns.length === 0) throw new RuleError(NOTHING_TO_TRANSFER);
    const today = todayIn(actor.timezone);
    const firstDay = concerns.map((c) => todayIn(actor.timezone, c.createdAt)).sort()[0]!;
    requireDateInRange("sentOn", input.sentOn, { from: firstDay, to: today }, "staff", today);
    const receiptConfirmedOn = input.receiptConfirmedOn ?? null;
    if (receiptConfirmedOn) requireDateInRange("receiptConfirmedOn", receiptConfirmedOn, { from: input.sentOn, to: today }, "staff", today);
    const transferId = randomUUID();
    const details = {
      transferId,
      to: `${input.toPerson}, ${input.toSchool}`,
      on: input.sentOn,
      how: input.method,
      receiptConfirmedOn,
    };
    await tx.concernEntry.createMany({
      data: concerns.map((c) => ({
        schoolId: actor.schoolId,
        concernId: c.id,
        kind: "TRANSFER" as const,
        authorId: actor.userId,
        details,
      })),
    });
    await audit({
      action: "concern.transfer_recorded",
      recordType: "Student",
      recordId: input.studentId,
      changes: { transferId, concerns: concerns.length, sentOn: input.sentOn, receiptConfirmedOn },
    });
    const count = concerns.length === 1 ? "the concern's chronology" : `the chronology of all ${concerns.length} concerns`;
    return { message: `Transfer recorded in ${count}.` };
  },
);

export const confirmTransferReceipt = defineCommand(
  { name: "confirmTransferReceipt", schema: confirmTransferReceiptSchema, allow: PUPIL_FILE_READERS },
  async (input, { tx, actor, audit, contention }) => {
    contention("Someone is adding to this pupil's concerns at the same moment, so nothing was saved. Please try again.");
    const concerns = await lockFileConcerns(tx, actor, input.studentId);
    const entries = await tx.concernEntry.findMany({
      where: {
        schoolId: actor.schoolId,
        kind: "TRANSFER",
        concernId: { in: concerns.map((c) => c.id) },
        details: { path: ["transferId"], equals: input.transferId },
      },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: { id: true, concernId: true, details: true },
    });
    const parsed = entries.map((e) => ({ ...e, parsed: parseTransferEntry(e.details) }));
    const transfers = parsed.flatMap((e) =>
      e.parsed.kind === "transfer" ? [{ id: e.id, concernId: e.concernId, details: e.parsed.details }] : [],
    );
    if (transfers.length === 0) throw new NotFoundError("transfer");
    if (parsed.some((e) => e.parsed.kind === "receipt") || transfers.some((t) => t.details.receiptConfirmedOn))
      throw new RuleError(ALREADY_CONFIRMED);
    const today = todayIn(actor.timezone);
    requireDateInRange("receiptConfirmedOn", input.receiptConfirmedOn, { from: transfers[0]!.details.on, to: today }, "staff", today);
    await tx.concernEntry.createMany({
      data: transfers.map((t) => ({
        schoolId: actor.schoolId,
        concernId: t.concernId,
        kind: "TRANSFER" as const,
        authorId: actor.userId,
        details: { transferId: input.transferId, transferEntryId: t.id, receiptConfirmedOn: input.receiptConfirmedOn },
      })),
    });
    await audit({
      action: "concern.transfer_receipt_confirmed",
      recordType: "Student",
      recordId: input.studentId,
      changes: { transferId: input.transferId, concerns: transfers.length, receiptConfirmedOn: input.receiptConfirmedOn },
    });
    return { message: "Receipt confirmed and added to the chronology." };
  },
);
