// The coordinator's figures (issue 8) from loaded facts. Pure: the dashboard's query and the bench's
// hand-written SQL floor (`npm run bench -- todo`) load the same facts and call `coordinatorFigures` alike.
import { addDaysIso, weekOf, type IsoDate } from "./dates";
import { occurrencesBetween, type SchoolCalendar } from "./occurrences";
import type { Schedule } from "./pairing-schedule";

export type DashboardFigures = {
  livePairings: number;
  sessionsHeldThisWeek: number;
  sessionsPlannedThisWeek: number;
  menteesWithoutPairing: number;
  mentorsWithoutPairing: number;
  pairingsQuiet14Days: number;
  pointsThisWeek: number;
  pointEntriesThisWeek: number;
};

export type FiguresFacts = {
  today: IsoDate;
  calendar: SchoolCalendar;
  /** The programme's live (trial or active) pairings. */
  livePairings: { startsOn: IsoDate; lastHeldOn: IsoDate | null; schedule: Schedule | undefined }[];
  /** Sessions of the programme's pairings held this week (Monday to Sunday). */
  sessionsHeldThisWeek: number;
  menteesWithoutPairing: number;
  mentorsWithoutPairing: number;
  /** The programme's point entries since this week began. */
  pointsThisWeek: { sum: number | null; count: number };
};

export function coordinatorFigures(facts: FiguresFacts): DashboardFigures {
  const week = weekOf(facts.today);
  // Planned this week: each live pairing's meetings this week from its slot and the calendar (ADR 013).
  const plannedThisWeek = facts.livePairings.reduce((n, p) => {
    const s = p.schedule;
    return s?.slot
      ? n + occurrencesBetween(s.slot, facts.calendar, week.start, week.end, { skips: s.skips, exceptions: s.exceptions }).length
      : n;
  }, 0);
  const quietSince = addDaysIso(facts.today, -14);
  const pairingsQuiet14Days = facts.livePairings.filter((p) => (p.lastHeldOn ?? p.startsOn) < quietSince).length;
  return {
    livePairings: facts.livePairings.length,
    sessionsHeldThisWeek: facts.sessionsHeldThisWeek,
    sessionsPlannedThisWeek: plannedThisWeek,
    menteesWithoutPairing: facts.menteesWithoutPairing,
    mentorsWithoutPairing: facts.mentorsWithoutPairing,
    pairingsQuiet14Days,
    pointsThisWeek: facts.pointsThisWeek.sum ?? 0,
    pointEntriesThisWeek: facts.pointsThisWeek.count,
  };
}
