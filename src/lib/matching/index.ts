// The matching engine's public face: pure functions from a programme's pupils to suggestions.
export { suggestOneToOne } from "./one-to-one";
export { suggestGroups, type GroupsResult, type SuggestedGroup } from "./groups";
export { DEFAULT_WEIGHTS, OBJECTIVE_SCALE } from "./types";
export type {
  KeepApart,
  MatchMentee,
  MatchMentor,
  MatchRules,
  MatchWeights,
  OneToOneResult,
  Programme,
  Reason,
  ReasonKind,
  SlotId,
  StrengthLevel,
  Suggestion,
  Unmatched,
  UnmatchedCode,
} from "./types";
