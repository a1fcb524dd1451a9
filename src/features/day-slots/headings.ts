/** Focus goes to the slots' heading when a slot is retired or brought back (used on server and client). */
export const DAY_SLOTS_HEADING_ID = "day-slots";
/** Focus returns to a slot's heading when one of its year groups' times is removed. */
export const slotHeadingId = (slotId: string) => `slot-${slotId}`;
