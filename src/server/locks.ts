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

/**
 * One ledger write at a time per pupil (ADR 024), so a total moves in order and the moment it climbs
 * above zero is found once. Its own lock family, in id order, so it never waits on a pairing change.
 */
export async function lockPupilLedgers(tx: Tx, schoolId: string, studentIds: readonly string[]): Promise<void> {
  for (const id of [...new Set(studentIds)].sort()) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`points:${schoolId}:${id}`}, 0))`;
  }
}

/** One award at a time per giver, so a weekly limit read before the write still holds after it. */
export async function lockGiver(tx: Tx, schoolId: string, userId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`points-giver:${schoolId}:${userId}`}, 0))`;
}

/**
 * The school's own row, locked until commit: changes to the school as a whole (its staff, its years,
 * its roll, its settings) apply one after another. False when the school does not exist.
 */
export async function lockSchool(tx: Tx, schoolId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "School" WHERE "id" = ${schoolId} FOR UPDATE`;
  return rows.length === 1;
}
