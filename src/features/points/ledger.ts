import "server-only";
import type { Tx } from "@/server/db";
import { lockPupilLedgers } from "@/server/locks";
import { aboveZeroMoments } from "@/lib/boards";

export type NewPointEntry = {
  programmeId: string;
  studentId: string;
  amount: number;
  categoryId: string;
  reason: string;
  awardedById: string;
  sessionId?: string | null;
  /** A natural key for an award that must happen once (automatic points, "everyone who came"). */
  autoKey?: string | null;
  reversesId?: string | null;
};

/**
 * The one way points are written (ADR 024). Takes each pupil's ledger lock (id order), adds the rows —
 * with `onceOnly`, rows whose natural key is already there are skipped rather than refused — and
 * records each pupil's climb from below zero to above it that one of these rows made. Returns the rows
 * actually added.
 */
export async function appendPointEntries(
  tx: Tx,
  schoolId: string,
  rows: readonly NewPointEntry[],
  options: { onceOnly?: boolean } = {},
): Promise<{ id: string; studentId: string; amount: number }[]> {
  if (rows.length === 0) return [];
  const pupils = [...new Set(rows.map((r) => r.studentId))];
  await lockPupilLedgers(tx, schoolId, pupils);
  const added = await tx.pointEntry.createManyAndReturn({
    data: rows.map((r) => ({ schoolId, ...r })),
    skipDuplicates: options.onceOnly ?? false,
    select: { id: true, studentId: true, amount: true },
  });
  if (added.length === 0) return added;
  const addedIds = new Set(added.map((a) => a.id));
  const ledgers = await tx.pointEntry.findMany({
    where: { schoolId, studentId: { in: [...new Set(added.map((a) => a.studentId))] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, studentId: true, amount: true },
  });
  const byPupil = new Map<string, { id: string; amount: number }[]>();
  for (const e of ledgers) byPupil.set(e.studentId, [...(byPupil.get(e.studentId) ?? []), e]);
  const moments = [...byPupil.entries()].flatMap(([studentId, ledger]) =>
    aboveZeroMoments(ledger)
      .filter((id) => addedIds.has(id))
      .map((entryId) => ({ schoolId, studentId, entryId })),
  );
  if (moments.length > 0) await tx.pointMilestone.createMany({ data: moments, skipDuplicates: true });
  return added;
}
