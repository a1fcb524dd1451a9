import "server-only";
import type { SchoolCalendar } from "@/lib/occurrences";
import { scheduleFor, type Schedule } from "@/lib/pairing-schedule";
import type { Prisma } from "@/generated/prisma/client";
import { loadSchoolCalendar } from "./calendar";
import { loadDaySlots } from "./day-slots";
import { db, type Db, type Tx } from "./db";

/**
 * The schedules of some of a school's pairings and the school's calendar, in a fixed number of
 * queries whatever the number of pairings. The caller has already decided the actor may see them.
 */
export async function loadSchedules(
  schoolId: string,
  pairings: string[] | Prisma.PairingWhereInput,
  client: Tx | Db = db,
  now: Date = new Date(),
): Promise<{ calendar: SchoolCalendar; schedules: Map<string, Schedule> }> {
  // Ids, or a filter such as a programme's live pairings, which lets every query below start at once.
  const which: Prisma.PairingWhereInput = Array.isArray(pairings) ? { id: { in: pairings } } : pairings;
  const [calendar, daySlots, rows, exceptions, skips] = await Promise.all([
    loadSchoolCalendar(schoolId, client),
    loadDaySlots(schoolId, client, { includeArchived: true }),
    client.pairing.findMany({
      where: { ...which, schoolId },
      select: {
        id: true,
        programmeId: true,
        startsOn: true,
        endsOn: true,
        slotWeekday: true,
        slotId: true,
        slotPlace: true,
        slotMinutes: true,
        slotCadence: true,
        slotWeek: true,
        slotFrom: true,
        programme: { select: { cadence: true, sessionMinutes: true, endsOn: true } },
        members: { select: { role: true, student: { select: { cohortYear: true } } } },
      },
    }),
    client.occurrenceException.findMany({
      where: { schoolId, ...(Array.isArray(pairings) ? { pairingId: { in: pairings } } : { pairing: which }) },
      select: { pairingId: true, originalOn: true, change: true, movedTo: true, startTime: true, place: true, reason: true },
    }),
    client.programmeSkip.findMany({
      where: { schoolId, programme: { pairings: { some: which } } },
      select: { programmeId: true, startsOn: true, endsOn: true, yearGroup: true },
    }),
  ]);
  const slotsById = new Map(daySlots.map((s) => [s.id, s]));
  const schedules = new Map<string, Schedule>();
  for (const p of rows) {
    schedules.set(
      p.id,
      scheduleFor({
        pairing: { ...p, members: p.members.map((m) => ({ role: m.role, cohortYear: m.student.cohortYear })) },
        programme: p.programme,
        daySlots: slotsById,
        skips: skips.filter((s) => s.programmeId === p.programmeId),
        exceptions: exceptions.filter((e) => e.pairingId === p.id),
        timezone: calendar.timezone,
        now,
      }),
    );
  }
  return { calendar, schedules };
}
