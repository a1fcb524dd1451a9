import "server-only";
import type { Tx } from "./db";

/**
 * Serialises every change that decides who may be with whom (pairing, keep-apart, resuming a pairing)
 * for the pupils involved, across programmes: a transaction-scoped advisory lock per pupil, always
 * taken in id order so two changes cannot wait on each other (ADR 010). Released at commit.
 */
export async function lockPupils(tx: Tx, schoolId: string, studentIds: readonly string[]): Promise<void> {
  for (const id of [...new Set(studentIds)].sort()) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`pupil:${schoolId}:${id}`}, 0))`;
  }
}
