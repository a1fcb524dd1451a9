import type { Compiled } from "./compile";
import type { Reason, StrengthLevel } from "./types";

// The soft score in words. pairScore (candidates.ts) is the fast path used for every candidate;
// pairReasons rebuilds the same total, reason by reason, for the pairs actually suggested, so the
// number a coordinator sees can always be explained line by line (reasons.test.ts checks they agree).

const ORDINALS = ["first", "second", "third"] as const;
const STRENGTH_WORDS: Record<StrengthLevel, string> = { 1: "can help with", 2: "is good at", 3: "is strong on" };
const NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Items of `a` also in `b`, once each, in a's order (lists here are a handful long). */
function inCommon(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  for (const item of a) if (b.includes(item) && !out.includes(item)) out.push(item);
  return out;
}

/** The reasons, in the order a coordinator reads them; their points add up to pairScore. */
export function pairReasons(c: Compiled, i: number, j: number): Reason[] {
  const { mentors, mentees, slotLabels } = c.programme;
  const mentor = mentors[j]!;
  const mentee = mentees[i]!;
  const w = c.weights;
  const reasons: Reason[] = [];

  const slots = inCommon(mentee.slots, mentor.slots).map((slot) => slotLabels?.[slot] ?? slot);
  if (slots.length > 0) reasons.push({ kind: "slot", points: 0, text: `both free ${listInWords(slots)}` });

  const rank = [0, 1, 2].find((r) => c.menteeRank[i * 3 + r] === j);
  if (rank !== undefined)
    reasons.push({
      kind: "ranking",
      points: w.menteeRanking[rank as 0 | 1 | 2],
      text: `${mentee.name} ranked ${mentor.name} ${ORDINALS[rank]}`,
    });

  for (const area of inCommon(mentee.focusAreas, mentee.focusAreas)) {
    const level = Math.min(3, Math.floor(mentor.strengths[area] ?? 0));
    if (level < 1) continue;
    reasons.push({
      kind: "focus",
      points: w.focusFit * level,
      text: `${mentor.name} ${STRENGTH_WORDS[level as StrengthLevel]} ${area}, ${mentee.name}'s focus`,
    });
  }

  const interests = inCommon(mentee.interests, mentor.interests);
  if (interests.length > 0) {
    const label = interests.length === 1 ? "shared interest" : "shared interests";
    reasons.push({ kind: "interests", points: w.sharedInterests * interests.length, text: `${label}: ${interests.join(", ")}` });
  }

  const gap = mentor.yearGroup - mentee.yearGroup;
  const gapPoints = c.yearGapPoints[gap] ?? 0;
  if (gapPoints > 0) {
    const years = `${gap === 8 || gap === 11 ? "an" : "a"} ${NUMBER_WORDS[gap] ?? gap}-year gap`;
    const text =
      gap === c.idealYearGap
        ? `Year ${mentor.yearGroup} with Year ${mentee.yearGroup}: ${years}, the ideal`
        : `Year ${mentor.yearGroup} with Year ${mentee.yearGroup}: ${years}, close to the ideal`;
    reasons.push({ kind: "year-gap", points: gapPoints, text });
  }

  if (mentor.livedExperience && mentee.livedExperience && inCommon(mentee.livedExperience, mentor.livedExperience).length > 0) {
    reasons.push({ kind: "lived-experience", points: w.livedExperience, text: "lived experience in common" });
  }
  // The slot is why the pair may meet at all; any other reason is shown only if it scores.
  return reasons.filter((reason) => reason.kind === "slot" || reason.points > 0);
}
