import type { CalendarKind } from "@/generated/prisma/enums";

/** The kinds an admin enters, in the words the page uses (shared by the page and its forms). */
export const CALENDAR_KIND_LABELS: Record<CalendarKind, string> = {
  TERM: "Term",
  HALF_TERM: "Half-term block (teaching)",
  HOLIDAY: "Holiday or bank holiday (no school)",
  INSET: "INSET day (no pupils)",
};

/** What removing dates of this kind does, said in the confirm dialog. */
export const REMOVE_CONSEQUENCE: Record<CalendarKind, string> = {
  TERM: "No sessions will be planned on its days until a term covering them is added again.",
  HALF_TERM: "Only the block's name goes: sessions are planned as before.",
  HOLIDAY: "Sessions will be planned on these days again.",
  INSET: "Sessions will be planned on these days again.",
};
