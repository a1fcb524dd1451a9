// Data builders shared by the demo seed and the tests (STYLE: the seed is built on the tests'
// factories). They write rows directly and do not apply business rules: tests use the commands
// for that.
import { randomUUID } from "node:crypto";
import type { Db } from "./db";
import { hashPassword } from "./password";
import { academicYearAround, addDaysIso, toDbDate, todayIn, type IsoDate } from "@/lib/dates";
import { academicStartYear, cohortForYearGroup } from "@/lib/year-group";
import { DEFAULT_ACTIVITIES, DEFAULT_DAY_SLOTS, DEFAULT_POINT_CATEGORIES, type DefaultPointCategoryName } from "@/lib/school-defaults";
import { CHECK_IN_NOTE_KEY, CHECK_IN_SCALE_KEY, CHECK_INS } from "@/lib/questionnaires";
import type {
  ClosureReason,
  Attendance,
  ConcernCategory,
  ConcernRoute,
  ConcernStatus,
  FocusArea,
  StaffRole,
} from "@/generated/prisma/client";

const unique = () => randomUUID().slice(0, 8);
let hashCache: { password: string; hash: Promise<string> } | null = null;

/** The same password is hashed once per process (Argon2id is deliberately slow). */
function hashOnce(password: string): Promise<string> {
  if (hashCache?.password !== password) hashCache = { password, hash: hashPassword(password) };
  return hashCache.hash;
}

/** England's usual pattern of terms, half-terms and holidays for the academic year holding `today`. */
export function academicCalendar(today: IsoDate) {
  const y = academicStartYear(today);
  const d = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return {
    startYear: y,
    name: `${y}–${String((y + 1) % 100).padStart(2, "0")}`,
    ...academicYearAround(today),
    periods: [
      { kind: "TERM" as const, name: "Autumn term", startsOn: d(y, 9, 3), endsOn: d(y, 12, 18) },
      { kind: "HALF_TERM" as const, name: "Autumn 1", startsOn: d(y, 9, 3), endsOn: d(y, 10, 23) },
      { kind: "HOLIDAY" as const, name: "October half-term", startsOn: d(y, 10, 26), endsOn: d(y, 10, 30) },
      { kind: "HALF_TERM" as const, name: "Autumn 2", startsOn: d(y, 11, 2), endsOn: d(y, 12, 18) },
      { kind: "HOLIDAY" as const, name: "Christmas holiday", startsOn: d(y, 12, 21), endsOn: d(y + 1, 1, 1) },
      { kind: "TERM" as const, name: "Spring term", startsOn: d(y + 1, 1, 4), endsOn: d(y + 1, 3, 26) },
      { kind: "HALF_TERM" as const, name: "Spring 1", startsOn: d(y + 1, 1, 4), endsOn: d(y + 1, 2, 12) },
      { kind: "HOLIDAY" as const, name: "February half-term", startsOn: d(y + 1, 2, 15), endsOn: d(y + 1, 2, 19) },
      { kind: "HALF_TERM" as const, name: "Spring 2", startsOn: d(y + 1, 2, 22), endsOn: d(y + 1, 3, 26) },
      { kind: "HOLIDAY" as const, name: "Easter holiday", startsOn: d(y + 1, 3, 29), endsOn: d(y + 1, 4, 9) },
      { kind: "TERM" as const, name: "Summer term", startsOn: d(y + 1, 4, 12), endsOn: d(y + 1, 7, 21) },
      { kind: "HALF_TERM" as const, name: "Summer 1", startsOn: d(y + 1, 4, 12), endsOn: d(y + 1, 5, 21) },
      { kind: "HOLIDAY" as const, name: "May half-term", startsOn: d(y + 1, 5, 24), endsOn: d(y + 1, 5, 28) },
      { kind: "HALF_TERM" as const, name: "Summer 2", startsOn: d(y + 1, 6, 1), endsOn: d(y + 1, 7, 21) },
      { kind: "HOLIDAY" as const, name: "Summer holiday", startsOn: d(y + 1, 7, 22), endsOn: d(y + 1, 8, 31) },
    ],
  };
}

