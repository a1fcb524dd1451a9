import { z } from "zod";
import type { IsoDate } from "@/lib/dates";

// What a TRANSFER entry's details hold (ADR 023). One transfer appends one entry to each of the pupil's
// concerns, all with the same transferId; a later confirmation of receipt appends one more to each,
// naming that concern's transfer entry (correctsId is for corrections, so it is not used).

export const transferDetailsSchema = z.object({
  transferId: z.string(),
  /** Who received it and where: "Ms Jones (safeguarding lead), Riverside Academy". */
  to: z.string(),
  on: z.string(),
  how: z.string(),
  receiptConfirmedOn: z.string().nullable(),
});
export type TransferDetails = z.output<typeof transferDetailsSchema>;

export const receiptDetailsSchema = z.object({
  transferId: z.string(),
  transferEntryId: z.string(),
  receiptConfirmedOn: z.string(),
});
export type ReceiptDetails = z.output<typeof receiptDetailsSchema>;

export type ParsedTransferEntry =
  { kind: "transfer"; details: TransferDetails } | { kind: "receipt"; details: ReceiptDetails } | { kind: "unknown" };

export function parseTransferEntry(details: unknown): ParsedTransferEntry {
  const receipt = receiptDetailsSchema.safeParse(details);
  if (receipt.success) return { kind: "receipt", details: receipt.data };
  const transfer = transferDetailsSchema.safeParse(details);
  if (transfer.success) return { kind: "transfer", details: transfer.data };
  return { kind: "unknown" };
}

export type Transfer = {
  transferId: string;
  to: string;
  sentOn: IsoDate;
  how: string;
  recordedAt: Date;
  recordedById: string;
  /** How many of the pupil's concerns it went into the chronology of. */
  concerns: number;
  receiptConfirmedOn: IsoDate | null;
};

/** The transfers recorded in a pupil's concerns, newest first, each with its receipt if one is recorded. */
export function transfersFrom(entries: readonly { concernId: string; authorId: string; at: Date; details: unknown }[]): Transfer[] {
  const byId = new Map<string, Transfer & { concernIds: Set<string> }>();
  const receipts = new Map<string, IsoDate>();
  for (const entry of entries) {
    const parsed = parseTransferEntry(entry.details);
    if (parsed.kind === "receipt") {
      receipts.set(parsed.details.transferId, parsed.details.receiptConfirmedOn);
    } else if (parsed.kind === "transfer") {
      const d = parsed.details;
      const known = byId.get(d.transferId);
      if (known) {
        known.concernIds.add(entry.concernId);
        continue;
      }
      byId.set(d.transferId, {
        transferId: d.transferId,
        to: d.to,
        sentOn: d.on,
        how: d.how,
        recordedAt: entry.at,
        recordedById: entry.authorId,
        concerns: 0,
        receiptConfirmedOn: d.receiptConfirmedOn,
        concernIds: new Set([entry.concernId]),
      });
    }
  }
  return [...byId.values()]
    .map(({ concernIds, ...t }) => ({
      ...t,
      concerns: concernIds.size,
      receiptConfirmedOn: t.receiptConfirmedOn ?? receipts.get(t.transferId) ?? null,
    }))
    .sort((a, b) => b.recordedAt.getTime() - a.recordedAt.getTime() || (a.transferId < b.transferId ? -1 : 1));
}
