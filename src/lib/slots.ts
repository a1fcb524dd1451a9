// The weekly times a pupil can be free for mentoring. A fixed catalogue keeps availability
// comparable between pupils and readable in plain words ("Wed lunch").
const DAYS = [
  ["MON", "Mon"],
  ["TUE", "Tue"],
  ["WED", "Wed"],
  ["THU", "Thu"],
  ["FRI", "Fri"],
] as const;
const TIMES = [
  ["BREAK", "break"],
  ["LUNCH", "lunch"],
] as const;

export const SLOTS = DAYS.flatMap(([day, dayLabel]) =>
  TIMES.map(([time, timeLabel]) => ({ id: `${day}_${time}`, label: `${dayLabel} ${timeLabel}` })),
);
export const SLOT_IDS = SLOTS.map((s) => s.id);
export const slotLabels: Record<string, string> = Object.fromEntries(SLOTS.map((s) => [s.id, s.label]));
