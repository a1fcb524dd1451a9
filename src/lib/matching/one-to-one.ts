import { compileProgramme } from "./compile";
import { assignOptimally } from "./optimal";
import { pairReasons } from "./reasons";
import { OBJECTIVE_SCALE, type OneToOneResult, type Programme, type Suggestion, type Unmatched } from "./types";
import { explainUnmatched } from "./unmatched";

/**
 * Optimal 1:1 suggestions: the most mentees matched, then the highest total score, with every
 * hard rule kept. Each suggestion carries its reasons; each mentee left out carries why.
 */
export function suggestOneToOne(programme: Programme): OneToOneResult {
  const c = compileProgramme(programme);
  const mentorOf = assignOptimally(c);

  const suggestions: Suggestion[] = [];
  const unmatched: Unmatched[] = [];
  let totalScore = 0;
  for (let i = 0; i < c.menteeCount; i += 1) {
    const j = mentorOf[i]!;
    if (j === -1) {
      unmatched.push(explainUnmatched(c, i));
      continue;
    }
    const reasons = pairReasons(c, i, j);
    const score = reasons.reduce((sum, reason) => sum + reason.points, 0);
    totalScore += score;
    suggestions.push({ menteeId: programme.mentees[i]!.id, mentorId: programme.mentors[j]!.id, score, reasons });
  }
  return {
    suggestions,
    unmatched,
    matchedCount: suggestions.length,
    totalScore,
    objective: suggestions.length * OBJECTIVE_SCALE + totalScore,
  };
}
