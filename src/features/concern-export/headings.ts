/** Focus goes to the transfers' heading when a confirmed transfer's form leaves the list (used on server and client). */
export const TRANSFERS_HEADING = "transfers-heading";
