import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db, type Db, type Tx } from "@/server/db";
import type { CheckInAnswer } from "@/lib/check-ins";
import { fromDbDate } from "@/lib/dates";
import { CHECK_IN_SCALE_KEY, CHECK_INS } from "@/lib/questionnaires";

/**
 * The check-in answers to the scale question of the pairings `pairings` picks (a programme's live
 * ones, or `{ id: { in: ids } }`), by pairing, for `checkInSignals` (the coordinator's to-do): two
 * queries run at once whatever the number of pairings; a pairing with none has no entry. The caller
 * has already decided the actor may read them (coordinator or DSL, ADR 018); nothing here goes to a pupil.
 */
export async function loadCheckInAnswers(
  schoolId: string,
  pairings: Prisma.PairingWhereInput,
  client: Tx | Db = db,
): Promise<Map<string, CheckInAnswer[]>> {
  const responses: Prisma.QuestionnaireResponseWhereInput = {
    schoolId,
    questionnaireKey: { in: [CHECK_INS.MENTEE.key, CHECK_INS.MENTOR.key] },
    pairing: pairings,
  };
  // Side by side, not nested: a nested read lists every response's id in one statement, and a school's
  // years of check-ins pass PostgreSQL's 65,535 parameters (`npm run bench -- todo` found it).
  const [rows, values] = await Promise.all([
    client.questionnaireResponse.findMany({
      where: responses,
      select: { id: true, pairingId: true, studentId: true, respondentRole: true, periodStart: true },
    }),
    client.questionnaireAnswer.findMany({
      where: { schoolId, questionKey: CHECK_IN_SCALE_KEY, scaleValue: { not: null }, response: responses },
      select: { responseId: true, scaleValue: true },
    }),
  ]);
  const out = new Map<string, CheckInAnswer[]>();
  const valueOf = new Map(values.map((v) => [v.responseId, v.scaleValue!]));
  for (const row of rows) {
    const value = valueOf.get(row.id);
    if (value === undefined) continue;
    if (!out.has(row.pairingId)) out.set(row.pairingId, []);
    out.get(row.pairingId)!.push({ studentId: row.studentId, role: row.respondentRole, periodStart: fromDbDate(row.periodStart), value });
  }
  return out;
}
