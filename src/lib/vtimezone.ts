// A VTIMEZONE for a calendar feed (RFC 5545 §3.6.5), built from the same time-zone data the
// planned-session engine reads (Node's Intl, through @date-fns/tz), so a calendar app turns the
// feed's school times into the very instants the engine computed. Pure.
import { tzOffset } from "@date-fns/tz";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** "+0100" for 60 minutes, "-0330" for -210. */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}

/** The instant as wall-clock time at `offset` minutes from UTC: "20261025T020000". */
function localText(instant: number, offset: number): string {
  return new Date(instant + offset * 60_000).toISOString().slice(0, 19).replace(/[-:]/g, "");
}

/** The first minute at which the offset is no longer `before`, between `from` and `to` (a day apart). */
function transitionBetween(timezone: string, from: number, to: number, before: number): number {
  let [low, high] = [from, to];
  while (high - low > 60_000) {
    const middle = low + Math.floor((high - low) / 120_000) * 60_000;
    if (tzOffset(timezone, new Date(middle)) === before) low = middle;
    else high = middle;
  }
  return high;
}

/**
 * The offset in force on 1 January of `fromYear`, then every change of UTC offset up to 31 December of
 * `toYear`, as one STANDARD or DAYLIGHT observance each (the larger offset of a change is daylight
 * time). Each DTSTART is the local time before the change, as the RFC asks.
 */
export function vtimezone(timezone: string, fromYear: number, toYear: number): string {
  // From two days early, so 1 January is covered in every zone's own time.
  const start = Date.UTC(fromYear, 0, 1) - 2 * DAY;
  const end = Date.UTC(toYear + 1, 0, 1);
  const first = tzOffset(timezone, new Date(start));
  const changes: { at: number; from: number; to: number }[] = [];
  for (let day = start, offset = first; day < end; day += DAY) {
    const next = tzOffset(timezone, new Date(day + DAY));
    if (next === offset) continue;
    changes.push({ at: transitionBetween(timezone, day, day + DAY, offset), from: offset, to: next });
    offset = next;
  }
  // Before the first change, the zone is in daylight time when that change puts the clocks back.
  const isFirstDaylight = changes.length > 0 && changes[0]!.to < first;
  const observances = [{ kind: isFirstDaylight ? "DAYLIGHT" : "STANDARD", at: start, from: first, to: first }].concat(
    changes.map((c) => ({ kind: c.to > c.from ? "DAYLIGHT" : "STANDARD", ...c })),
  );
  const lines = ["BEGIN:VTIMEZONE", `TZID:${timezone}`];
  for (const o of observances) {
    lines.push(
      `BEGIN:${o.kind}`,
      `DTSTART:${localText(o.at, o.from)}`,
      `TZOFFSETFROM:${offsetText(o.from)}`,
      `TZOFFSETTO:${offsetText(o.to)}`,
      `END:${o.kind}`,
    );
  }
  lines.push("END:VTIMEZONE");
  return lines.join("\r\n");
}
