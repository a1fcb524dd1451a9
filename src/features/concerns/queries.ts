import "server-only";
import { db } from "@/server/db";
import { hasRole, isSchoolStaff, type Actor } from "@/server/actor";
import { writeAudit } from "@/server/audit";
import { notFoundFor, requireRoleForRead } from "@/server/security-events";
import { pageOf, textContaining } from "@/server/read";
import { dangerInstructionOf, OUT_OF_HOURS_HELP } from "@/lib/concerns";
import { fromDbDate } from "@/lib/dates";
import { pupilIdsIn } from "@/lib/concern-entries";
import { pupilDisplayName, pupilFullName } from "@/lib/ranking";
import { concernDraftSchema, type ConcernDraftValues } from "./schemas";
import { concernsLedBy, concernsReadableBy, CONCERN_READER_ROLES, leadsConcern, readsPupilFiles } from "./policy";
import { pupilsAPupilMayName, staffAConcernMayName } from "./people";
import { HELD_STATUSES } from "@/features/pairings/status";
import { receiptOf } from "./receipt";

const pupilName = { select: { id: true, legalFirstName: true, legalLastName: true, preferredName: true, tutorGroup: true } } as const;

/** What the raise form needs: the writer's draft, who they may name, and the school's words for danger. */
export async function getRaiseConcernForm(actor: Actor, options: { aboutStudentId?: string } = {}) {
  const [school, draft] = await Promise.all([
    db.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: { dangerInstruction: true } }),
    db.concernDraft.findFirst({ where: { schoolId: actor.schoolId, userId: actor.userId }, select: { values: true, updatedAt: true } }),
  ]);
  const parsed = draft ? concernDraftSchema.safeParse(draft.values) : null;
  const values: ConcernDraftValues | null = parsed?.success ? parsed.data : null;
  const danger = { instruction: dangerInstructionOf(school.dangerInstruction), outOfHours: OUT_OF_HOURS_HELP };
  if (!isSchoolStaff(actor)) {
    return {
      isStaff: false as const,
      draft: values,
      draftSavedAt: draft?.updatedAt ?? null,
      danger,
      pupils: await pupilsAPupilMayName(db, actor),
      staff: [],
    };
  }
  const [pupils, staff] = await Promise.all([
    db.student.findMany({
      where: { schoolId: actor.schoolId, status: "ON_ROLL" },
      orderBy: [{ legalLastName: "asc" }, { legalFirstName: "asc" }],
      select: pupilName.select,
    }),
    staffAConcernMayName(db, actor.schoolId, actor.userId),
  ]);
  const about = options.aboutStudentId && pupils.some((p) => p.id === options.aboutStudentId) ? options.aboutStudentId : null;
  return {
    isStaff: true as const,
    draft: values ?? (about ? { ...emptyDraft(), pupilIds: [about] } : null),
    draftSavedAt: draft?.updatedAt ?? null,
    danger,
    pupils: pupils.map((p) => ({ id: p.id, name: `${pupilFullName(p)} (${p.tutorGroup})` })),
    staff,
  };
}

const emptyDraft = (): ConcernDraftValues => ({
  what: "",
  when: "",
  where: "",
  category: "",
  inDanger: "",
  names: "",
  pupilIds: [],
  aboutStaffId: "",
  aboutAdult: "",
});

/** A reporter's own concerns: the receipt and what they added, never the case. */
export async function listMyConcernReceipts(actor: Actor) {
  const rows = await db.concern.findMany({
    where: { schoolId: actor.schoolId, reporterId: actor.userId },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
      createdAt: true,
      entries: {
        where: { authorId: actor.userId, kind: { in: ["REPORT", "ADDITION"] } },
        orderBy: { at: "asc" },
        select: { id: true, kind: true, text: true, at: true },
      },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    receipt: receiptOf(r.createdAt, actor),
    // Their own words only: what they wrote and added.
    own: r.entries.map((e) => ({ id: e.id, isAddition: e.kind === "ADDITION", text: e.text, at: e.at })),
  }));
}

/**
 * The concerns a lead (or the head, for escalated ones) reads: every open one, urgent first then
 * the longest waiting, and closed ones a page at a time. A search is audited with its words.
 */
