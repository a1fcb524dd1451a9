import "server-only";
import { db } from "@/server/db";
import type { Actor } from "@/server/actor";
import { pageOf } from "@/server/read";
import { requireRoleForRead } from "@/server/security-events";
import { todayIn } from "@/lib/dates";
import { pupilDisplayName } from "@/lib/ranking";
import { yearGroupOn } from "@/lib/year-group";
import { mentorLoad, mentorLoadSelect } from "@/features/pairings/load";
import { HELD_STATUSES } from "@/features/pairings/status";
import { waitingMenteeWhere } from "@/features/pairings/waiting";
import { CURRENT_PUPIL, MAY_MENTOR, pupilNameSearch, studentsVisibleTo } from "./policy";

/** Mentors and mentees of a programme, for coordinator lists and pickers. */
export async function listParticipants(actor: Actor, programmeId: string, q?: unknown) {
  await requireRoleForRead(actor, "COORDINATOR", "TEACHER", "DSL");
  const today = todayIn(actor.timezone);
  const where = { ...studentsVisibleTo(actor), ...CURRENT_PUPIL, ...pupilNameSearch(q) };
  // Mentors may also be alumni invited back (ADR 025); both filters hold (AND, since each is an OR).
  const mentorWhere = { AND: [{ ...studentsVisibleTo(actor), ...pupilNameSearch(q) }, MAY_MENTOR] };
  const [mentors, mentees, waiting] = await Promise.all([
    db.mentorProfile.findMany({
      where: { schoolId: actor.schoolId, programmeId, student: mentorWhere },
      select: {
        capacity: true,
        trainingComplete: true,
        student: {
          select: {
            id: true,
            legalFirstName: true,
            legalLastName: true,
            preferredName: true,
            cohortYear: true,
            tutorGroup: true,
            hasSend: true,
            memberships: mentorLoadSelect(programmeId),
          },
        },
      },
      orderBy: { student: { legalLastName: "asc" } },
    }),
    db.menteeProfile.findMany({
      where: { schoolId: actor.schoolId, programmeId, student: where },
      select: {
        student: {
          select: {
            id: true,
            legalFirstName: true,
            legalLastName: true,
            preferredName: true,
            cohortYear: true,
            tutorGroup: true,
            hasSend: true,
            memberships: {
              where: { role: "MENTEE", pairing: { programmeId, status: { in: [...HELD_STATUSES] } } },
              select: { pairing: { select: { id: true, status: true } } },
            },
          },
        },
      },
      orderBy: { student: { legalLastName: "asc" } },
    }),
    db.menteeProfile.findMany({ where: waitingMenteeWhere(actor.schoolId, programmeId), select: { studentId: true } }),
  ]);
  const waitingIds = new Set(waiting.map((w) => w.studentId));
  return {
    mentors: mentors.map((m) => ({
      studentId: m.student.id,
      name: pupilDisplayName(m.student),
      yearGroup: yearGroupOn(m.student.cohortYear, today),
      tutorGroup: m.student.tutorGroup,
      hasSend: m.student.hasSend,
      capacity: m.capacity,
      trainingComplete: m.trainingComplete,
      load: mentorLoad(m.student.memberships),
    })),
    mentees: mentees.map((m) => ({
      studentId: m.student.id,
      name: pupilDisplayName(m.student),
      yearGroup: yearGroupOn(m.student.cohortYear, today),
      tutorGroup: m.student.tutorGroup,
      hasSend: m.student.hasSend,
      pairing: m.student.memberships[0]?.pairing ?? null,
      /** Waiting for a mentor (pairings/waiting.ts): the pupils the manual pairing form offers. */
      isWaiting: waitingIds.has(m.student.id),
    })),
  };
}

/** The school's pupils, paginated and searchable on the server (admin). */
export async function listStudentsForAdmin(actor: Actor, options: { q?: unknown; page?: number }) {
  await requireRoleForRead(actor, "ADMIN");
  const { skip, take, page } = pageOf(options.page);
  const where = { ...studentsVisibleTo(actor), ...pupilNameSearch(options.q) };
  const today = todayIn(actor.timezone);
  const [rows, total] = await Promise.all([
    db.student.findMany({
      where,
      orderBy: [{ legalLastName: "asc" }, { legalFirstName: "asc" }],
      skip,
      take,
      select: {
        id: true,
        legalFirstName: true,
        legalLastName: true,
        preferredName: true,
        upn: true,
        tutorGroup: true,
        cohortYear: true,
        status: true,
        hasSend: true,
        userId: true,
      },
    }),
    db.student.count({ where }),
  ]);
  return {
    page,
    total,
    pageCount: Math.max(1, Math.ceil(total / take)),
    rows: rows.map((s) => ({ ...s, yearGroup: yearGroupOn(s.cohortYear, today), hasAccount: s.userId !== null })),
  };
}
