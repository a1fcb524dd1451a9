import type { Prisma } from "@/generated/prisma/client";
import type { Db, Tx } from "./db";

// Values of these fields are never copied into the audit log; only the field name is recorded.
const SENSITIVE_FIELDS = new Set(["sendNotes", "notes", "fitCheckNote", "reason", "passwordHash", "password", "referralReason", "concern"]);

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
