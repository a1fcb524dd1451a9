/** Focus goes to a list's heading when an activity leaves it (retired, brought back) (used on server and client). */
export const ACTIVE_ACTIVITIES_HEADING = "activities-active";
export const RETIRED_ACTIVITIES_HEADING = "activities-retired";
