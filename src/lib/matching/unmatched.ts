import type { Compiled } from "./compile";
import type { PairRuleName } from "../pairing-rules";
import { pairRuleBroken } from "./hard-rules";
import type { Unmatched, UnmatchedCode } from "./types";

// Why a mentee has no suggestion, in the order a coordinator would fix it: the rules are applied
// one after another and the first that leaves no mentor standing is the reason. If every rule
// leaves someone, those mentors are all full (an optimal assignment never leaves a mentee out
// while a mentor who fits has a place), so the answer is more capacity or the waitlist.

const STAGES: UnmatchedCode[] = [
  "no-mentors",
  "no-mentor-old-enough",
  "every-mentor-too-old",
  "no-shared-slot",
  "no-trained-mentor-in-shared-slot",
  "only-keep-apart",
];

const STAGE_OF_RULE: Record<PairRuleName, number> = {
  "too-young": 1,
  "too-old": 2,
  "no-shared-slot": 3,
  untrained: 4,
  "keep-apart": 5,
  // A pupil is never their own mentor: blocked like a keep-apart pair.
  "same-pupil": 5,
};

/** How far mentor j gets through the rules with mentee i: the index of the first it fails, or STAGES.length. */
function stageReached(c: Compiled, i: number, j: number): number {
  const broken = pairRuleBroken(c, i, j);
  return broken === null ? STAGES.length : STAGE_OF_RULE[broken];
}

function names(c: Compiled, mentors: number[]): string {
  const shown = mentors.slice(0, 3).map((j) => c.programme.mentors[j]!.name);
  const more = mentors.length - shown.length;
  return more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(shown.length === 2 ? " and " : ", ");
}

export function explainUnmatched(c: Compiled, i: number): Unmatched {
  const mentee = c.programme.mentees[i]!;
  const failedAt = new Int32Array(STAGES.length + 1);
  const fitting: number[] = [];
  let total = 0;
  c.programme.mentors.forEach((mentor, j) => {
    if (mentor.id === mentee.id) return;
    total += 1;
    const stage = stageReached(c, i, j);
    failedAt[stage]! += 1;
    if (stage === STAGES.length) fitting.push(j);
  });
  // The first rule after which no mentor is left standing.
  let code: UnmatchedCode = total === 0 ? "no-mentors" : "every-candidate-at-capacity";
  let standing = total;
  for (let stage = 1; stage < STAGES.length && total > 0; stage += 1) {
    standing -= failedAt[stage]!;
    if (standing === 0) {
      code = STAGES[stage]!;
      break;
    }
  }
  return { menteeId: mentee.id, code, message: message(c, i, code, fitting) };
}

export function message(c: Compiled, i: number, code: UnmatchedCode, fitting: number[]): string {
  const { name, yearGroup } = c.programme.mentees[i]!;
  const years = (n: number) => `${n} year${n === 1 ? "" : "s"}`;
  switch (code) {
    case "no-mentors":
      return "There are no mentors in this programme yet.";
    case "no-mentor-old-enough":
      return `No mentor is at least ${years(c.minYearGap)} older than ${name} (Year ${yearGroup}).`;
    case "every-mentor-too-old":
      return `Every mentor old enough is more than ${years(c.maxYearGap)} older than ${name} (Year ${yearGroup}).`;
    case "no-shared-slot":
      return `No mentor of a suitable age is free at the same time as ${name}.`;
    case "no-trained-mentor-in-shared-slot":
      return `No trained mentor is free at the same time as ${name}.`;
    case "only-keep-apart":
      return `The only mentors who fit are on ${name}'s keep-apart list.`;
    case "no-group-fits":
      return `No group has room for ${name} with a free slot in common and nobody they must be kept apart from.`;
    default:
      return `${fitting.length === 1 ? "The one mentor who fits" : "Every mentor who fits"} (${names(c, fitting)}) is already at capacity; add a place or waitlist ${name}.`;
  }
}
