/** Focus returns to the skipped weeks' heading when one is removed (used on server and client). */
export const SKIPS_HEADING = "skipped-weeks";
/** …and to the status card's heading when the status changes. */
export const PROGRAMME_STATUS_HEADING = "programme-status";