export async function createSchool(db: Db, input: { name?: string; timezone?: string; withCalendar?: boolean } = {}) {
  const school = await db.school.create({
    data: {
      name: input.name ?? `Test School ${unique()}`,
      timezone: input.timezone ?? "Europe/London",
      daySlots: { create: DEFAULT_DAY_SLOTS.map((slot, index) => ({ ...slot, sortOrder: index + 1 })) },
      activities: { create: DEFAULT_ACTIVITIES.map((name, index) => ({ name, sortOrder: index + 1 })) },
      pointCategories: { create: DEFAULT_POINT_CATEGORIES.map((c, index) => ({ ...c, sortOrder: index + 1 })) },
    },
  });
  if (input.withCalendar !== false) {
    const calendar = academicCalendar(todayIn(school.timezone));
    await db.academicYear.create({
      data: {
        schoolId: school.id,
        name: calendar.name,
        startYear: calendar.startYear,
        startsOn: toDbDate(calendar.startsOn),
        endsOn: toDbDate(calendar.endsOn),
        confirmedAt: new Date(),
        periods: {
          create: calendar.periods.map((p) => ({ kind: p.kind, name: p.name, startsOn: toDbDate(p.startsOn), endsOn: toDbDate(p.endsOn) })),
        },
      },
    });
  }
  return school;
}

export async function createStaffUser(
  db: Db,
  input: { schoolId: string; roles: StaffRole[]; email?: string; name?: string; password?: string; mustChangePassword?: boolean },
) {
  return db.user.create({
    data: {
      email: (input.email ?? `staff-${unique()}@test.example`).toLowerCase(),
      name: input.name ?? "Test Staff",
      passwordHash: await hashOnce(input.password ?? "correct horse battery"),
      mustChangePassword: input.mustChangePassword ?? false,
      memberships: { create: { schoolId: input.schoolId, roles: input.roles } },
    },
  });
}

export async function addMembership(db: Db, input: { userId: string; schoolId: string; roles: StaffRole[] }) {
  return db.membership.create({ data: input });
}

export async function createStudent(
  db: Db,
  input: {
    schoolId: string;
    firstName?: string;
    lastName?: string;
    preferredName?: string | null;
    yearGroup: number;
    tutorGroup?: string;
    upn?: string;
    hasSend?: boolean;
    sendNotes?: string | null;
    status?: "ON_ROLL" | "LEFT" | "ALUMNI";
    interests?: string[];
    availability?: string[];
    aboutMe?: string;
    livedExperience?: string[];
    today?: IsoDate;
    account?: { email?: string; password?: string };
  },
) {
  const today = input.today ?? todayIn("Europe/London");
  const user = input.account
    ? await db.user.create({
        data: {
          email: (input.account.email ?? `pupil-${unique()}@test.example`).toLowerCase(),
          name: `${input.preferredName ?? input.firstName ?? "Pupil"} ${input.lastName ?? ""}`.trim(),
          passwordHash: await hashOnce(input.account.password ?? "correct horse battery"),
        },
      })
    : null;
  return db.student.create({
    data: {
      schoolId: input.schoolId,
      legalFirstName: input.firstName ?? "Pupil",
      legalLastName: input.lastName ?? unique(),
      preferredName: input.preferredName ?? null,
      upn: input.upn ?? `UPN${unique()}`,
      cohortYear: cohortForYearGroup(input.yearGroup, today),
      tutorGroup: input.tutorGroup ?? `${input.yearGroup}A`,
      status: input.status ?? "ON_ROLL",
      hasSend: input.hasSend ?? false,
      senStatus: input.hasSend ? "SUPPORT" : "NONE",
      sendNotes: input.sendNotes ?? null,
      interests: input.interests ?? [],
      availability: input.availability ?? [],
      aboutMe: input.aboutMe ?? "",
      livedExperience: input.livedExperience ?? [],
      userId: user?.id ?? null,
    },
  });
}

export async function createProgramme(
  db: Db,
  input: {
    schoolId: string;
    name?: string;
    focusAreas?: FocusArea[];
    format?: "ONE_TO_ONE" | "GROUP" | "BOTH";
    cadence?: "WEEKLY" | "FORTNIGHTLY";
    sessionMinutes?: number;
    startsOn?: IsoDate;
    status?: "DRAFT" | "ACTIVE" | "CLOSED";
  },
) {
  return db.programme.create({
    data: {
      schoolId: input.schoolId,
      name: input.name ?? `Programme ${unique()}`,
      focusAreas: input.focusAreas ?? ["WELLBEING"],
      format: input.format ?? "BOTH",
      cadence: input.cadence ?? "WEEKLY",
      sessionMinutes: input.sessionMinutes ?? 20,
      startsOn: toDbDate(input.startsOn ?? addDaysIso(todayIn("Europe/London"), -60)),
      status: input.status ?? "ACTIVE",
    },
  });
}

