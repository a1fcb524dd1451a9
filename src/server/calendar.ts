import "server-only";
import { fromDbDate, todayIn, type IsoDate } from "@/lib/dates";
import { isInRange, rangeMessage, type CalendarFacts, type DateRange, type DateStyle } from "@/lib/school-calendar";
import { db, type Db, type Tx } from "./db";
import type { Period } from "@/lib/planned-sessions";
import { RuleError } from "./errors";

const SPAN = { startsOn: true, endsOn: true } as const;
const toSpan = (r: { startsOn: Date; endsOn: Date }) => ({ startsOn: fromDbDate(r.startsOn), endsOn: fromDbDate(r.endsOn) });

/** The school's holidays, for planned sessions and the next meeting. */
export async function holidaysFor(schoolId: string, client: Tx | Db = db): Promise<Period[]> {
  const rows = await client.calendarPeriod.findMany({ where: { schoolId, kind: "HOLIDAY" }, select: SPAN });
  return rows.map(toSpan);
}

/** The school's academic years and terms, for the date bounds in src/lib/school-calendar.ts. */
export async function loadCalendarFacts(client: Tx | Db, actor: { schoolId: string; timezone: string }): Promise<CalendarFacts> {
  const [years, terms] = await Promise.all([
    client.academicYear.findMany({ where: { schoolId: actor.schoolId }, select: SPAN }),
    client.calendarPeriod.findMany({ where: { schoolId: actor.schoolId, kind: "TERM" }, select: SPAN }),
  ]);
  return { today: todayIn(actor.timezone), academicYears: years.map(toSpan), terms: terms.map(toSpan) };
}

/** Refuses a date outside its range, saying the range next to the field and at the top of the form. */
export function requireDateInRange(field: string, day: IsoDate, range: DateRange, style: DateStyle, today: IsoDate): void {
  if (isInRange(day, range)) return;
  const message = rangeMessage(range, style, today);
  throw new RuleError(message, { [field]: [message] });
}
