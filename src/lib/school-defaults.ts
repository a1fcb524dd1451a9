// What a new school starts with (issue 8): its day slots and its activity list. Admins change both;
// the migration that introduced them gave every existing school the same (its ids are made the same way).

/** The day's slots pupils' free times name: "WED_LUNCH" is LUNCH on Wednesday. */
export const DEFAULT_DAY_SLOTS = [
  { key: "BREAK", name: "Break", startTime: "10:40", endTime: "11:00" },
  { key: "LUNCH", name: "Lunch", startTime: "12:30", endTime: "13:15" },
] as const;

/** "What did you do?" for a session, in the order mentors see them. */
export const DEFAULT_ACTIVITIES = [
  "Getting to know me",
  "Homework help",
  "Problem solving",
  "Online safety",
  "Reading together",
  "Games",
  "Check-in chat",
  "Something else",
] as const;

/**
 * The point categories a new school starts with (ADR 024), as the migration gave every existing school:
 * positive or negative by the default amount's sign, with what earns it in words pupils read.
 */
export const DEFAULT_POINT_CATEGORIES = [
  { name: "Attendance", description: "Coming to your mentoring session.", defaultAmount: 1 },
  { name: "Effort", description: "Trying hard, even when something is difficult.", defaultAmount: 2 },
  { name: "Kindness", description: "Helping or including someone.", defaultAmount: 2 },
  { name: "Punctuality", description: "Arriving on time.", defaultAmount: 1 },
  { name: "Behaviour", description: "Keeping the group agreement.", defaultAmount: 2 },
  { name: "Leadership", description: "Taking a lead that helps others.", defaultAmount: 3 },
  { name: "Other", description: "Something else worth recognising.", defaultAmount: 1 },
  { name: "Points lost", description: "Points taken away, always with a reason.", defaultAmount: -1 },
] as const;

export type DefaultPointCategoryName = (typeof DEFAULT_POINT_CATEGORIES)[number]["name"];
