import "server-only";
import { db } from "@/server/db";
import type { Actor } from "@/server/actor";
import { notFoundFor, requireRoleForRead } from "@/server/security-events";
import { formatStaffDate, todayIn } from "@/lib/dates";
import { pupilFullName } from "@/lib/ranking";
import { PUPIL_FIELDS } from "@/lib/pupil-import/fields";
import type { PupilImportPlan, PupilValues } from "@/lib/pupil-import/plan";
import { findOwnDraft } from "@/features/imports/drafts";
import { planDraft } from "./load-plan";

const LABELS: Record<string, string> = { ...Object.fromEntries(PUPIL_FIELDS.map((f) => [f.key, f.label])), cohortYear: "Year group" };
const labelOf = (key: string | null) => (key === null ? null : (LABELS[key] ?? key));
/** The first rows of a long list are shown; the count says how many there are. */
const SHOWN = 200;

export type PupilImportPreview = Awaited<ReturnType<typeof getPupilImportPreview>>;

/**
 * An uploaded pupil file as the admin checks it before importing (plan §6): the file's columns and
 * which field each is read into, then what importing would do — new pupils, changes by field, those
 * who would leave and why, returners, every row error with its line, warnings — and the plan's
 * fingerprint, which the import checks. Another admin's draft, another school's or an expired one: 404.
 */
export async function getPupilImportPreview(actor: Actor, draftId: string) {
  await requireRoleForRead(actor, "ADMIN");
  const draft = await findOwnDraft(db, actor, draftId, "PUPILS");
  if (!draft) return notFoundFor(actor, "import draft", draftId);
  const today = todayIn(actor.timezone);
  const loaded = await planDraft(db, actor.schoolId, draft, today);
  const summary = {
    id: draft.id,
    fileName: draft.fileName,
    encoding: draft.encoding,
    isWholeRoll: draft.isWholeRoll,
    createdAt: draft.createdAt,
    expiresAt: draft.expiresAt,
  };
  if (!loaded.ok)
    return { draft: summary, fileProblem: { message: loaded.message, line: loaded.line ?? null }, columns: [], fields: [], preview: null };

  const { table, mapping, problems, plan, existing } = loaded;
  const columns = table.headers.map((header, index) => ({
    index,
    header: header || `Column ${index + 1}`,
    sample: table.rows[0]?.cells[index] ?? "",
  }));
  const fields = PUPIL_FIELDS.map((field) => ({
    key: field.key,
    label: field.label,
    isRequired: field.isRequired,
    column: mapping[field.key] ?? null,
    problem: problems.find((p) => p.field === field.key)?.message ?? null,
  }));
  return {
    draft: { ...summary, rowCount: table.rows.length },
    fileProblem: null,
    columns,
    fields,
    preview: plan ? previewOf(plan, existing, today) : null,
  };
}

function previewOf(
  plan: PupilImportPlan,
  existing: { id: string; preferredName: string | null; legalFirstName: string; legalLastName: string; upn: string }[],
  today: string,
) {
  const byId = new Map(existing.map((p) => [p.id, p]));
  const nameOf = (id: string) => {
    const pupil = byId.get(id);
    return pupil ? pupilFullName(pupil) : "A pupil";
  };
  const newName = (pupil: PupilValues) => pupilFullName(pupil);
  return {
    counts: {
      created: plan.create.length,
      changed: plan.update.length,
      unchanged: plan.unchanged,
      leaving: plan.leave.length,
      leavingNotInFile: plan.leave.filter((l) => l.why === "NOT_IN_FILE").length,
      rejoining: plan.rejoin.length,
      errors: plan.errors.length,
    },
    created: plan.create.slice(0, SHOWN).map((c) => ({ line: c.line, name: newName(c.pupil), upn: c.pupil.upn })),
    changed: plan.update
      .slice(0, SHOWN)
      .map((u) => ({ line: u.line, name: nameOf(u.id), fields: Object.keys(u.changes).map((k) => labelOf(k)!) })),
    leaving: plan.leave.slice(0, SHOWN).map((l) => ({
      name: nameOf(l.id),
      why: l.why === "LEAVING_DATE" ? `Leaving date ${formatStaffDate(l.on)} in the file` : "Not in this file, which is the whole roll",
      on: l.on,
    })),
    rejoining: plan.rejoin.slice(0, SHOWN).map((r) => ({ line: r.line, name: nameOf(r.id) })),
    // Every error, however many: the file is fixed from this list.
    errors: plan.errors.map((e) => ({ line: e.line, field: labelOf(e.field), message: e.message, cell: e.cell })),
    warnings: plan.warnings,
    fingerprint: plan.fingerprint,
    isEmpty: plan.create.length + plan.update.length + plan.leave.length + plan.rejoin.length === 0,
    today,
  };
}