export async function listConcernsForLead(actor: Actor, options: { q?: string; page?: number } = {}) {
  await requireRoleForRead(actor, ...CONCERN_READER_ROLES);
  const readable = concernsReadableBy(actor);
  const q = options.q?.trim() ?? "";
  const search = q
    ? {
        OR: [
          {
            pupils: {
              some: {
                student: {
                  OR: [{ legalFirstName: textContaining(q) }, { legalLastName: textContaining(q) }, { preferredName: textContaining(q) }],
                },
              },
            },
          },
          { reporter: { name: textContaining(q) } },
        ],
      }
    : {};
  if (q) await writeAudit(db, actor, { action: "concern.searched", recordType: "Concern", changes: { term: q } });
  const { skip, take, page } = pageOf(options.page);
  const select = {
    id: true,
    route: true,
    category: true,
    isUrgent: true,
    status: true,
    createdAt: true,
    firstOpenedAt: true,
    escalatedAt: true,
    reporter: { select: { name: true } },
    pupils: { select: { student: pupilName } },
  } as const;
  const [open, closed, closedTotal] = await Promise.all([
    db.concern.findMany({
      where: { AND: [readable, search, { status: { in: ["OPEN", "IN_PROGRESS"] } }] },
      orderBy: [{ isUrgent: "desc" }, { createdAt: "asc" }],
      take: 200,
      select,
    }),
    db.concern.findMany({ where: { AND: [readable, search, { status: "CLOSED" }] }, orderBy: { updatedAt: "desc" }, skip, take, select }),
    db.concern.count({ where: { AND: [readable, search, { status: "CLOSED" }] } }),
  ]);
  const row = (c: (typeof open)[number]) => ({
    id: c.id,
    route: c.route,
    category: c.category,
    isUrgent: c.isUrgent,
    status: c.status,
    createdAt: c.createdAt,
    isOpened: c.firstOpenedAt !== null,
    isEscalated: c.escalatedAt !== null,
    reporter: c.reporter.name,
    pupils: c.pupils.map((p) => pupilFullName(p.student)),
  });
  return { q, open: open.map(row), closed: closed.map(row), closedTotal, page, pageCount: Math.max(1, Math.ceil(closedTotal / take)) };
}

/**
 * One concern, whole, for its readers: the opening is audited every time, the first open by a lead is
 * recorded (it stops the escalation clock), and the lead sees who has viewed it.
 */
