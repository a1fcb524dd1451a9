// A small, complete school for integration tests: one running programme, staff of every role,
// two 1:1 pairings and a spare mentor and mentee. Every call makes a new school with unique
// emails, so test files can run in parallel on one database and never need to clean up.
import { randomUUID } from "node:crypto";
import { db } from "@/server/db";
import type { Actor } from "@/server/actor";
import {
  addMentee,
  addMentor,
  createPairingRow,
  createPointEntry,
  createProgramme,
  createSchool,
  createStaffUser,
  createStudent,
} from "@/server/factories";
import { addDaysIso, todayIn } from "@/lib/dates";
import { actorFor } from "./actors";

export const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 12)}@test.example`;

export type TestSchool = Awaited<ReturnType<typeof buildSchool>>;

export async function buildSchool(
  options: { withCalendar?: boolean; cadence?: "WEEKLY" | "FORTNIGHTLY"; format?: "ONE_TO_ONE" | "GROUP" | "BOTH" } = {},
) {
  const school = await createSchool(db, { withCalendar: options.withCalendar ?? false });
  const schoolId = school.id;
  const today = todayIn(school.timezone);
  const staffUser = (role: "ADMIN" | "COORDINATOR" | "TEACHER" | "DSL") =>
    createStaffUser(db, {
      schoolId,
      roles: [role],
      email: uniqueEmail(role.toLowerCase()),
      name: `${role[0]}${role.slice(1).toLowerCase()} Person`,
    });
  const [admin, coordinator, teacher, dsl, programme] = await Promise.all([
    staffUser("ADMIN"),
    staffUser("COORDINATOR"),
    staffUser("TEACHER"),
    staffUser("DSL"),
    createProgramme(db, {
      schoolId,
      cadence: options.cadence ?? "WEEKLY",
      format: options.format ?? "BOTH",
      startsOn: addDaysIso(today, -60),
    }),
  ]);
  const pupil = (
    firstName: string,
    lastName: string,
    yearGroup: number,
    extra: { hasSend?: boolean; sendNotes?: string; withAccount?: boolean } = {},
  ) =>
    createStudent(db, {
      schoolId,
      firstName,
      lastName: `${lastName}${randomUUID().slice(0, 4)}`,
      yearGroup,
      today,
      hasSend: extra.hasSend ?? false,
      sendNotes: extra.sendNotes ?? null,
      account: extra.withAccount === false ? undefined : { email: uniqueEmail(firstName.toLowerCase()) },
    });
  const [mentor, mentee, otherMentor, otherMentee, spareMentor, spareMentee] = await Promise.all([
    pupil("Sam", "Okoro", 10),
    pupil("Maya", "Patel", 8, { hasSend: true, sendNotes: "Autistic; needs a quiet room (SECRET-SEND-NOTE)" }),
    pupil("Kai", "Brown", 11),
    pupil("Ella", "Green", 7, { hasSend: true, sendNotes: "Anxiety; (OTHER-SECRET-SEND-NOTE)" }),
    pupil("Finn", "Hall", 10, { withAccount: false }),
    pupil("Ruby", "Young", 7, { withAccount: false }),
  ]);
  await Promise.all([
    addMentor(db, { schoolId, programmeId: programme.id, studentId: mentor.id, capacity: 2 }),
    addMentor(db, { schoolId, programmeId: programme.id, studentId: otherMentor.id, capacity: 1 }),
    addMentor(db, { schoolId, programmeId: programme.id, studentId: spareMentor.id, capacity: 1 }),
    addMentee(db, { schoolId, programmeId: programme.id, studentId: mentee.id }),
    addMentee(db, { schoolId, programmeId: programme.id, studentId: otherMentee.id }),
    addMentee(db, { schoolId, programmeId: programme.id, studentId: spareMentee.id }),
  ]);
  const [pairing, otherPairing] = await Promise.all([
    createPairingRow(db, {
      schoolId,
      programmeId: programme.id,
      createdById: coordinator.id,
      mentorIds: [mentor.id],
      menteeIds: [mentee.id],
      status: "ACTIVE",
    }),
    createPairingRow(db, {
      schoolId,
      programmeId: programme.id,
      createdById: coordinator.id,
      mentorIds: [otherMentor.id],
      menteeIds: [otherMentee.id],
      status: "ACTIVE",
    }),
  ]);
  const pointEntry = await createPointEntry(db, {
    schoolId,
    programmeId: programme.id,
    studentId: mentee.id,
    awardedById: teacher.id,
    amount: 3,
    reason: "Helped a friend",
  });
  // The school's activities by name (each school has its own list; ids differ between schools).
  const activities = await db.schoolActivity.findMany({ where: { schoolId }, select: { id: true, name: true } });
  const activityIds = Object.fromEntries(activities.map((a) => [a.name, a.id]));
  // Its point categories by name, likewise (the defaults: "Effort", "Points lost", …).
  const categories = await db.pointCategory.findMany({ where: { schoolId }, select: { id: true, name: true } });
  const categoryIds: Record<string, string> = Object.fromEntries(categories.map((c) => [c.name, c.id]));
  return {
    school,
    today,
    activityIds,
    categoryIds,
    programme,
    staff: { admin, coordinator, teacher, dsl },
    pupils: { mentor, mentee, otherMentor, otherMentee, spareMentor, spareMentee },
    pairing,
    otherPairing,
    pointEntry,
  };
}

export const ROLE_COLUMNS = [
  "ADMIN",
  "COORDINATOR",
  "TEACHER",
  "DSL",
  "MENTOR",
  "MENTEE",
  "otherSchoolCoordinator",
  "otherMentor",
] as const;
export type RoleColumn = (typeof ROLE_COLUMNS)[number];

/**
 * Two schools: `a`, where everything happens, and `b`, whose coordinator must never reach `a`.
 * `actors` are loaded from the database; `otherMentor` mentors a different pairing of `a`.
 */
export async function buildWorld() {
  const [a, b] = await Promise.all([buildSchool(), buildSchool()]);
  const actors = await loadActors(a, b);
  return { a, b, actors };
}

export async function loadActors(a: TestSchool, b: TestSchool): Promise<Record<RoleColumn, Actor>> {
  const [ADMIN, COORDINATOR, TEACHER, DSL, MENTOR, MENTEE, otherSchoolCoordinator, otherMentor] = await Promise.all([
    actorFor(a.staff.admin),
    actorFor(a.staff.coordinator),
    actorFor(a.staff.teacher),
    actorFor(a.staff.dsl),
    actorFor(a.pupils.mentor.userId!),
    actorFor(a.pupils.mentee.userId!),
    actorFor(b.staff.coordinator),
    actorFor(a.pupils.otherMentor.userId!),
  ]);
  return { ADMIN, COORDINATOR, TEACHER, DSL, MENTOR, MENTEE, otherSchoolCoordinator, otherMentor };
}

/** The form a mentor sends to log today's session for the school's first pairing (the mentee came). */
export function logSessionForm(s: TestSchool, extra: Record<string, string> = {}) {
  return {
    pairingId: s.pairing.id,
    heldOn: s.today,
    durationMinutes: "20",
    activityId: s.activityIds["Reading together"]!,
    // A new pairing's first session asks whether it is a good match; later ones ignore it.
    fitCheck: "YES",
    [`attendance_${s.pupils.mentee.id}`]: "PRESENT",
    ...extra,
  };
}
