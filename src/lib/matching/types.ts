// The matching engine's vocabulary. Plain data in, plain data out: no ids from the database are
// interpreted, so the same engine serves suggestions, tests and the benchmark.

export type SlotId = string;

/** 1 "can help with", 2 "is good at", 3 "is strong on" a focus area. */
export type StrengthLevel = 1 | 2 | 3;

export type MatchMentor = {
  id: string;
  /** Display first name, used in the reasons a coordinator reads. */
  name: string;
  yearGroup: number;
  isTrained: boolean;
  /** How many mentees this mentor can support at once. */
  capacity: number;
  /** Mentees already with this mentor outside this run (as in pairing-rules' `currentLoad`). */
  currentLoad?: number;
  strengths: Readonly<Partial<Record<string, StrengthLevel>>>;
  interests: readonly string[];
  slots: readonly SlotId[];
  /** Opted-in lived experience tags, or null when the pupil has not opted in. */
  livedExperience: readonly string[] | null;
};

export type MatchMentee = {
  id: string;
  name: string;
  yearGroup: number;
  focusAreas: readonly string[];
  interests: readonly string[];
  slots: readonly SlotId[];
  livedExperience: readonly string[] | null;
  /** Up to three mentor ids, first choice first; empty means "no preference". */
  ranking: readonly string[];
};

/** Two pupils (either role) who must never be matched or grouped together; order is irrelevant. */
export type KeepApart = readonly [string, string];

export type MatchRules = {
  minYearGap: number;
  maxYearGap: number;
  isTrainingRequired: boolean;
  /** Mentees per group in group mode. */
  groupSize: number;
  /** The year gap that earns the full year-gap points; defaults to minYearGap + 1 within the range. */
  idealYearGap?: number;
};

/** Non-negative integers the coordinator sees and adjusts. */
export type MatchWeights = {
  /** Per focus area of the mentee, times the mentor's strength level (1–3) in it. */
  focusFit: number;
  /** Points when the mentee ranked the mentor first, second, third. */
  menteeRanking: readonly [number, number, number];
  /** Per shared interest. */
  sharedInterests: number;
  /** Full points at the ideal year gap, half (rounded down) one year away. */
  yearGapCloseness: number;
  /** Once, when both opted in and share at least one tag. */
  livedExperience: number;
  /** Group mode only: per extra year group among a group's mentees (mixed-age groups). */
  groupYearMix?: number;
};

export const DEFAULT_WEIGHTS: MatchWeights = {
  focusFit: 4,
  menteeRanking: [12, 8, 4],
  sharedInterests: 3,
  yearGapCloseness: 4,
  livedExperience: 6,
  groupYearMix: 5,
};

export type Programme = {
  mentors: readonly MatchMentor[];
  mentees: readonly MatchMentee[];
  keepApart: readonly KeepApart[];
  rules: MatchRules;
  weights: MatchWeights;
  /** Plain labels for slot ids ("Wed lunch"); a slot without one is shown by its id. */
  slotLabels?: Readonly<Record<SlotId, string>>;
};

export type ReasonKind = "slot" | "ranking" | "focus" | "interests" | "year-gap" | "lived-experience";
export type Reason = { kind: ReasonKind; points: number; text: string };

export type Suggestion = { menteeId: string; mentorId: string; score: number; reasons: Reason[] };

export type UnmatchedCode =
  | "no-mentors"
  | "no-mentor-old-enough"
  | "every-mentor-too-old"
  | "no-shared-slot"
  | "no-trained-mentor-in-shared-slot"
  | "only-keep-apart"
  | "every-candidate-at-capacity"
  /** Group mode: mentors fit, but no group can take this mentee. */
  | "no-group-fits";
export type Unmatched = { menteeId: string; code: UnmatchedCode; message: string };

export type OneToOneResult = {
  suggestions: Suggestion[];
  unmatched: Unmatched[];
  matchedCount: number;
  totalScore: number;
  /** matchedCount × 10⁶ + totalScore: the single-number objective. */
  objective: number;
};

export const OBJECTIVE_SCALE = 1_000_000;
