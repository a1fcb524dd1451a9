import type { Prisma } from "@/generated/prisma/client";
import type { Db, Tx } from "./db";

// Values of these fields are never copied into the audit log; only the field name is recorded.
// Issue 11 adds what an MIS import and an alumni check bring: date of birth, SEN, pupil premium and FSM,
// a check's reference, and any token or code.
const SENSITIVE_FIELDS = new Set([
  "sendNotes",
  "notes",
  "fitCheckNote",
  "reason",
  "passwordHash",
  "password",
  "referralReason",
  "concern",
  "dateOfBirth",
  "senStatus",
  "hasSend",
  "isPupilPremium",
  "isFsm",
  "reference",
  "token",
  "code",
]);

export type AuditEntry = {
  action: string;
  recordType: string;
  recordId?: string | null;
  changes?: Record<string, unknown>;
};

export function redact(changes: Record<string, unknown>): Prisma.InputJsonObject {
  const out: Record<string, Prisma.InputJsonValue | null> = {};
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (SENSITIVE_FIELDS.has(key)) out[key] = "[redacted]";
    else if (value instanceof Date) out[key] = value.toISOString();
    else out[key] = value as Prisma.InputJsonValue | null;
  }
  return out;
}

/** Many entries at once (an import's one row per pupil), in one statement, in the change's transaction. */
export async function writeAuditMany(tx: Tx | Db, who: { userId: string | null; schoolId: string }, entries: AuditEntry[]) {
  if (entries.length === 0) return;
  await tx.auditLog.createMany({
    data: entries.map((entry) => ({
      schoolId: who.schoolId,
      actorUserId: who.userId,
      action: entry.action,
      recordType: entry.recordType,
      recordId: entry.recordId ?? null,
      changes: redact(entry.changes ?? {}),
    })),
  });
}

/** Written in the same transaction as the change it records (or, for a view, on its own). */
export async function writeAudit(tx: Tx | Db, who: { userId: string | null; schoolId: string }, entry: AuditEntry) {
  await tx.auditLog.create({
    data: {
      schoolId: who.schoolId,
      actorUserId: who.userId,
      action: entry.action,
      recordType: entry.recordType,
      recordId: entry.recordId ?? null,
      changes: redact(entry.changes ?? {}),
    },
  });
}
