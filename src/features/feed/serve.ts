import "server-only";
import { db } from "@/server/db";
import { loadSchedules } from "@/server/schedules";
import { CONFIRMED_YEAR } from "@/server/calendar";
import { feedHorizon, seriesFor, writeCalendar } from "@/lib/calendar-feed";
import { fromDbDate, todayIn } from "@/lib/dates";
import { currentAcademicYear } from "@/lib/school-calendar";
import { feedPairingsOf, type FeedPerson } from "./policy";
import { hashSecretToken, isSecretToken } from "@/server/secret-token";
import { LIVE_MEMBERSHIP } from "@/server/account-access";
import { CURRENT_PUPIL } from "@/features/students/policy";

const SCHOOL_ID = /^[A-Za-z0-9_-]{1,40}$/;

/**
 * Whose feed a live token is, in the school its address names: a member of that school's staff, or a
 * pupil still on its roll; a disabled account has none. Null for anything else, which the route
 * answers with a 404 whatever the reason.
 */
async function personFor(schoolId: string, token: string): Promise<FeedPerson | null> {
  if (!SCHOOL_ID.test(schoolId) || !isSecretToken(token)) return null;
  const feed = await db.calendarFeed.findFirst({
    where: { schoolId, tokenHash: hashSecretToken(token), revokedAt: null },
    select: {
      userId: true,
      user: {
        select: {
          disabledAt: true,
          memberships: { where: { schoolId, ...LIVE_MEMBERSHIP }, select: { roles: true } },
          students: { where: { schoolId, ...CURRENT_PUPIL }, select: { id: true }, take: 1 },
        },
      },
    },
  });
  if (!feed || feed.user.disabledAt) return null;
  const isStaff = feed.user.memberships.some((m) => m.roles.length > 0);
  const studentId = feed.user.students[0]?.id ?? null;
  if (!isStaff && !studentId) return null;
  return { schoolId, userId: feed.userId, studentId: isStaff ? null : studentId, isStaff };
}

/**
 * The iCalendar text for a feed's address, or null (a 404): the live pairings its person mentors or
 * supervises, from the start of this academic year to 12 months ahead. Titles and places only.
 */
export async function calendarFeedFor(schoolId: string, token: string, now: Date = new Date()): Promise<string | null> {
  const person = await personFor(schoolId, token);
  if (!person) return null;
  const [pairings, years] = await Promise.all([
    db.pairing.findMany({ where: feedPairingsOf(person), select: { id: true }, orderBy: { startsOn: "asc" } }),
    db.academicYear.findMany({ where: { schoolId, ...CONFIRMED_YEAR }, select: { startsOn: true, endsOn: true } }),
  ]);
  const ids = pairings.map((p) => p.id);
  const { calendar, schedules } = await loadSchedules(schoolId, ids, db, now);
  const today = todayIn(calendar.timezone, now);
  const academicYears = years.map((y) => ({ startsOn: fromDbDate(y.startsOn), endsOn: fromDbDate(y.endsOn) }));
  const horizon = feedHorizon(today, currentAcademicYear({ today, academicYears, terms: [] }).startsOn);
  const series = ids.flatMap((id) => {
    const schedule = schedules.get(id);
    return schedule ? seriesFor(id, schedule, calendar, horizon) : [];
  });
  return writeCalendar({ timezone: calendar.timezone, series, horizon, now });
}
