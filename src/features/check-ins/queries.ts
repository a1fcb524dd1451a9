import "server-only";
import type { MemberRole } from "@/generated/prisma/enums";
import { db } from "@/server/db";
import type { Actor, Role } from "@/server/actor";
import { notFoundFor, requireRoleForRead } from "@/server/security-events";
import { checkInPeriodOn, dueCheckIn, nextCheckInOpens, type CheckInPeriod } from "@/lib/check-ins";
import { fromDbDate, todayIn, type IsoDate } from "@/lib/dates";
import { CHECK_INS, mayReadAnswers, QUESTIONNAIRES, questionnaireByKey, scalePoint, staffReaders } from "@/lib/questionnaires";
import { pupilFirstName, pupilFullName } from "@/lib/ranking";
import { pairingsVisibleTo } from "@/features/pairings/policy";
import { LIVE_STATUSES } from "@/features/pairings/status";
import { checkInPath } from "./paths";

const firstName = { legalFirstName: true, preferredName: true } as const;

/**
 * The check-ins this pupil should answer now, in their live pairings: which one, how many questions,
 * and the other pupils' first names. Never anything another pupil answered. Staff get none.
 */
export async function listMyDueCheckIns(actor: Actor) {
  const studentId = actor.studentId;
  if (!studentId) return [];
  const pairings = await db.pairing.findMany({
    where: { ...pairingsVisibleTo(actor), status: { in: [...LIVE_STATUSES] } },
    orderBy: { startsOn: "asc" },
    select: {
      id: true,
      kind: true,
      name: true,
      status: true,
      startsOn: true,
      programme: { select: { checkInEveryWeeks: true } },
      members: { select: { role: true, studentId: true, student: { select: firstName } } },
      responses: { where: { studentId }, select: { questionnaireKey: true, periodStart: true } },
    },
  });
  const today = todayIn(actor.timezone);
  return pairings.flatMap((p) => {
    const role = p.members.find((m) => m.studentId === studentId)?.role;
    if (!role) return [];
    const questionnaire = CHECK_INS[role];
    const answered = p.responses.filter((r) => r.questionnaireKey === questionnaire.key).map((r) => fromDbDate(r.periodStart));
    const due = dueCheckIn({
      today,
      pairing: { startsOn: fromDbDate(p.startsOn), status: p.status },
      everyWeeks: p.programme.checkInEveryWeeks,
      answered,
    });
    if (!due) return [];
    const others = p.members.filter((m) => m.studentId !== studentId);
    return [
      {
        pairingId: p.id,
        role,
        kind: p.kind,
        groupName: p.name,
        questionnaireKey: questionnaire.key,
        questionCount: questionnaire.questions.length,
        periodStart: due.periodStart,
        href: checkInPath(role, p.id),
        mentors: others.filter((m) => m.role === "MENTOR").map((m) => pupilFirstName(m.student)),
        mentees: others.filter((m) => m.role === "MENTEE").map((m) => pupilFirstName(m.student)),
      },
    ];
  });
}

/**
 * The check-in form for a pairing this pupil is in, in the given role (a mentee's page asks as the
 * mentee, a mentor's as the mentor); anyone else gets a 404. Says whether it is open now and, when
 * not, why (sent already, paused or ended, or when the next one opens).
 */
export async function getCheckInForm(actor: Actor, pairingId: string, role: MemberRole) {
  const studentId = actor.studentId;
  const pairing = studentId
    ? await db.pairing.findFirst({
        where: { ...pairingsVisibleTo(actor), id: pairingId, members: { some: { studentId, role } } },
        select: {
          id: true,
          kind: true,
          name: true,
          status: true,
          startsOn: true,
          programme: { select: { checkInEveryWeeks: true } },
          members: { select: { role: true, studentId: true, student: { select: firstName } } },
          responses: { where: { studentId, questionnaireKey: CHECK_INS[role].key }, select: { periodStart: true } },
        },
      })
    : null;
  if (!pairing) return notFoundFor(actor, "Pairing", pairingId);
  const questionnaire = CHECK_INS[role];
  const today = todayIn(actor.timezone);
  const startsOn = fromDbDate(pairing.startsOn);
  const answered = pairing.responses.map((r) => fromDbDate(r.periodStart));
  const everyWeeks = pairing.programme.checkInEveryWeeks;
  const due: CheckInPeriod | null = dueCheckIn({ today, pairing: { startsOn, status: pairing.status }, everyWeeks, answered });
  const isLive = (LIVE_STATUSES as readonly string[]).includes(pairing.status);
  const others = pairing.members.filter((m) => m.studentId !== studentId);
  return {
    pairingId: pairing.id,
    role,
    kind: pairing.kind,
    groupName: pairing.name,
    questionnaireKey: questionnaire.key,
    due,
    isLive,
    /** This period's check-in is already sent. */
    isSentThisPeriod: answered.includes(checkInPeriodOn(startsOn, everyWeeks, today)?.periodStart ?? ""),
    nextOpensOn: isLive && !due ? nextCheckInOpens(startsOn, everyWeeks, today) : null,
    today,
    mentors: others.filter((m) => m.role === "MENTOR").map((m) => pupilFirstName(m.student)),
    mentees: others.filter((m) => m.role === "MENTEE").map((m) => pupilFirstName(m.student)),
  };
}

