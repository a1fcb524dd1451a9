/** What a new pair does in its two-week trial, so the trial review has something to look at. */
export const TRIAL_ACTIVITIES = [
  "Make a “getting to know me” poster each and swap them",
  "Agree when and where you will meet each week",
  "Each say one thing you would like to get better at",
  "Set one small goal together for the next two weeks",
] as const;
