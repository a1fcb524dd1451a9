// A seeded school for the benches (issue 8): pupils, one programme, its mentors and mentees, live
// pairings (and a few paused or ended) with regular slots, and `years` years of sessions held on most
// planned meetings, with attendance, fit checks, moved and cancelled meetings, skipped weeks, set-aside
// to-do rows and points. The same seed and sizes give the same rows; bulk inserts keep it quick. With
// `ledgerEntries`, the points are a ledger of that size instead (bench/lib/seed-ledger.ts).
import type { Db } from "@/server/db";
import { academicCalendar, createSchool, createStaffUser } from "@/server/factories";
import type { ClosureReason, FocusArea } from "@/generated/prisma/client";
import { addDaysIso, daysBetween, toDbDate, weekOf, type IsoDate } from "@/lib/dates";
import { availabilityId, type DaySlot } from "@/lib/day-slots";
import { instantAt, type SchoolCalendar } from "@/lib/occurrences";
import type { ScheduleInput } from "@/lib/pairing-schedule";
import { academicStartYear, cohortForYearGroup, yearGroupOn } from "@/lib/year-group";
import { insertMany } from "./bulk-insert";
import { seeded } from "./random";
import { seedLedger, type LedgerCounts } from "./seed-ledger";
import { minIso, seedSessions, type Plan } from "./seed-sessions";

export type BenchSchoolSizes = {
  pupils: number;
  /** Live (trial or active) pairings; a few paused and ended ones are added besides. */
  pairings: number;
  years: number;
  seed: number;
  /** The day the bench runs "on": sessions are held up to it. Fixed, so every run sees the same data. */
  today: IsoDate;
  /**
   * A points ledger of this many entries (corrections included), board profiles and a mentee reader
   * (bench/lib/seed-ledger.ts). Unset: a few points per paired pupil, as the to-do bench has always had.
   */
  ledgerEntries?: number;
};

export const DEFAULT_BENCH_SCHOOL: BenchSchoolSizes = { pupils: 2000, pairings: 600, years: 3, seed: 8, today: "2026-11-25" };

export type BenchSchool = {
  schoolId: string;
  programmeId: string;
  coordinatorUserId: string;
  today: IsoDate;
  /** 4 pm school time on `today`. */
  now: Date;
  /** With `ledgerEntries`: a mentee's user, to read boards as a pupil, and what the ledger holds. */
  ledger: { readerUserId: string; counts: LedgerCounts } | null;
  counts: Record<
    | "pupils"
    | "mentors"
    | "mentees"
    | "livePairings"
    | "otherPairings"
    | "sessions"
    | "attendances"
    | "exceptions"
    | "skips"
    | "dismissals"
    | "checkIns"
    | "points",
    number
  >;
};

const TIMEZONE = "Europe/London";

const FIRST = "Maya Sam Leo Aisha Noah Zara Ethan Amelia Omar Isla Kai Priya Jack Freya Yusuf Grace".split(" ");
const LAST = "Patel Smith Jones Khan Taylor Brown Williams Ahmed Wilson Evans Thomas Roberts Ali Walker".split(" ");
const FOCUS = "BULLYING ATTENDANCE LATENESS BEHAVIOUR ONLINE_SAFETY TRANSITION WELLBEING SEND_INCLUSION".split(" ") as FocusArea[];
const PLACES = ["Library", "Room 12", "Learning support base", "Canteen corner", "Music room", "Quiet room"];
const SLOT_KEYS = ["LUNCH", "LUNCH", "LUNCH", "BREAK", "AFTER_SCHOOL"];
const CLOSURES: ClosureReason[] = ["GOALS_MET", "GOALS_MET", "MENTOR_LEFT", "MENTEE_REQUEST", "PROGRAMME_ENDED"];

