import "server-only";
import type { Tx } from "@/server/db";
import { NotFoundError } from "@/server/errors";

export const STALE_PROGRAMME_MESSAGE =
  "Someone else changed this programme after this page was opened, so nothing was saved. Reload the page to see their changes, then make yours again.";
export const PROGRAMME_CONTENTION = "Someone else is changing this programme at the same moment, so nothing was saved. Please try again.";

const SETTINGS = {
  id: true,
  name: true,
  status: true,
  version: true,
  focusAreas: true,
  format: true,
  cadence: true,
  sessionMinutes: true,
  startsOn: true,
  endsOn: true,
  defaultWeekday: true,
  defaultSlotId: true,
  defaultPlace: true,
  minYearGap: true,
  maxYearGap: true,
  groupSize: true,
  isTrainingRequired: true,
  todoLogGraceDays: true,
  todoFirstSessionDays: true,
  todoFirstWeeks: true,
  todoFirstWeeksSessions: true,
  todoAbsentRun: true,
  todoCheckInLow: true,
  todoCheckInChange: true,
  checkInEveryWeeks: true,
} as const;

/**
 * Locks the programme's row for a change (ADR 010, ADR 015) and reads it: edits, status changes and
 * skipped weeks run one after the other, and a pairing being created waits (it takes a share lock).
 */
export async function lockProgramme(tx: Tx, schoolId: string, programmeId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Programme" WHERE "schoolId" = ${schoolId} AND "id" = ${programmeId} FOR NO KEY UPDATE`;
  if (locked.length === 0) throw new NotFoundError("programme");
  return tx.programme.findFirstOrThrow({ where: { schoolId, id: programmeId }, select: SETTINGS });
}
