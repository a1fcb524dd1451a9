// The sessions of the bench school (bench/lib/seed-school.ts): each pairing's planned meetings from its
// slot and the calendar (the app's own engine), most of them held and logged, with attendance.
import type { Db } from "@/server/db";
import type { Attendance, FitCheck, Prisma } from "@/generated/prisma/client";
import { addDaysIso, toDbDate, weekOf, type IsoDate } from "@/lib/dates";
import type { DaySlot } from "@/lib/day-slots";
import { instantAt, isSchoolDay, occurrencesBetween, type SchoolCalendar } from "@/lib/occurrences";
import { scheduleFor, type ScheduleInput } from "@/lib/pairing-schedule";
import { checkInSignals, type CheckInAnswer } from "@/lib/check-ins";
import { CHECK_IN_NOTE_KEY, CHECK_IN_SCALE_KEY, CHECK_INS } from "@/lib/questionnaires";
import { checkInFlag, sessionLookbackDays, todoRowFor, type TodoThresholds } from "@/lib/todo";
import { insertMany } from "./bulk-insert";
import type { Random } from "./random";

// The programme's defaults (prisma/schema.prisma), for the rows set aside when seeding.
const THRESHOLDS: TodoThresholds = { logGraceDays: 2, firstSessionDays: 5, firstWeeks: 4, firstWeeksSessions: 2, absentRun: 2 };
const CHECK_IN_THRESHOLDS = { low: 2, change: 2 };

/** A pairing as the generator planned it. */
export type Plan = {
  id: string;
  status: "TRIAL" | "ACTIVE" | "PAUSED" | "ENDED";
  startsOn: IsoDate;
  trialEndsOn: IsoDate;
  endsOn: IsoDate | null;
  /** Sessions are logged up to this day. */
  stopsOn: IsoDate;
  holdRate: number;
  absentTail: boolean;
  slot: {
    weekday: 1 | 2 | 3 | 4 | 5;
    slotId: string;
    place: string;
    minutes: number | null;
    cadence: "FORTNIGHTLY" | null;
    week: "A" | "B" | null;
  } | null;
  mentorIds: string[];
  menteeIds: string[];
};

/**
 * Sessions on most planned meetings of each pairing up to the day it stops logging (a few on another
 * day of the week), the first with a fit check; a few meetings moved or cancelled beforehand; some
 * mentees absent at the end; check-ins; and some of today's to-do rows set aside, as a coordinator would.
 */