export async function addMentor(
  db: Db,
  input: {
    schoolId: string;
    programmeId: string;
    studentId: string;
    capacity?: number;
    trainingComplete?: boolean;
    strengths?: Partial<Record<FocusArea, 1 | 2 | 3>>;
  },
) {
  return db.mentorProfile.create({
    data: { ...input, capacity: input.capacity ?? 1, trainingComplete: input.trainingComplete ?? true, strengths: input.strengths ?? {} },
  });
}

export async function addMentee(
  db: Db,
  input: { schoolId: string; programmeId: string; studentId: string; focusAreas?: FocusArea[]; ranking?: string[] },
) {
  return db.menteeProfile.create({ data: { ...input, focusAreas: input.focusAreas ?? [], ranking: input.ranking ?? [] } });
}

export async function addKeepApartRow(
  db: Db,
  input: { schoolId: string; studentIds: [string, string]; reason: string; createdById: string },
) {
  const [studentAId, studentBId] = [...input.studentIds].sort() as [string, string];
  return db.keepApart.create({
    data: { schoolId: input.schoolId, studentAId, studentBId, reason: input.reason, createdById: input.createdById },
  });
}

export async function createPairingRow(
  db: Db,
  input: {
    schoolId: string;
    programmeId: string;
    createdById: string;
    mentorIds: string[];
    menteeIds: string[];
    kind?: "ONE_TO_ONE" | "GROUP";
    name?: string | null;
    status?: "TRIAL" | "ACTIVE" | "PAUSED" | "ENDED";
    startsOn?: IsoDate;
    closureReason?: ClosureReason | null;
  },
) {
  const startsOn = input.startsOn ?? addDaysIso(todayIn("Europe/London"), -42);
  return db.pairing.create({
    data: {
      schoolId: input.schoolId,
      programmeId: input.programmeId,
      createdById: input.createdById,
      kind: input.kind ?? (input.mentorIds.length + input.menteeIds.length > 2 ? "GROUP" : "ONE_TO_ONE"),
      name: input.name ?? null,
      status: input.status ?? "ACTIVE",
      startsOn: toDbDate(startsOn),
      trialEndsOn: toDbDate(addDaysIso(startsOn, 14)),
      closureReason: input.closureReason ?? null,
      endsOn: input.status === "ENDED" ? toDbDate(todayIn("Europe/London")) : null,
      members: {
        create: [
          ...input.mentorIds.map((studentId) => ({ studentId, role: "MENTOR" as const })),
          ...input.menteeIds.map((studentId) => ({ studentId, role: "MENTEE" as const })),
        ],
      },
    },
  });
}

export async function createSessionRow(
  db: Db,
  input: {
    schoolId: string;
    pairingId: string;
    loggedById: string;
    heldOn: IsoDate;
    durationMinutes?: number;
    /** One of the school's activities by name (the defaults include "Check-in chat"). */
    activity?: string;
    notes?: string;
    pupils: { studentId: string; attendance?: Attendance; mood?: number | null }[];
  },
) {
  const activity = await db.schoolActivity.findUniqueOrThrow({
    where: { schoolId_name: { schoolId: input.schoolId, name: input.activity ?? "Check-in chat" } },
    select: { id: true },
  });
  return db.mentoringSession.create({
    data: {
      schoolId: input.schoolId,
      pairingId: input.pairingId,
      loggedById: input.loggedById,
      heldOn: toDbDate(input.heldOn),
      durationMinutes: input.durationMinutes ?? 20,
      activityId: activity.id,
      notes: input.notes ?? "",
      attendances: {
        create: input.pupils.map((p) => ({ studentId: p.studentId, attendance: p.attendance ?? "PRESENT", mood: p.mood ?? null })),
      },
    },
  });
}

export async function createPointEntry(
  db: Db,
  input: {
    schoolId: string;
    programmeId: string;
    studentId: string;
    awardedById: string;
    amount: number;
    /** One of the school's categories by name (the defaults unless a test added its own). */
    category?: DefaultPointCategoryName | (string & {});
    reason?: string;
    createdAt?: Date;
    sessionId?: string;
    autoKey?: string;
    reversesId?: string;
  },
) {
  // Keys left undefined are left out (the client refuses an explicit undefined).
  const { category, ...rest } = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as typeof input;
  const { id: categoryId } = await db.pointCategory.findUniqueOrThrow({
    where: { schoolId_name: { schoolId: input.schoolId, name: category ?? "Effort" } },
    select: { id: true },
  });
  return db.pointEntry.create({ data: { ...rest, categoryId, reason: input.reason ?? "Good effort" } });
}

