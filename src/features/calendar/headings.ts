/** Focus returns to a school year's heading when removed dates leave its list (used on server and client). */
export const calendarHeadingId = (yearId: string) => `calendar-${yearId}`;