/** The staff roles that read check-ins (from the questionnaires' own readers). */
const CHECK_IN_STAFF_READERS = [...new Set([CHECK_INS.MENTEE, CHECK_INS.MENTOR].flatMap(staffReaders))] as Role[];

export type StaffCheckInAnswer = {
  responseId: string;
  studentId: string;
  name: string;
  role: MemberRole;
  submittedAt: Date;
  value: number | null;
  /** The top of the scale, for "2 of 5". */
  outOf: number | null;
  word: string | null;
  note: string;
};

/**
 * Both pupils' check-ins for one pairing, newest period first, for the staff who may read them
 * (coordinator and DSL, as the questionnaires say). Each period lists every current member, with
 * their answer or none.
 */
export async function listCheckInsForPairing(actor: Actor, pairingId: string) {
  await requireRoleForRead(actor, ...CHECK_IN_STAFF_READERS);
  const pairing = await db.pairing.findFirst({
    where: { ...pairingsVisibleTo(actor), id: pairingId },
    select: {
      id: true,
      members: { select: { role: true, studentId: true, student: { select: { ...firstName, legalLastName: true } } } },
    },
  });
  if (!pairing) return notFoundFor(actor, "Pairing", pairingId);
  const readable = QUESTIONNAIRES.filter((q) => staffReaders(q).some((r) => actor.roles.includes(r as Role))).map((q) => q.key);
  const responses = await db.questionnaireResponse.findMany({
    where: { schoolId: actor.schoolId, pairingId: pairing.id, questionnaireKey: { in: readable } },
    orderBy: [{ periodStart: "desc" }, { submittedAt: "asc" }],
    take: 200,
    select: {
      id: true,
      questionnaireKey: true,
      studentId: true,
      respondentRole: true,
      periodStart: true,
      submittedAt: true,
      student: { select: { ...firstName, legalLastName: true } },
      answers: { select: { questionKey: true, scaleValue: true, text: true } },
    },
  });
  const periods = new Map<IsoDate, StaffCheckInAnswer[]>();
  for (const r of responses) {
    const questionnaire = questionnaireByKey(r.questionnaireKey);
    if (!questionnaire || !mayReadAnswers(questionnaire, actor, r.studentId)) continue;
    const scaleQuestion = questionnaire.questions.find((q) => q.kind === "scale");
    const textQuestion = questionnaire.questions.find((q) => q.kind === "text");
    const scale = scaleQuestion ? r.answers.find((a) => a.questionKey === scaleQuestion.key) : undefined;
    const value = scale?.scaleValue ?? null;
    const point = scaleQuestion?.kind === "scale" && value !== null ? scalePoint(scaleQuestion, value) : undefined;
    const periodStart = fromDbDate(r.periodStart);
    periods.set(periodStart, [
      ...(periods.get(periodStart) ?? []),
      {
        responseId: r.id,
        studentId: r.studentId,
        name: pupilFullName(r.student),
        role: r.respondentRole,
        submittedAt: r.submittedAt,
        value,
        outOf: scaleQuestion?.kind === "scale" ? scaleQuestion.max : null,
        word: point?.word ?? null,
        note: (textQuestion ? r.answers.find((a) => a.questionKey === textQuestion.key)?.text : "") ?? "",
      },
    ]);
  }
  const members = pairing.members
    .map((m) => ({ studentId: m.studentId, role: m.role, name: pupilFullName(m.student) }))
    .sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name) : a.role === "MENTOR" ? -1 : 1));
  return {
    pairingId: pairing.id,
    members,
    periods: [...periods.entries()].map(([periodStart, answers]) => ({ periodStart, answers })),
  };
}
