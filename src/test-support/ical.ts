// Reads a calendar feed as a calendar app would, with an independent parser (ical.js, tests only):
// the feed's own VTIMEZONE converts school times to instants, RRULEs expand, EXDATEs drop days, and
// RECURRENCE-ID overrides replace the occurrence they name.
import ICAL from "ical.js";

export type ExpandedEvent = { uid: string; start: string; end: string; summary: string; location: string | null };

export function expandFeed(text: string): ExpandedEvent[] {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const zone of root.getAllSubcomponents("vtimezone")) {
    const tzid = String(zone.getFirstPropertyValue("tzid"));
    // The feed's own definition, never one left over from another feed read in this process.
    if (ICAL.TimezoneService.has(tzid)) ICAL.TimezoneService.remove(tzid);
    ICAL.TimezoneService.register(zone);
  }
  const events = root.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  const out: ExpandedEvent[] = [];
  for (const master of events.filter((e) => !e.isRecurrenceException())) {
    for (const exception of events.filter((e) => e.isRecurrenceException() && e.uid === master.uid)) master.relateException(exception);
    const read = (start: ICAL.Time, end: ICAL.Time, item: ICAL.Event) =>
      out.push({
        uid: master.uid,
        start: start.toJSDate().toISOString(),
        end: end.toJSDate().toISOString(),
        summary: item.summary,
        location: item.location ?? null,
      });
    if (!master.isRecurring()) {
      read(master.startDate, master.endDate, master);
      continue;
    }
    const iterator = master.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) {
      const details = master.getOccurrenceDetails(next);
      read(details.startDate, details.endDate, details.item);
    }
  }
  return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}
