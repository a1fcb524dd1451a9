import "server-only";
import { db, type Db, type Tx } from "@/server/db";
import type { CheckInAnswer } from "@/lib/check-ins";
import { fromDbDate } from "@/lib/dates";
import { CHECK_IN_SCALE_KEY, CHECK_INS } from "@/lib/questionnaires";

/**
 * Each pairing's check-in answers to the scale question, for `checkInSignals` (the coordinator's
 * to-do), in one query whatever the number of pairings. The caller has already decided the actor may
 * read them (coordinator or DSL, ADR 018); nothing here goes to a pupil.
 */
export async function loadCheckInAnswers(
  schoolId: string,
  pairingIds: string[],
  client: Tx | Db = db,
): Promise<Map<string, CheckInAnswer[]>> {
  const out = new Map<string, CheckInAnswer[]>(pairingIds.map((id) => [id, []]));
  if (pairingIds.length === 0) return out;
  const rows = await client.questionnaireAnswer.findMany({
    where: {
      schoolId,
      questionKey: CHECK_IN_SCALE_KEY,
      scaleValue: { not: null },
      response: { pairingId: { in: pairingIds }, questionnaireKey: { in: [CHECK_INS.MENTEE.key, CHECK_INS.MENTOR.key] } },
    },
    select: { scaleValue: true, response: { select: { pairingId: true, studentId: true, respondentRole: true, periodStart: true } } },
  });
  for (const row of rows) {
    out.get(row.response.pairingId)?.push({
      studentId: row.response.studentId,
      role: row.response.respondentRole,
      periodStart: fromDbDate(row.response.periodStart),
      value: row.scaleValue!,
    });
  }
  return out;
}
