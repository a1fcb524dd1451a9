import type { BoardPeriod } from "@/lib/board-periods";
import { isIsoDate, todayIn, weekOf, type IsoDate } from "@/lib/dates";
import type { BoardRequest, BoardScope } from "./board-view-model";

const PERIODS: readonly BoardPeriod[] = ["WEEK", "HALF_TERM", "ALL_TIME"];
const SCOPES: readonly BoardScope[] = ["PROGRAMME", "YEAR", "GROUPS", "GROUP"];
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

/**
 * A board request from a URL anyone can type: unknown values fall back to the whole programme this
 * half-term, a year group or group outside the reader's choices to the whole programme.
 */
export function boardRequestFrom(
  params: Record<string, string | string[] | undefined>,
  choices: { programme: { id: string }; yearGroups: number[]; groups: { id: string }[] },
): BoardRequest {
  const period = PERIODS.find((p) => p === one(params.period)) ?? "HALF_TERM";
  const scope = SCOPES.find((s) => s === one(params.scope)) ?? "PROGRAMME";
  const yearGroup = Number(one(params.year));
  const pairingId = one(params.group);
  const base = { programmeId: choices.programme.id, period };
  if (scope === "YEAR" && choices.yearGroups.includes(yearGroup)) return { ...base, scope, yearGroup };
  if (scope === "GROUP" && choices.groups.some((g) => g.id === pairingId)) return { ...base, scope, pairingId };
  if (scope === "GROUPS") return { ...base, scope };
  return { ...base, scope: "PROGRAMME" };
}

/** The link to a board, keeping the rest of the request. */
export function boardHref(path: string, request: BoardRequest, change: Partial<BoardRequest> = {}): string {
  const r = { ...request, ...change };
  const params = new URLSearchParams({ programme: r.programmeId, scope: r.scope, period: r.period });
  if (r.scope === "YEAR" && r.yearGroup !== undefined) params.set("year", String(r.yearGroup));
  if (r.scope === "GROUP" && r.pairingId) params.set("group", r.pairingId);
  return `${path}?${params.toString()}`;
}

/** The Monday of the week holding `day` (a typed date, or this week), in the school's calendar. */
export function summaryWeek(day: string | undefined, timezone: string, now: Date = new Date()): IsoDate {
  const today = todayIn(timezone, now);
  const chosen = day && isIsoDate(day) && day <= today ? day : today;
  return weekOf(chosen).start;
}
