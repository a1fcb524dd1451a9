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