export async function seedSessions(
  db: Db,
  random: Random,
  ctx: {
    tag: string;
    schoolId: string;
    by: string;
    today: IsoDate;
    now: Date;
    calendar: SchoolCalendar;
    daySlots: Map<string, DaySlot>;
    skips: ScheduleInput["skips"];
    activities: string[];
    plans: Plan[];
    cohortOf: Map<string, number>;
  },
) {
  const { tag, schoolId, by, today, calendar } = ctx;
  const exceptions: Prisma.OccurrenceExceptionCreateManyInput[] = [];
  const sessions: Prisma.MentoringSessionCreateManyInput[] = [];
  const attendances: Prisma.SessionAttendanceCreateManyInput[] = [];
  const dismissals: Prisma.TodoDismissalCreateManyInput[] = [];
  const responses: Prisma.QuestionnaireResponseCreateManyInput[] = [];
  const answers: Prisma.QuestionnaireAnswerCreateManyInput[] = [];
  for (const p of ctx.plans) {
    const input = (exceptionRows: ScheduleInput["exceptions"]): ScheduleInput => ({
      pairing: {
        startsOn: toDbDate(p.startsOn),
        endsOn: p.endsOn ? toDbDate(p.endsOn) : null,
        slotWeekday: p.slot?.weekday ?? null,
        slotId: p.slot?.slotId ?? null,
        slotPlace: p.slot?.place ?? "",
        slotMinutes: p.slot?.minutes ?? null,
        slotCadence: p.slot?.cadence ?? null,
        slotWeek: p.slot?.week ?? null,
        slotFrom: null,
        members: [
          ...p.mentorIds.map((id) => ({ role: "MENTOR" as const, cohortYear: ctx.cohortOf.get(id)! })),
          ...p.menteeIds.map((id) => ({ role: "MENTEE" as const, cohortYear: ctx.cohortOf.get(id)! })),
        ],
      },
      programme: { cadence: "WEEKLY", sessionMinutes: 20, endsOn: null },
      daySlots: ctx.daySlots,
      skips: ctx.skips,
      exceptions: exceptionRows,
      timezone: calendar.timezone,
      now: ctx.now,
    });
    const until = minIso(p.stopsOn, today);
    let days: IsoDate[] = [];
    let schedule = scheduleFor(input([]));
    if (schedule.slot) {
      const planned = occurrencesBetween(schedule.slot, calendar, p.startsOn, today, { skips: schedule.skips });
      const changed: ScheduleInput["exceptions"] = [];
      if (planned.length > 0 && random.chance(0.08)) {
        for (const o of random.sample(planned, Math.min(planned.length, random.int(1, 2)))) {
          const movedTo = addDaysIso(o.plannedOn, o.plannedOn.endsWith("5") ? -1 : 1);
          const isMove = random.chance(0.5) && isSchoolDay(movedTo, calendar) && weekOf(movedTo).start === weekOf(o.plannedOn).start;
          changed.push({
            originalOn: toDbDate(o.plannedOn),
            change: isMove ? "MOVED" : "CANCELLED",
            movedTo: isMove ? toDbDate(movedTo) : null,
            startTime: null,
            place: isMove && random.chance(0.5) ? "Hall" : null,
            reason: isMove ? "Assembly in the library" : random.pick(["School trip", "Mock exams", "Mentor off sick"]),
          });
        }
        exceptions.push(...changed.map((e, k) => ({ ...e, id: `${p.id}x${k}`, schoolId, pairingId: p.id, createdById: by })));
        schedule = scheduleFor(input(changed));
      }
      for (const o of occurrencesBetween(schedule.slot!, calendar, p.startsOn, until, {
        skips: schedule.skips,
        exceptions: schedule.exceptions,
      })) {
        if (!random.chance(p.holdRate)) continue;
        const other = addDaysIso(o.on, random.int(-2, 2));
        const isOther =
          random.chance(0.12) && other >= o.periodStart && other <= o.periodEnd && other <= until && isSchoolDay(other, calendar);
        days.push(isOther ? other : o.on);
      }
    } else {
      for (let monday = weekOf(p.startsOn).start; monday <= until; monday = addDaysIso(monday, 7)) {
        const day = addDaysIso(monday, random.int(0, 4));
        if (day >= p.startsOn && day <= until && isSchoolDay(day, calendar) && random.chance(0.5)) days.push(day);
      }
    }
    days = [...new Set(days)].sort();
    const absentFrom = p.absentTail ? days.length - random.int(2, 3) : Infinity;
    const recent: { heldOn: IsoDate; attendances: { studentId: string; attendance: Attendance }[] }[] = [];
    let firstFit: { sessionId: string; answer: FitCheck } | null = null;
    for (const [k, heldOn] of days.entries()) {
      const id = `${p.id}s${k}`;
      const fitCheck: FitCheck | null = k === 0 ? (random.chance(0.82) ? "YES" : random.chance(0.66) ? "NOT_SURE" : "NO") : null;
      if (fitCheck) firstFit = { sessionId: id, answer: fitCheck };
      sessions.push({
        id,
        schoolId,
        pairingId: p.id,
        heldOn: toDbDate(heldOn),
        durationMinutes: p.slot?.minutes ?? 20,
        activityId: random.pick(ctx.activities),
        notes: random.chance(0.3) ? "Talked about the week and set a small goal." : "",
        fitCheck,
        fitCheckNote: fitCheck && fitCheck !== "YES" ? "They were quiet; worth a look." : "",
        loggedById: by,
      });
      const marks = [
        ...p.mentorIds.map((studentId) => ({
          studentId,
          attendance: (random.chance(0.97) ? "PRESENT" : "ABSENT") as Attendance,
          mood: null,
        })),
        ...p.menteeIds.map((studentId, m) => ({
          studentId,
          attendance: (m === 0 && k >= absentFrom
            ? "ABSENT"
            : random.chance(0.88)
              ? "PRESENT"
              : random.chance(0.4)
                ? "LATE"
                : "ABSENT") as Attendance,
          mood: random.chance(0.7) ? random.int(2, 5) : null,
        })),
      ];
      attendances.push(...marks.map((a) => ({ ...a, id: `${id}a${a.studentId}`, schoolId, sessionId: id })));
      if (heldOn >= addDaysIso(today, -sessionLookbackDays(THRESHOLDS))) recent.push({ heldOn, attendances: marks });
    }
    // Check-ins every four weeks (the programme's default) from the end of the first four: most pupils
    // answer; a pairing that struggles answers lower, and lately lower still.
    const members = [
      ...p.mentorIds.map((id) => ({ id, role: "MENTOR" as const })),
      ...p.menteeIds.map((id) => ({ id, role: "MENTEE" as const })),
    ];
    const checkIns: CheckInAnswer[] = [];
    for (let n = 1; addDaysIso(p.startsOn, n * 28) <= until; n += 1) {
      const periodStart = addDaysIso(p.startsOn, n * 28);
      const isLate = periodStart >= addDaysIso(today, -60);
      for (const m of members) {
        if (!random.chance(0.75)) continue;
        const low = p.holdRate < 0.9 || p.absentTail;
        const value = Math.max(1, Math.min(5, random.int(low ? 2 : 3, 5) - (low && isLate && random.chance(0.5) ? 2 : 0)));
        const id = `${p.id}r${n}${m.id}`;
        responses.push({
          id,
          schoolId,
          questionnaireKey: CHECK_INS[m.role].key,
          pairingId: p.id,
          studentId: m.id,
          respondentRole: m.role,
          periodStart: toDbDate(periodStart),
          submittedAt: instantAt(addDaysIso(periodStart, random.int(0, 6)), "13:00", calendar.timezone),
        });
        answers.push({ id: `${id}a`, schoolId, responseId: id, questionKey: CHECK_IN_SCALE_KEY, scaleValue: value, text: "" });
        if (random.chance(0.2))
          answers.push({
            id: `${id}n`,
            schoolId,
            responseId: id,
            questionKey: CHECK_IN_NOTE_KEY,
            scaleValue: null,
            text: "It's going fine.",
          });
        checkIns.push({ studentId: m.id, role: m.role, periodStart, value });
      }
    }
    if (p.status !== "TRIAL" && p.status !== "ACTIVE") continue;
    // Set aside about a third of the rows the to-do shows today, and a few for causes long gone.
    const row = todoRowFor(
      {
        id: p.id,
        name: null,
        mentorNames: [],
        status: p.status,
        startsOn: p.startsOn,
        trialEndsOn: p.trialEndsOn,
        mentees: p.menteeIds.map((studentId) => ({ studentId, name: "" })),
        schedule,
        sessions: recent,
        sessionCount: days.length,
        firstFitCheck: firstFit,
        checkInSignals: checkInSignals(checkIns, CHECK_IN_THRESHOLDS).map((signal) => checkInFlag(signal, () => "")),
      },
      [],
      calendar,
      THRESHOLDS,
      today,
    );
    const cause =
      row && random.chance(0.33) ? row.cause : random.chance(0.03) ? `QUIET_MONTH:${addDaysIso(today, -400).slice(0, 8)}01` : null;
    if (cause) {
      dismissals.push({
        id: `${tag}d${dismissals.length}`,
        schoolId,
        pairingId: p.id,
        cause,
        note: "Spoke to their form tutor; checking again next week.",
        dismissedById: by,
        createdAt: new Date(ctx.now.getTime() - random.int(1, 20) * 86_400_000),
      });
    }
  }
  await insertMany(db, exceptions, "OccurrenceException");
  await insertMany(db, sessions, "MentoringSession");
  await insertMany(db, attendances, "SessionAttendance");
  await insertMany(db, dismissals, "TodoDismissal");
  await insertMany(db, responses, "QuestionnaireResponse");
  await insertMany(db, answers, "QuestionnaireAnswer");
  return {
    sessions: sessions.length,
    attendances: attendances.length,
    exceptions: exceptions.length,
    dismissals: dismissals.length,
    checkIns: responses.length,
  };
}

export const minIso = (a: IsoDate, b: IsoDate) => (a < b ? a : b);