export async function getConcernForReader(actor: Actor, concernId: string, now: Date = new Date()) {
  await requireRoleForRead(actor, ...CONCERN_READER_ROLES);
  const concern = await db.concern.findFirst({
    where: { AND: [concernsReadableBy(actor), { id: concernId }] },
    select: {
      id: true,
      route: true,
      category: true,
      isUrgent: true,
      status: true,
      sharedNote: true,
      createdAt: true,
      firstOpenedAt: true,
      escalatedAt: true,
      aboutStaffId: true,
      reporter: { select: { name: true, students: { select: { id: true }, take: 1 } } },
      aboutStaff: { select: { name: true } },
      pupils: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { student: pupilName } },
      entries: {
        orderBy: { at: "asc" },
        select: {
          id: true,
          kind: true,
          text: true,
          action: true,
          happenedOn: true,
          correctsId: true,
          details: true,
          at: true,
          author: { select: { name: true } },
        },
      },
    },
  });
  if (!concern) return notFoundFor(actor, "Concern", concernId);
  const isLead = leadsConcern(actor, concern);
  if (isLead && concern.firstOpenedAt === null)
    await db.concern.updateMany({ where: { schoolId: actor.schoolId, id: concern.id, firstOpenedAt: null }, data: { firstOpenedAt: now } });
  await writeAudit(db, actor, { action: "concern.viewed", recordType: "Concern", recordId: concern.id, changes: { asLead: isLead } });
  const views = isLead
    ? await db.auditLog.findMany({
        where: {
          schoolId: actor.schoolId,
          OR: [
            { recordType: "Concern", recordId: concern.id, action: "concern.viewed" },
            // A pupil's exported file holds every concern naming them.
            { recordType: "Student", action: "concern.exported", changes: { path: ["concernIds"], array_contains: [concern.id] } },
          ],
        },
        orderBy: { at: "desc" },
        take: 100,
        select: { at: true, action: true, actor: { select: { name: true } } },
      })
    : [];
  const names = new Map(concern.pupils.map((p) => [p.student.id, pupilFullName(p.student)]));
  const missing = concern.entries.flatMap((e) => pupilIdsIn(e.details)).filter((id) => !names.has(id));
  if (missing.length > 0) {
    const extra = await db.student.findMany({
      where: { schoolId: actor.schoolId, id: { in: [...new Set(missing)] } },
      select: pupilName.select,
    });
    for (const s of extra) names.set(s.id, pupilFullName(s));
  }
  const reporterStudentId = concern.reporter.students[0]?.id ?? null;
  // A lead links pupils from the school's roll.
  const roll = isLead
    ? await db.student.findMany({
        where: { schoolId: actor.schoolId, status: "ON_ROLL" },
        orderBy: [{ legalLastName: "asc" }, { legalFirstName: "asc" }],
        select: pupilName.select,
      })
    : [];
  // A safeguarding lead may pause the mentoring of the pupils linked to the concern.
  const linkedIds = concern.pupils.map((p) => p.student.id);
  const mentoring =
    isLead && concern.route === "SAFEGUARDING" && linkedIds.length > 0
      ? await db.pairing.findMany({
          where: { schoolId: actor.schoolId, status: { in: [...HELD_STATUSES] }, members: { some: { studentId: { in: linkedIds } } } },
          orderBy: { startsOn: "asc" },
          select: {
            id: true,
            status: true,
            members: { select: { role: true, student: { select: pupilName.select } } },
          },
        })
      : [];
  // Pauses made from this concern, whether or not their pupils are still linked (so each can be ended here).
  const pauses = isLead
    ? await db.pause.findMany({
        where: { schoolId: actor.schoolId, concernId: concern.id, endedAt: null },
        orderBy: { pausedAt: "asc" },
        select: {
          id: true,
          student: { select: pupilName.select },
          pairing: { select: { members: { select: { role: true, student: { select: pupilName.select } } } } },
        },
      })
    : [];
  const pairingLabel = (members: { role: "MENTOR" | "MENTEE"; student: Parameters<typeof pupilFullName>[0] }[]) =>
    `${members
      .filter((m) => m.role === "MENTOR")
      .map((m) => pupilFullName(m.student))
      .join(" and ")} with ${members
      .filter((m) => m.role === "MENTEE")
      .map((m) => pupilFullName(m.student))
      .join(", ")}`;
  // A lead may find a safeguarding concern is about a member of staff, and send it to the head.
  const staff =
    isLead && concern.route === "SAFEGUARDING" && concern.aboutStaffId === null ? await staffAConcernMayName(db, actor.schoolId) : [];
  return {
    staff: staff.map((m) => ({ value: m.id, label: m.name })),
    pauses: pauses.map((p) => ({
      id: p.id,
      label: p.student ? `${pupilFullName(p.student)}'s place in ${pairingLabel(p.pairing.members)}` : pairingLabel(p.pairing.members),
    })),
    mentoring: mentoring.map((p) => ({
      id: p.id,
      status: p.status,
      label: pairingLabel(p.members),
      mentees: p.members.filter((m) => m.role === "MENTEE").map((m) => ({ id: m.student.id, name: pupilFullName(m.student) })),
    })),
    roll: roll.map((p) => ({ value: p.id, label: `${pupilFullName(p)} (${p.tutorGroup})` })),
    id: concern.id,
    route: concern.route,
    category: concern.category,
    isUrgent: concern.isUrgent,
    status: concern.status,
    sharedNote: concern.sharedNote,
    createdAt: concern.createdAt,
    escalatedAt: concern.escalatedAt,
    reporter: { name: concern.reporter.name, isPupil: reporterStudentId !== null },
    aboutStaff: concern.aboutStaff?.name ?? null,
    isLead,
    pupils: concern.pupils.map((p) => ({ id: p.student.id, name: pupilFullName(p.student), tutorGroup: p.student.tutorGroup })),
    entries: concern.entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      text: e.text,
      action: e.action,
      happenedOn: e.happenedOn ? fromDbDate(e.happenedOn) : null,
      correctsId: e.correctsId,
      details: e.details as Record<string, unknown>,
      at: e.at,
      author: e.author.name,
    })),
    pupilNames: Object.fromEntries(names),
    views: views.map((v) => ({ at: v.at, who: v.actor?.name ?? "PeerPath", isExport: v.action === "concern.exported" })),
  };
}

/**
 * What a coordinator may know about a pupil's concerns: only the lines a safeguarding lead shared,
 * on open concerns. Safeguarding leads see the same lines (they read the cases themselves).
 */
