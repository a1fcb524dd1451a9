import "server-only";
import { defineCommand } from "@/server/command";
import type { AuditEntry } from "@/server/audit";
import type { Tx } from "@/server/db";
import { NotFoundError, RuleError } from "@/server/errors";
import { toDbDate, todayIn, type IsoDate } from "@/lib/dates";
import type { PupilImportPlan, PupilValues } from "@/lib/pupil-import/plan";
import { findOwnDraft } from "@/features/imports/drafts";
import { markPupilsLeft } from "@/features/students/leaving";
import { planDraft } from "./load-plan";
import { commitPupilImportSchema } from "./schemas";
import { lockSchool } from "@/server/locks";

export const STALE_PREVIEW_MESSAGE = "The pupils changed since you looked at this preview. Look again before importing.";
export const ROW_ERRORS_MESSAGE = "Fix the rows listed below in your file, then upload it again. Nothing was imported.";
export const NOTHING_TO_CHANGE_MESSAGE = "Nothing to change: every pupil in this file is already up to date.";
export const CHOOSE_COLUMNS_MESSAGE = "Choose the file's columns first. Nothing was imported.";

/**
 * Imports a previewed pupil file in one transaction (plan §6, ADR 025), one import per school at a
 * time: the plan is made again and must be the one the admin saw (`basis`), with no row errors and
 * something to do; leavers only when the admin confirmed them. Bulk statements throughout, so 2,000
 * rows are a handful of statements: one insert, one UPDATE … FROM unnest, one audit insert.
 */
