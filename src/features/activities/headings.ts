/** Focus goes to a list's heading when an activity leaves it (retired, brought back) (used on server and client). */
export const ACTIVE_ACTIVITIES_HEADING = "activities-active";
export const RETIRED_ACTIVITIES_HEADING = "activities-retired";
/** The activity's name on the page, where focus goes after it moves (its buttons may have moved or gone). */
export const activityNameId = (activityId: string) => `activity-${activityId}`;