export async function seedBenchSchool(db: Db, sizes: Partial<BenchSchoolSizes> = {}): Promise<BenchSchool> {
  const { pupils, pairings: liveCount, years, seed, today, ledgerEntries } = { ...DEFAULT_BENCH_SCHOOL, ...sizes };
  const random = seeded(seed);
  const tag = `b${seed}`;
  const now = instantAt(today, "16:00", TIMEZONE);
  // The programme began the September `years` years back; most pairings began with it.
  const windowStart = `${academicStartYear(addDaysIso(today, -Math.round(years * 365.25)))}-09-01`;

  // The school, its calendar for every academic year the sessions span, its slots and activities.
  const school = await createSchool(db, { name: `Bench School ${seed}`, timezone: TIMEZONE, withCalendar: false });
  const schoolId = school.id;
  const calendar: SchoolCalendar = { timezone: TIMEZONE, terms: [], closures: [], weekAStarts: [] };
  for (let y = academicStartYear(windowStart); y <= academicStartYear(today); y += 1) {
    const year = academicCalendar(`${y}-10-01`);
    const periods = [
      ...year.periods,
      { kind: "INSET" as const, name: "Training day", startsOn: `${y}-09-03`, endsOn: `${y}-09-03` },
      { kind: "INSET" as const, name: "Training day", startsOn: `${y + 1}-01-04`, endsOn: `${y + 1}-01-04` },
    ];
    const academicYearId = `${tag}ay${y}`;
    await db.academicYear.create({
      data: {
        id: academicYearId,
        schoolId,
        name: year.name,
        startYear: y,
        startsOn: toDbDate(year.startsOn),
        endsOn: toDbDate(year.endsOn),
        confirmedAt: new Date(),
      },
    });
    await db.calendarPeriod.createMany({
      data: periods.map((p) => ({
        schoolId,
        academicYearId,
        kind: p.kind,
        name: p.name,
        startsOn: toDbDate(p.startsOn),
        endsOn: toDbDate(p.endsOn),
      })),
    });
    for (const p of periods) {
      if (p.kind === "TERM") calendar.terms.push({ startsOn: p.startsOn, endsOn: p.endsOn });
      if (p.kind === "HOLIDAY" || p.kind === "INSET") calendar.closures.push({ startsOn: p.startsOn, endsOn: p.endsOn });
    }
    calendar.weekAStarts.push(weekOf(`${y}-09-03`).start);
  }
  await db.school.update({ where: { id: schoolId }, data: { weekAStarts: calendar.weekAStarts.map(toDbDate) } });
  await db.schoolSlot.create({
    data: { schoolId, key: "AFTER_SCHOOL", name: "After school", startTime: "15:20", endTime: "16:00", sortOrder: 3 },
  });
  const lunch = await db.schoolSlot.findUniqueOrThrow({ where: { schoolId_key: { schoolId, key: "LUNCH" } }, select: { id: true } });
  // Split lunches: Years 7 and 8 eat first.
  await db.schoolSlotYearTime.createMany({
    data: [7, 8].map((yearGroup) => ({ schoolId, slotId: lunch.id, yearGroup, startTime: "12:00", endTime: "12:40" })),
  });
  const slotRows = await db.schoolSlot.findMany({
    where: { schoolId },
    select: {
      id: true,
      key: true,
      name: true,
      startTime: true,
      endTime: true,
      yearTimes: { select: { yearGroup: true, startTime: true, endTime: true } },
    },
  });
  const daySlots = new Map<string, DaySlot>(slotRows.map((s) => [s.id, { ...s, isArchived: false }]));
  const slotIdOf = new Map(slotRows.map((s) => [s.key, s.id]));
  const activities = (await db.schoolActivity.findMany({ where: { schoolId }, orderBy: { sortOrder: "asc" }, select: { id: true } })).map(
    (a) => a.id,
  );
  const coordinator = await createStaffUser(db, {
    schoolId,
    roles: ["COORDINATOR"],
    email: `coordinator-${tag}-${schoolId}@bench.example`,
    name: "Bench Coordinator",
  });
  const by = coordinator.id;

  const programme = await db.programme.create({
    data: {
      schoolId,
      name: "Peer mentoring",
      focusAreas: ["WELLBEING", "TRANSITION"],
      startsOn: toDbDate(windowStart),
      defaultWeekday: 3,
      defaultSlotId: lunch.id,
      defaultPlace: "Library",
    },
  });
  const programmeId = programme.id;
  const skips: ScheduleInput["skips"] = [];
  for (let y = academicStartYear(windowStart); y <= academicStartYear(today); y += 1) {
    for (const [day, yearGroup] of [
      [`${y}-12-07`, 11],
      [`${y + 1}-03-08`, 7],
      [`${y + 1}-06-08`, 0],
    ] as const) {
      const monday = weekOf(day).start;
      skips.push({ startsOn: toDbDate(monday), endsOn: toDbDate(addDaysIso(monday, 4)), yearGroup });
    }
  }
  await db.programmeSkip.createMany({
    data: skips.map((s) => ({
      ...s,
      schoolId,
      programmeId,
      createdById: by,
      reason: s.yearGroup === 0 ? "Exam week" : s.yearGroup === 11 ? "Mock exams" : "Residential trip",
    })),
  });

  // Pupils across Years 7 to 13; mentees come from Years 7–9 and mentors from Years 10–13.
  const students = Array.from({ length: pupils }, (_, i) => {
    const yearGroup = 7 + (i % 7);
    return {
      id: `${tag}st${i}`,
      schoolId,
      legalFirstName: random.pick(FIRST),
      legalLastName: random.pick(LAST),
      preferredName: random.chance(0.1) ? random.pick(FIRST) : null,
      upn: `${tag.toUpperCase()}${String(i).padStart(6, "0")}`,
      cohortYear: cohortForYearGroup(yearGroup, today),
      tutorGroup: `${yearGroup}${"ABCDEF"[random.int(0, 5)]}`,
      status: random.chance(0.01) ? ("LEFT" as const) : ("ON_ROLL" as const),
      availability: random.sample([1, 2, 3, 4, 5] as const, random.int(1, 3)).map((d) => availabilityId(d, random.pick(SLOT_KEYS))),
    };
  });
  await insertMany(db, students, "Student");
  const cohortOf = new Map(students.map((s) => [s.id, s.cohortYear]));
  const onRoll = students.filter((s) => s.status === "ON_ROLL");
  const younger = onRoll.filter((s) => yearGroupOn(s.cohortYear, today) <= 9);
  const older = onRoll.filter((s) => yearGroupOn(s.cohortYear, today) >= 10);
  const pausedCount = Math.round(liveCount * 0.03);
  const endedCount = Math.round(liveCount * 0.08);
  const total = liveCount + pausedCount + endedCount;
  // Some of each pool stay unpaired: mentees waiting, mentors free.
  const menteePool = random.sample(younger, Math.min(younger.length, Math.round(total * 1.35)));
  const mentorPool = random.sample(older, Math.min(older.length, Math.round(total * 1.2)));
  if (mentorPool.length < total || menteePool.length < total * 1.1) throw new Error(`${pupils} pupils are too few for ${total} pairings.`);
  await insertMany(
    db,
    mentorPool.map((s, i) => ({
      id: `${tag}mr${i}`,
      schoolId,
      programmeId,
      studentId: s.id,
      capacity: random.int(1, 2),
      trainingComplete: random.chance(0.95),
    })),
    "MentorProfile",
  );
  await insertMany(
    db,
    menteePool.map((s, i) => ({
      id: `${tag}me${i}`,
      schoolId,
      programmeId,
      studentId: s.id,
      focusAreas: random.sample(FOCUS, random.int(1, 2)),
    })),
    "MenteeProfile",
  );

  // Pairings: most began at the start and run still, some began since, a few are new this half-term.
  const plans: Plan[] = [];
  let nextMentee = 0;
  for (let n = 0; n < total; n += 1) {
    const kind = n < liveCount ? "LIVE" : n < liveCount + pausedCount ? "PAUSED" : "ENDED";
    const age = random.next();
    const isNew = kind === "LIVE" && age < 0.06;
    const startsOn = isNew
      ? addDaysIso(today, -random.int(3, 45))
      : age < 0.16
        ? addDaysIso(windowStart, random.int(0, Math.round(years * 365) - 60))
        : addDaysIso(windowStart, random.int(0, 30));
    const trialEndsOn = addDaysIso(startsOn, 28);
    const status = kind !== "LIVE" ? kind : isNew || random.chance(0.01) ? "TRIAL" : "ACTIVE";
    const endsOn = kind === "ENDED" ? minIso(addDaysIso(startsOn, random.int(120, 600)), addDaysIso(today, -7)) : null;
    const behaviour = random.next();
    const stopsOn =
      kind === "ENDED"
        ? endsOn!
        : kind === "PAUSED"
          ? addDaysIso(today, -random.int(30, 150))
          : !isNew && behaviour < 0.07
            ? addDaysIso(today, -random.int(10, 60))
            : isNew && random.chance(0.3)
              ? addDaysIso(startsOn, -1)
              : today;
    const hasSlot = isNew ? random.chance(0.8) : random.chance(0.99);
    const fortnightly = random.chance(0.08);
    const mentees = random.chance(0.06) ? random.int(2, 3) : 1;
    plans.push({
      id: `${tag}p${n}`,
      status,
      startsOn,
      trialEndsOn,
      endsOn,
      stopsOn,
      holdRate: isNew ? 0.7 : behaviour < 0.15 ? 0.6 : 0.92,
      absentTail: kind === "LIVE" && behaviour >= 0.15 && behaviour < 0.19,
      slot: hasSlot
        ? {
            weekday: random.int(1, 5) as 1 | 2 | 3 | 4 | 5,
            slotId: slotIdOf.get(random.pick(SLOT_KEYS))!,
            place: random.pick(PLACES),
            minutes: random.chance(0.15) ? 30 : null,
            cadence: fortnightly ? "FORTNIGHTLY" : null,
            week: fortnightly && random.chance(0.5) ? random.pick(["A", "B"] as const) : null,
          }
        : null,
      mentorIds: [mentorPool[n]!.id],
      menteeIds: menteePool.slice(nextMentee, nextMentee + mentees).map((s) => s.id),
    });
    nextMentee += mentees;
  }
  await insertMany(
    db,
    plans.map((p) => ({
      id: p.id,
      schoolId,
      programmeId,
      kind: p.menteeIds.length > 1 ? ("GROUP" as const) : ("ONE_TO_ONE" as const),
      status: p.status,
      startsOn: toDbDate(p.startsOn),
      trialEndsOn: toDbDate(p.trialEndsOn),
      endsOn: p.endsOn ? toDbDate(p.endsOn) : null,
      closureReason: p.status === "ENDED" ? random.pick(CLOSURES) : null,
      slotWeekday: p.slot?.weekday ?? null,
      slotId: p.slot?.slotId ?? null,
      slotPlace: p.slot?.place ?? "",
      slotMinutes: p.slot?.minutes ?? null,
      slotCadence: p.slot?.cadence ?? null,
      slotWeek: p.slot?.week ?? null,
      createdById: by,
    })),
    "Pairing",
  );
  await insertMany(
    db,
    plans.flatMap((p) => [
      ...p.mentorIds.map((studentId) => ({ id: `${p.id}m${studentId}`, schoolId, pairingId: p.id, studentId, role: "MENTOR" as const })),
      ...p.menteeIds.map((studentId) => ({ id: `${p.id}m${studentId}`, schoolId, pairingId: p.id, studentId, role: "MENTEE" as const })),
    ]),
    "PairingMember",
  );

  const made = await seedSessions(db, random, { tag, schoolId, by, today, now, calendar, daySlots, skips, activities, plans, cohortOf });

  // Points: a ledger of the size asked for, with its own random so the rows above stay the same.
  const ledger =
    ledgerEntries === undefined
      ? null
      : await seedLedger(db, seeded(seed * 7919 + 1), {
          tag,
          schoolId,
          programmeId,
          coordinatorId: by,
          timezone: TIMEZONE,
          today,
          now,
          from: windowStart,
          calendar,
          participantIds: [...mentorPool, ...menteePool].map((s) => s.id),
          readerStudentId: plans[0]!.menteeIds[0]!,
          entries: ledgerEntries,
        });
  let pointCount = ledger?.counts.entries ?? 0;
  if (!ledger) {
    // Otherwise a few for each paired pupil over the years, and some this week.
    const categoryIds = (
      await db.pointCategory.findMany({
        where: { schoolId, defaultAmount: { gt: 0 } },
        orderBy: { sortOrder: "asc" },
        select: { id: true },
      })
    ).map((c) => c.id);
    const weekStart = instantAt(weekOf(today).start, "08:00", TIMEZONE).getTime();
    const points = plans.flatMap((p, n) =>
      [...p.mentorIds, ...p.menteeIds].flatMap((studentId) =>
        Array.from({ length: random.int(0, 4) }, (_, k) => ({
          id: `${tag}pt${n}-${studentId}-${k}`,
          schoolId,
          programmeId,
          studentId,
          amount: random.chance(0.05) ? -2 : random.int(1, 5),
          categoryId: random.pick(categoryIds),
          reason: "Bench points",
          awardedById: by,
          createdAt: random.chance(0.04)
            ? new Date(weekStart + random.next() * (now.getTime() - weekStart))
            : instantAt(addDaysIso(p.startsOn, random.int(0, Math.max(0, daysBetween(p.startsOn, p.stopsOn)))), "13:00", TIMEZONE),
        })),
      ),
    );
    await insertMany(db, points, "PointEntry");
    pointCount = points.length;
  }

  return {
    schoolId,
    programmeId,
    coordinatorUserId: by,
    today,
    now,
    ledger,
    counts: {
      pupils,
      mentors: mentorPool.length,
      mentees: menteePool.length,
      livePairings: liveCount,
      otherPairings: pausedCount + endedCount,
      skips: skips.length,
      points: pointCount,
      ...made,
    },
  };
}
