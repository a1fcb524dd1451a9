import type { Compiled } from "./compile";
import { isBlockedPair, sharesAny } from "./hard-rules";
import type { Unmatched } from "./types";

// Why a mentee has no suggestion, in the order a coordinator would fix it: the rules are applied
// one after another and the first that leaves no mentor standing is the reason. If every rule
// leaves someone, those mentors are all full (an optimal assignment never leaves a mentee out
// while a mentor who fits has a place), so the answer is more capacity or the waitlist.

function names(c: Compiled, mentors: number[]): string {
  const shown = mentors.slice(0, 3).map((j) => c.programme.mentors[j]!.name);
  const more = mentors.length - shown.length;
  return more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(shown.length === 2 ? " and " : ", ");
}

export function explainUnmatched(c: Compiled, i: number): Unmatched {
  const mentee = c.programme.mentees[i]!;
  const menteeId = mentee.id;
  const { minYearGap, maxYearGap } = c;
  const years = (n: number) => `${n} year${n === 1 ? "" : "s"}`;
  let left = c.programme.mentors.map((_, j) => j).filter((j) => c.programme.mentors[j]!.id !== menteeId);
  if (left.length === 0) return { menteeId, code: "no-mentors", message: "There are no mentors in this programme yet." };

  left = left.filter((j) => c.mentorYear[j]! - c.menteeYear[i]! >= minYearGap);
  if (left.length === 0) {
    return { menteeId, code: "no-mentor-old-enough", message: `No mentor is at least ${years(minYearGap)} older than ${mentee.name} (Year ${mentee.yearGroup}).` };
  }
  left = left.filter((j) => c.mentorYear[j]! - c.menteeYear[i]! <= maxYearGap);
  if (left.length === 0) {
    return { menteeId, code: "every-mentor-too-old", message: `Every mentor old enough is more than ${years(maxYearGap)} older than ${mentee.name} (Year ${mentee.yearGroup}).` };
  }
  left = left.filter((j) => sharesAny(c.mentorSlots, j, c.menteeSlots, i));
  if (left.length === 0) {
    return { menteeId, code: "no-shared-slot", message: `No mentor of a suitable age is free at the same time as ${mentee.name}.` };
  }
  if (c.isTrainingRequired) {
    left = left.filter((j) => c.mentorTrained[j] === 1);
    if (left.length === 0) {
      return { menteeId, code: "no-trained-mentor-in-shared-slot", message: `No trained mentor is free at the same time as ${mentee.name}.` };
    }
  }
  left = left.filter((j) => !isBlockedPair(c, i, j));
  if (left.length === 0) {
    return { menteeId, code: "only-keep-apart", message: `The only mentors who fit are on ${mentee.name}'s keep-apart list.` };
  }
  const count = left.length === 1 ? "The one mentor who fits" : `Every mentor who fits`;
  return { menteeId, code: "every-candidate-at-capacity", message: `${count} (${names(c, left)}) is already at capacity; add a place or waitlist ${mentee.name}.` };
}
