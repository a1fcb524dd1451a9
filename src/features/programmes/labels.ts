// What a programme's settings are called on its pages, defined once (pure: client forms import it too).
import type { Cadence, ProgrammeFormat, ProgrammeStatus } from "@/generated/prisma/enums";
import { formatStaffDate, type IsoDate } from "@/lib/dates";

export const programmeStatusLabels: Record<ProgrammeStatus, string> = { DRAFT: "Being set up", ACTIVE: "Running", CLOSED: "Closed" };

export const programmeFormatLabels: Record<ProgrammeFormat, string> = {
  ONE_TO_ONE: "1:1 pairs",
  GROUP: "Mixed-age groups",
  BOTH: "1:1 pairs and groups",
};

export const cadenceLabels: Record<Cadence, string> = { WEEKLY: "Every week", FORTNIGHTLY: "Every fortnight" };

/** The year groups a skipped week can name; 0 is the whole programme. */
export const SKIP_YEAR_GROUPS = [7, 8, 9, 10, 11, 12, 13] as const;
export const WHOLE_PROGRAMME = 0;

export function skipGroupLabel(yearGroup: number): string {
  return yearGroup === WHOLE_PROGRAMME ? "Whole programme" : `Year ${yearGroup}`;
}

/**
 * The statuses a programme may move to next: a draft starts or closes, a running programme closes
 * (once no pairing is live), and a closed one can be reopened.
 */
const TRANSITIONS: Record<ProgrammeStatus, readonly ProgrammeStatus[]> = {
  DRAFT: ["ACTIVE", "CLOSED"],
  ACTIVE: ["CLOSED"],
  CLOSED: ["ACTIVE"],
};

export function nextProgrammeStatuses(from: ProgrammeStatus): readonly ProgrammeStatus[] {
  return TRANSITIONS[from];
}

/** The button that moves a programme to `to`, in words. */
export function statusChangeLabel(from: ProgrammeStatus, to: ProgrammeStatus): string {
  if (to === "ACTIVE") return from === "CLOSED" ? "Reopen the programme" : "Start the programme";
  return "Close the programme";
}

/** "3 May 2027", or "3 May 2027 to 14 May 2027": always with the year. */
export function span(startsOn: IsoDate, endsOn: IsoDate): string {
  return startsOn === endsOn ? formatStaffDate(startsOn) : `${formatStaffDate(startsOn)} to ${formatStaffDate(endsOn)}`;
}
