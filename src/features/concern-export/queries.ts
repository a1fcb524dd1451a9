import "server-only";
import { db } from "@/server/db";
import type { Actor } from "@/server/actor";
import { writeAudit } from "@/server/audit";
import { notFoundFor } from "@/server/security-events";
import { readsPupilFiles } from "@/features/concerns/policy";
import { CATEGORY_LABELS, STATUS_LABELS } from "@/lib/concerns";
import { todayIn } from "@/lib/dates";
import { nameRedactor, pupilInitials, type PupilName } from "@/lib/name-redaction";
import { yearGroupOn } from "@/lib/year-group";
import { describeFileEntry, type FileEntry } from "./chronology";
import { formatStaffDateTime } from "@/lib/dates";
import { fileConcernsOf } from "./policy";
import { transfersFrom } from "./transfers";

// A pupil's safeguarding file (issue 9, ADR 023): the safeguarding leads of the pupil's school only;
// anyone else, and any pupil of another school, gets the same 404 as a pupil who does not exist.

const ID = /^[A-Za-z0-9_-]{1,40}$/;
const NAME = { id: true, legalFirstName: true, legalLastName: true, preferredName: true } as const;

async function pupilForFile(actor: Actor, studentId: string) {
  if (!readsPupilFiles(actor) || !ID.test(studentId)) return notFoundFor(actor, "PupilConcernFile", studentId.slice(0, 60));
  const pupil = await db.student.findFirst({
    where: { schoolId: actor.schoolId, id: studentId },
    select: { ...NAME, upn: true, cohortYear: true, tutorGroup: true, status: true },
  });
  if (!pupil) return notFoundFor(actor, "PupilConcernFile", studentId);
  return pupil;
}

function pupilFacts(pupil: Awaited<ReturnType<typeof pupilForFile>>, today: string) {
  const preferred = pupil.preferredName?.trim() || null;
  return {
    id: pupil.id,
    name: `${pupil.legalFirstName} ${pupil.legalLastName}`,
    knownAs: preferred && preferred !== pupil.legalFirstName ? preferred : null,
    initials: pupilInitials(pupil),
    upn: pupil.upn,
    yearGroup: yearGroupOn(pupil.cohortYear, today),
    tutorGroup: pupil.tutorGroup,
    hasLeft: pupil.status === "LEFT",
  };
}

/** Every string in an entry's details that could be an id (of a pupil or a user the file names). */
function idsIn(details: unknown): string[] {
  if (!details || typeof details !== "object") return [];
  return Object.values(details as Record<string, unknown>)
    .flatMap((v) => (Array.isArray(v) ? v : [v]))
    .filter((v): v is string => typeof v === "string" && ID.test(v));
}

/** "concern-file-MP-2026-11-29.pdf": never the pupil's name. */
function fileNameFor(initials: string, today: string): string {
  const letters = initials
    .normalize("NFD")
    .replace(/[^A-Za-z]/g, "")
    .toUpperCase();
  return `concern-file-${letters || "pupil"}-${today}.pdf`;
}

export type PupilConcernFile = Awaited<ReturnType<typeof getPupilConcernFile>>;

/**
 * The whole file for a transfer: every safeguarding concern naming the pupil, oldest first, each with
 * its chronology in order (authors' names, dates with the year). Every other pupil it names appears as
 * initials, in its fields and inside free text; no id leaves. Each export is audited.
 */
