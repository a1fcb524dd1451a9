// What a pupil leaving the school does to a pairing they are in (issue 11, plan decision 6): one rule for
// the MIS import and the rollover. A leaving mentor, or the last mentee still meeting, ends the pairing
// ("pupil left"); a leaving mentee whose group still meets has their place paused instead. Pure.

export type LeavingMember = { studentId: string; role: "MENTOR" | "MENTEE"; isPaused: boolean };
export type LeavingOutcome = { kind: "NONE" } | { kind: "END" } | { kind: "PAUSE_PLACES"; studentIds: string[] };

export function whatLeavingDoes(members: readonly LeavingMember[], leaving: ReadonlySet<string>): LeavingOutcome {
  const leavers = members.filter((m) => leaving.has(m.studentId));
  if (leavers.length === 0) return { kind: "NONE" };
  const stillMeeting = members.filter((m) => m.role === "MENTEE" && !leaving.has(m.studentId) && !m.isPaused);
  if (leavers.some((m) => m.role === "MENTOR") || stillMeeting.length === 0) return { kind: "END" };
  return { kind: "PAUSE_PLACES", studentIds: leavers.filter((m) => !m.isPaused).map((m) => m.studentId) };
}
