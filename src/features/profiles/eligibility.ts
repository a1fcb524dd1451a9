// Which mentors a mentee may see and rank: the ones the hard rules allow (pairing-rules.ts, the one
// definition), so a pupil never sees (or is told about) a keep-apart pupil. Pure, so it is tested
// without a database.
import { isKeptApart, pairRulesBroken, sharesFreeTime, type PairRules } from "@/lib/pairing-rules";

export type ProfileMentor = { studentId: string; yearGroup: number; isTrained: boolean; slots: readonly string[] };

export function eligibleMentorIds(
  mentee: { studentId: string; yearGroup: number; slots: readonly string[] },
  mentors: ProfileMentor[],
  rules: PairRules,
  keepApart: readonly (readonly [string, string])[],
): string[] {
  return mentors
    .filter(
      (m) =>
        pairRulesBroken(
          {
            isSamePupil: m.studentId === mentee.studentId,
            yearGap: m.yearGroup - mentee.yearGroup,
            sharesFreeTime: sharesFreeTime(m.slots, mentee.slots),
            isMentorTrained: m.isTrained,
            isKeptApart: isKeptApart(keepApart, m.studentId, mentee.studentId),
          },
          rules,
        ).length === 0,
    )
    .map((m) => m.studentId);
}