export async function getPupilConcernFile(actor: Actor, studentId: string, now: Date = new Date()) {
  const pupil = await pupilForFile(actor, studentId);
  const today = todayIn(actor.timezone, now);
  const concerns = await db.concern.findMany({
    where: fileConcernsOf(actor, pupil.id),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      category: true,
      status: true,
      isUrgent: true,
      createdAt: true,
      sharedNote: true,
      reporterId: true,
      aboutStaff: { select: { name: true } },
      pupils: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { student: { select: NAME } } },
      entries: {
        orderBy: [{ at: "asc" }, { id: "asc" }],
        select: {
          id: true,
          kind: true,
          authorId: true,
          at: true,
          text: true,
          action: true,
          happenedOn: true,
          correctsId: true,
          details: true,
        },
      },
    },
  });

  // Everyone the file names: the pupils each concern is about, the reporters and authors (a pupil who
  // reported is a pupil too), and anyone an entry's details point at (a pupil since removed, say).
  const userIds = [...new Set(concerns.flatMap((c) => [c.reporterId, ...c.entries.map((e) => e.authorId)]))];
  const detailIds = [...new Set(concerns.flatMap((c) => c.entries.flatMap((e) => idsIn(e.details))))];
  const [users, pupilUsers, pupilsById] = await Promise.all([
    db.user.findMany({ where: { id: { in: [...new Set([...userIds, ...detailIds])] } }, select: { id: true, name: true } }),
    db.student.findMany({ where: { schoolId: actor.schoolId, userId: { in: userIds } }, select: { ...NAME, userId: true } }),
    db.student.findMany({ where: { schoolId: actor.schoolId, id: { in: detailIds } }, select: NAME }),
  ]);
  const pupilsNamed = new Map<string, PupilName & { id: string }>();
  for (const p of [...concerns.flatMap((c) => c.pupils.map((cp) => cp.student)), ...pupilUsers, ...pupilsById]) pupilsNamed.set(p.id, p);
  const facts = pupilFacts(pupil, today);
  const nameOf = (p: { id: string } & PupilName) => (p.id === pupil.id ? facts.name : pupilInitials(p));
  const names = new Map<string, string>();
  for (const user of users) names.set(user.id, user.name);
  for (const p of pupilUsers) names.set(p.userId!, nameOf(p));
  for (const p of pupilsNamed.values()) names.set(p.id, nameOf(p));
  // Pupils write names of anyone in their words: every other pupil of the school is matched by whole name.
  const roll = await db.student.findMany({ where: { schoolId: actor.schoolId, id: { not: pupil.id } }, select: NAME });
  const redact = nameRedactor(
    pupil,
    [...pupilsNamed.values()].filter((p) => p.id !== pupil.id),
    roll,
  );

  const file = {
    schoolName: actor.schoolName,
    pupil: facts,
    exportedBy: actor.name,
    exportedAt: formatStaffDateTime(now, actor.timezone),
    fileName: fileNameFor(facts.initials, today),
    concerns: concerns.map((c, i) => {
      const entriesById = new Map(c.entries.map((e) => [e.id, { at: e.at, authorId: e.authorId }]));
      const ctx = { timezone: actor.timezone, names, redact, entriesById };
      return {
        number: i + 1,
        category: CATEGORY_LABELS[c.category],
        status: STATUS_LABELS[c.status],
        isUrgent: c.isUrgent,
        raisedAt: formatStaffDateTime(c.createdAt, actor.timezone),
        raisedBy: names.get(c.reporterId) ?? "Unknown",
        // The file's own pupil first, then the others by name (rows linked at one moment have no order of their own).
        pupils: [...c.pupils]
          .sort(
            (a, b) =>
              Number(b.student.id === pupil.id) - Number(a.student.id === pupil.id) ||
              nameOf(a.student).localeCompare(nameOf(b.student), "en-GB"),
          )
          .map((cp) => nameOf(cp.student)),
        aboutStaff: c.aboutStaff?.name ?? null,
        sharedNote: c.sharedNote ? redact(c.sharedNote) : null,
        entries: c.entries.map((e): FileEntry => describeFileEntry(e, ctx)),
      };
    }),
  };
  await writeAudit(db, actor, {
    action: "concern.exported",
    recordType: "Student",
    recordId: pupil.id,
    // Each concern's page lists the exports that held it (who has viewed it).
    changes: { studentId: pupil.id, concerns: concerns.length, concernIds: concerns.map((c) => c.id) },
  });
  return file;
}

/**
 * The pupil's file page for a safeguarding lead: who the pupil is, their concerns in a list (no
 * contents: each concern opens on its own page) and the transfers recorded. Each view is audited.
 */
export async function getPupilFileOverview(actor: Actor, studentId: string, now: Date = new Date()) {
  const pupil = await pupilForFile(actor, studentId);
  const today = todayIn(actor.timezone, now);
  const where = fileConcernsOf(actor, pupil.id);
  const [concerns, transferEntries] = await Promise.all([
    db.concern.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      select: { id: true, category: true, status: true, isUrgent: true, createdAt: true, _count: { select: { entries: true } } },
    }),
    db.concernEntry.findMany({
      where: { schoolId: actor.schoolId, kind: "TRANSFER", concern: where },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: { concernId: true, authorId: true, at: true, details: true },
    }),
  ]);
  const transfers = transfersFrom(transferEntries);
  const recorders = await db.user.findMany({
    where: { id: { in: [...new Set(transfers.map((t) => t.recordedById))] } },
    select: { id: true, name: true },
  });
  await writeAudit(db, actor, {
    action: "concern.pupil_file_viewed",
    recordType: "Student",
    recordId: pupil.id,
    changes: { studentId: pupil.id, concerns: concerns.length },
  });
  return {
    pupil: pupilFacts(pupil, today),
    today,
    concerns: concerns.map((c) => ({
      id: c.id,
      category: CATEGORY_LABELS[c.category],
      status: STATUS_LABELS[c.status],
      isUrgent: c.isUrgent,
      raisedOn: todayIn(actor.timezone, c.createdAt),
      entries: c._count.entries,
    })),
    transfers: transfers.map(({ recordedById, ...t }) => ({
      ...t,
      recordedBy: recorders.find((u) => u.id === recordedById)?.name ?? "Unknown",
    })),
  };
}