export const commitPupilImport = defineCommand(
  {
    name: "commitPupilImport",
    schema: commitPupilImportSchema,
    allow: ["ADMIN"],
    transaction: { timeoutMs: 60_000, statementTimeout: "30s" },
  },
  async (input, { tx, actor, audit, auditMany, contention }) => {
    contention("Another import for this school is running. Wait a moment, then try again. Nothing was imported.");
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`import:${actor.schoolId}`}, 0))`;
    // The rollover locks the school's row too: an import and a rollover never plan from the same roll at once.
    await lockSchool(tx, actor.schoolId);
    const draft = await findOwnDraft(tx, actor, input.draftId, "PUPILS");
    if (!draft) throw new NotFoundError("import draft");
    const today = todayIn(actor.timezone);
    const loaded = await planDraft(tx, actor.schoolId, draft, today);
    if (!loaded.ok || !loaded.plan) throw new RuleError(loaded.ok ? CHOOSE_COLUMNS_MESSAGE : loaded.message);
    const { plan } = loaded;
    if (plan.errors.length > 0) throw new RuleError(ROW_ERRORS_MESSAGE);
    if (plan.fingerprint !== input.basis) throw new RuleError(STALE_PREVIEW_MESSAGE);
    if (plan.create.length + plan.update.length + plan.leave.length + plan.rejoin.length === 0)
      throw new RuleError(NOTHING_TO_CHANGE_MESSAGE);
    if (plan.leave.length > 0 && !input.confirmLeavers) {
      throw new RuleError(
        `Confirm that ${plan.leave.length} ${plan.leave.length === 1 ? "pupil" : "pupils"} will be marked as left. Nothing was imported.`,
      );
    }

    const now = new Date();
    const entries: AuditEntry[] = [];
    const created = plan.create.length === 0 ? [] : await insertNewPupils(tx, actor.schoolId, plan.create, now);
    for (const pupil of created)
      entries.push({ action: "pupil.imported", recordType: "Student", recordId: pupil.id, changes: pupil.values });
    await updateChangedPupils(tx, actor.schoolId, plan.update, now);
    for (const u of plan.update)
      entries.push({ action: "pupil.updated_by_import", recordType: "Student", recordId: u.id, changes: u.changes });
    if (plan.rejoin.length > 0) {
      await tx.student.updateMany({
        where: { schoolId: actor.schoolId, id: { in: plan.rejoin.map((r) => r.id) }, status: { not: "ON_ROLL" } },
        // Back on roll is a pupil again: an earlier invitation to mentor as an alumnus lapses.
        data: { status: "ON_ROLL", leftOn: null, importedAt: now, alumniMentorFrom: null },
      });
      for (const r of plan.rejoin)
        entries.push({ action: "pupil.rejoined", recordType: "Student", recordId: r.id, changes: { line: r.line } });
    }
    const ended = { pairings: 0, places: 0, accounts: 0 };
    const byDay = new Map<IsoDate, string[]>();
    for (const l of plan.leave) byDay.set(l.on, [...(byDay.get(l.on) ?? []), l.id]);
    for (const [leftOn, ids] of [...byDay].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const result = await markPupilsLeft(tx, {
        schoolId: actor.schoolId,
        leaving: ids.map((studentId) => ({ studentId, becomes: "LEFT" })),
        leftOn,
        byUserId: actor.userId,
      });
      ended.pairings += result.pairingsEnded.length;
      ended.places += result.placesPaused.length;
      ended.accounts += result.accountsClosed.length;
    }
    for (const l of plan.leave)
      entries.push({ action: "pupil.left_by_import", recordType: "Student", recordId: l.id, changes: { why: l.why, leftOn: l.on } });
    await auditMany(entries);

    const counts = {
      created: plan.create.length,
      updated: plan.update.length,
      left: plan.leave.length,
      rejoined: plan.rejoin.length,
      unchanged: plan.unchanged,
      pairingsEnded: ended.pairings,
      placesPaused: ended.places,
      accountsClosed: ended.accounts,
    };
    await audit({
      action: "pupil_import.committed",
      recordType: "ImportDraft",
      recordId: draft.id,
      changes: { ...counts, fileName: draft.fileName, fileSha256: draft.fileSha256, isWholeRoll: draft.isWholeRoll },
    });
    await tx.importDraft.delete({ where: { schoolId_id: { schoolId: actor.schoolId, id: draft.id } } });
    return { message: importedMessage(counts), recordId: draft.id };
  },
);

export function importedMessage(counts: { created: number; updated: number; left: number; rejoined: number }): string {
  const back = counts.rejoined > 0 ? `, ${counts.rejoined} back on roll` : "";
  return `Imported: ${counts.created} new, ${counts.updated} updated, ${counts.left} marked as left${back}.`;
}

const dbDate = (day: IsoDate | null | undefined) => (day ? toDbDate(day) : null);

async function insertNewPupils(tx: Tx, schoolId: string, rows: PupilImportPlan["create"], now: Date) {
  const inserted = await tx.student.createManyAndReturn({
    data: rows.map(({ pupil }) => ({
      schoolId,
      upn: pupil.upn,
      admissionNumber: pupil.admissionNumber,
      legalFirstName: pupil.legalFirstName,
      legalLastName: pupil.legalLastName,
      preferredName: pupil.preferredName,
      dateOfBirth: dbDate(pupil.dateOfBirth),
      sex: pupil.sex,
      cohortYear: pupil.cohortYear,
      tutorGroup: pupil.tutorGroup,
      senStatus: pupil.senStatus,
      hasSend: pupil.senStatus !== "NONE",
      isPupilPremium: pupil.isPupilPremium,
      isFsm: pupil.isFsm,
      schoolEmail: pupil.schoolEmail,
      leavingOn: dbDate(pupil.leavingOn),
      importedAt: now,
    })),
    select: { id: true, upn: true },
  });
  const byUpn = new Map(rows.map(({ pupil }) => [pupil.upn, pupil]));
  return inserted.map((row) => ({ id: row.id, values: byUpn.get(row.upn)! as Partial<PupilValues> }));
}

// The columns an import writes, with the SQL type of each array; a row's `changed` names the ones it sets.
const COLUMNS = [
  ["upn", "text"],
  ["admissionNumber", "text"],
  ["legalFirstName", "text"],
  ["legalLastName", "text"],
  ["preferredName", "text"],
  ["dateOfBirth", "date"],
  ["sex", '"Sex"'],
  ["cohortYear", "int"],
  ["tutorGroup", "text"],
  ["senStatus", '"SenStatus"'],
  ["isPupilPremium", "boolean"],
  ["isFsm", "boolean"],
  ["schoolEmail", "text"],
  ["leavingOn", "date"],
] as const satisfies readonly (readonly [keyof PupilValues, string])[];

/**
 * Every changed pupil in ONE statement: an array per column (not a query per pupil), and per row the
 * names of the columns it changes, so a field the file does not have keeps its stored value.
 */
async function updateChangedPupils(tx: Tx, schoolId: string, rows: PupilImportPlan["update"], now: Date) {
  if (rows.length === 0) return;
  const params: unknown[] = [schoolId, now, rows.map((r) => r.id), rows.map((r) => Object.keys(r.changes).join(","))];
  const sets: string[] = [];
  const arrays: string[] = ["$3::text[]", "$4::text[]"];
  const names: string[] = ["id", "changed"];
  for (const [column, type] of COLUMNS) {
    params.push(rows.map((r) => (column in r.changes ? (r.changes[column] ?? null) : null)));
    const n = params.length;
    arrays.push(type.startsWith('"') ? `$${n}::text[]` : `$${n}::${type}[]`);
    names.push(`v_${column}`);
    const value = type.startsWith('"') ? `u."v_${column}"::${type}` : `u."v_${column}"`;
    sets.push(`"${column}" = CASE WHEN '${column}' = ANY (string_to_array(u."changed", ',')) THEN ${value} ELSE s."${column}" END`);
  }
  // SEN status and hasSend are written together (ADR 025).
  sets.push(
    `"hasSend" = CASE WHEN 'senStatus' = ANY (string_to_array(u."changed", ',')) THEN u."v_senStatus" <> 'NONE' ELSE s."hasSend" END`,
  );
  sets.push(`"importedAt" = $2`);
  const sql = `UPDATE "Student" AS s SET ${sets.join(", ")}
    FROM unnest(${arrays.join(", ")}) AS u(${names.map((n) => `"${n}"`).join(", ")})
    WHERE s."schoolId" = $1 AND s."id" = u."id"`;
  const count = await tx.$executeRawUnsafe(sql, ...params);
  if (count !== rows.length) throw new Error(`Import updated ${count} pupils, expected ${rows.length}`);
}