/** Gives a pairing its regular slot (one of the school's day slots, by key) and, if named, a supervisor. */
export async function setPairingSlotRow(
  db: Db,
  input: {
    schoolId: string;
    pairingId: string;
    weekday: 1 | 2 | 3 | 4 | 5;
    slotKey?: string;
    place?: string;
    minutes?: number | null;
    cadence?: "WEEKLY" | "FORTNIGHTLY" | null;
    week?: "A" | "B" | null;
    from?: IsoDate | null;
    supervisorId?: string | null;
  },
) {
  const slot = await db.schoolSlot.findUniqueOrThrow({
    where: { schoolId_key: { schoolId: input.schoolId, key: input.slotKey ?? "LUNCH" } },
    select: { id: true },
  });
  return db.pairing.update({
    where: { schoolId_id: { schoolId: input.schoolId, id: input.pairingId } },
    data: {
      slotWeekday: input.weekday,
      slotId: slot.id,
      slotPlace: input.place ?? "Library",
      slotMinutes: input.minutes ?? null,
      slotCadence: input.cadence ?? null,
      slotWeek: input.week ?? null,
      slotFrom: input.from ? toDbDate(input.from) : null,
      ...(input.supervisorId !== undefined ? { supervisorId: input.supervisorId } : {}),
    },
  });
}

/** A notification row as `notify` would add it (tests and browser specs; producers use `notify`). */
export async function createNotificationRow(
  db: Db,
  input: {
    schoolId: string;
    userId: string;
    message: string;
    link: string;
    kind?: string;
    dedupeKey?: string;
    createdAt?: Date;
    readAt?: Date | null;
    emailedAt?: Date | null;
  },
) {
  return db.notification.create({
    data: {
      schoolId: input.schoolId,
      userId: input.userId,
      message: input.message,
      link: input.link,
      kind: input.kind ?? "test.notice",
      dedupeKey: input.dedupeKey ?? `test:${unique()}`,
      createdAt: input.createdAt ?? new Date(),
      readAt: input.readAt ?? null,
      emailedAt: input.emailedAt ?? null,
    },
  });
}

/** A sent check-in (ADR 018): the pupil's answer to the scale and, when given, their sentence. */
export async function createCheckInResponse(
  db: Db,
  input: {
    schoolId: string;
    pairingId: string;
    studentId: string;
    role: "MENTOR" | "MENTEE";
    periodStart: IsoDate;
    value: number;
    note?: string;
  },
) {
  return db.questionnaireResponse.create({
    data: {
      schoolId: input.schoolId,
      questionnaireKey: CHECK_INS[input.role].key,
      pairingId: input.pairingId,
      studentId: input.studentId,
      respondentRole: input.role,
      periodStart: toDbDate(input.periodStart),
      answers: {
        create: [
          { questionKey: CHECK_IN_SCALE_KEY, scaleValue: input.value },
          ...(input.note ? [{ questionKey: CHECK_IN_NOTE_KEY, text: input.note }] : []),
        ],
      },
    },
  });
}

/**
 * A concern as raised, with its REPORT entry and linked pupils (issue 9). `createdAt` in the past
 * stands in for a concern that has waited (escalation tests move the clock instead where they can).
 */
export async function createConcernRow(
  db: Db,
  input: {
    schoolId: string;
    reporterId: string;
    what?: string;
    category?: ConcernCategory;
    isUrgent?: boolean;
    route?: ConcernRoute;
    aboutStaffId?: string | null;
    status?: ConcernStatus;
    pupilIds?: string[];
    createdAt?: Date;
  },
) {
  const concern = await db.concern.create({
    data: {
      schoolId: input.schoolId,
      reporterId: input.reporterId,
      category: input.category ?? "WELLBEING",
      isUrgent: input.isUrgent ?? false,
      route: input.route ?? "SAFEGUARDING",
      aboutStaffId: input.aboutStaffId ?? null,
      status: input.status ?? "OPEN",
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    },
  });
  const pupilIds = input.pupilIds ?? [];
  if (pupilIds.length > 0)
    await db.concernPupil.createMany({
      data: pupilIds.map((studentId) => ({ schoolId: input.schoolId, concernId: concern.id, studentId })),
    });
  await db.concernEntry.create({
    data: {
      schoolId: input.schoolId,
      concernId: concern.id,
      kind: "REPORT",
      authorId: input.reporterId,
      text: input.what ?? "Test concern: what happened.",
      details: { when: "", where: "", namedInWords: "", inDanger: input.isUrgent ?? false, pupilIds },
      ...(input.createdAt ? { at: input.createdAt } : {}),
    },
  });
  return concern;
}