export async function listSharedConcernLines(actor: Actor, studentId: string) {
  await requireRoleForRead(actor, "COORDINATOR", "DSL");
  const pupil = await db.student.findFirst({ where: { schoolId: actor.schoolId, id: studentId }, select: { id: true } });
  if (!pupil) return notFoundFor(actor, "Student", studentId);
  const rows = await db.concern.findMany({
    where: {
      schoolId: actor.schoolId,
      route: "SAFEGUARDING",
      status: { in: ["OPEN", "IN_PROGRESS"] },
      sharedNote: { not: null },
      pupils: { some: { studentId } },
    },
    orderBy: { createdAt: "desc" },
    select: { id: true, sharedNote: true, updatedAt: true },
  });
  return rows.map((r) => ({ id: r.id, note: r.sharedNote!, updatedAt: r.updatedAt }));
}

/**
 * A pupil's mentoring record for the lead of a concern naming them: every session note with its
 * earlier versions, and every check-in. Audited; another pupil or concern is "not found".
 */
export async function getPupilRecordForConcern(actor: Actor, concernId: string, studentId: string) {
  await requireRoleForRead(actor, "DSL");
  if (!readsPupilFiles(actor)) return notFoundFor(actor, "Concern", concernId);
  const link = await db.concernPupil.findFirst({
    where: { schoolId: actor.schoolId, concernId, studentId, concern: concernsLedBy(actor) },
    select: { student: pupilName },
  });
  if (!link) return notFoundFor(actor, "ConcernPupil", `${concernId}/${studentId}`);
  const [sessions, responses] = await Promise.all([
    db.mentoringSession.findMany({
      where: {
        schoolId: actor.schoolId,
        OR: [{ attendances: { some: { studentId } } }, { pairing: { members: { some: { studentId } } } }],
      },
      orderBy: { heldOn: "desc" },
      take: 200,
      select: {
        id: true,
        heldOn: true,
        notes: true,
        noteVisibility: true,
        fitCheck: true,
        fitCheckNote: true,
        loggedBy: { select: { name: true } },
        attendances: { where: { studentId }, select: { attendance: true, mood: true } },
        revisions: {
          orderBy: { version: "desc" },
          select: { version: true, notes: true, writtenAt: true, writtenBy: { select: { name: true } } },
        },
      },
    }),
    db.questionnaireResponse.findMany({
      where: { schoolId: actor.schoolId, studentId },
      orderBy: { submittedAt: "desc" },
      take: 100,
      select: {
        id: true,
        questionnaireKey: true,
        periodStart: true,
        submittedAt: true,
        answers: { select: { questionKey: true, scaleValue: true, text: true } },
      },
    }),
  ]);
  await writeAudit(db, actor, {
    action: "concern.pupil_record_viewed",
    recordType: "Concern",
    recordId: concernId,
    changes: { studentId, sessions: sessions.length, checkIns: responses.length },
  });
  return {
    pupil: {
      id: link.student.id,
      name: pupilFullName(link.student),
      shortName: pupilDisplayName(link.student),
      tutorGroup: link.student.tutorGroup,
    },
    sessions: sessions.map((s) => ({
      id: s.id,
      heldOn: fromDbDate(s.heldOn),
      notes: s.notes,
      isShared: s.noteVisibility === "SHARED",
      fitCheck: s.fitCheck,
      fitCheckNote: s.fitCheckNote,
      loggedBy: s.loggedBy.name,
      attendance: s.attendances[0]?.attendance ?? null,
      mood: s.attendances[0]?.mood ?? null,
      earlier: s.revisions.map((r) => ({ version: r.version, notes: r.notes, writtenAt: r.writtenAt, writtenBy: r.writtenBy.name })),
    })),
    checkIns: responses.map((r) => ({
      id: r.id,
      questionnaireKey: r.questionnaireKey,
      periodStart: fromDbDate(r.periodStart),
      submittedAt: r.submittedAt,
      answers: r.answers,
    })),
  };
}

/** How many open concerns the actor leads (their home's first card), and how many of them are urgent. */
export async function countOpenConcernsForLead(actor: Actor) {
  if (!hasRole(actor, ...CONCERN_READER_ROLES)) return null;
  const where = { AND: [concernsReadableBy(actor), { status: { in: ["OPEN" as const, "IN_PROGRESS" as const] } }] };
  const [open, urgent] = await Promise.all([
    db.concern.count({ where }),
    db.concern.count({ where: { AND: [where, { isUrgent: true }] } }),
  ]);
  return { open, urgent };
}
