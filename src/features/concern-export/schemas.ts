import { z } from "zod";
import { isoDate, recordId, text } from "@/lib/schema-helpers";

/** An optional date: an empty field is no date. */
const optionalDate = z.preprocess((v) => (v === "" ? undefined : v), isoDate.optional());

/** A pupil's safeguarding file sent to another school: to whom, when, how, and (if known yet) when they confirmed receipt. */
export const recordTransferSchema = z.object({
  studentId: recordId,
  toSchool: text({ min: 2, max: 200, tooShort: "Enter the name of the school the file went to." }),
  toPerson: text({ min: 2, max: 200, tooShort: "Enter who it went to, for example their designated safeguarding lead." }),
  sentOn: isoDate,
  method: text({ min: 3, max: 300, tooShort: "Say how it was sent securely, for example the local authority's secure transfer service." }),
  receiptConfirmedOn: optionalDate,
});
export type RecordTransferInput = z.output<typeof recordTransferSchema>;

/** The receiving school confirmed it has the file. */
export const confirmTransferReceiptSchema = z.object({
  studentId: recordId,
  transferId: recordId,
  receiptConfirmedOn: isoDate,
});
