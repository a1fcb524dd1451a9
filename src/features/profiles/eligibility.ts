// Which mentors a mentee may see and rank: the ones the hard rules would allow, so a pupil never
// sees (or is told about) a keep-apart pupil. Pure, so it is tested without a database.
export type ProfileMentor = { studentId: string; yearGroup: number; isTrained: boolean };

export function eligibleMentorIds(
  mentee: { studentId: string; yearGroup: number },
  mentors: ProfileMentor[],
  rules: { minYearGap: number; maxYearGap: number; isTrainingRequired: boolean },
  keepApart: readonly (readonly [string, string])[],
): string[] {
  const isKeptApart = (id: string) =>
    keepApart.some(([a, b]) => (a === id && b === mentee.studentId) || (b === id && a === mentee.studentId));
  return mentors
    .filter((m) => m.studentId !== mentee.studentId)
    .filter((m) => m.yearGroup - mentee.yearGroup >= rules.minYearGap && m.yearGroup - mentee.yearGroup <= rules.maxYearGap)
    .filter((m) => !rules.isTrainingRequired || m.isTrained)
    .filter((m) => !isKeptApart(m.studentId))
    .map((m) => m.studentId);
}
