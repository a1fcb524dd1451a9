import "server-only";
import type { Db, Tx } from "@/server/db";
import { readRows, type CsvTable, type Mapping, type MappingProblem, type ReadRows } from "@/lib/csv-import";
import { fromDbDate, type IsoDate } from "@/lib/dates";
import { importedPupilSchema, PUPIL_FIELDS, type ImportedPupil, type PupilField } from "@/lib/pupil-import/fields";
import { planPupilImport, type ExistingPupil, type PupilImportPlan } from "@/lib/pupil-import/plan";
import { readDraftTable, type ImportDraftRow } from "@/features/imports/drafts";

/** Every pupil of the school as the import compares them (left and alumni too: they may come back). */
export async function loadExistingPupils(client: Db | Tx, schoolId: string): Promise<ExistingPupil[]> {
  const rows = await client.student.findMany({
    where: { schoolId },
    select: {
      id: true,
      upn: true,
      admissionNumber: true,
      legalFirstName: true,
      legalLastName: true,
      preferredName: true,
      dateOfBirth: true,
      sex: true,
      cohortYear: true,
      tutorGroup: true,
      senStatus: true,
      isPupilPremium: true,
      isFsm: true,
      schoolEmail: true,
      leavingOn: true,
      status: true,
    },
    orderBy: { id: "asc" },
  });
  return rows.map((row) => ({
    ...row,
    dateOfBirth: row.dateOfBirth ? fromDbDate(row.dateOfBirth) : null,
    leavingOn: row.leavingOn ? fromDbDate(row.leavingOn) : null,
  }));
}

export type LoadedPlan =
  | { ok: false; message: string; line?: number }
  | {
      ok: true;
      table: CsvTable;
      mapping: Mapping<string>;
      problems: MappingProblem<string>[];
      /** Null while the mapping has problems. */
      read: ReadRows<PupilField, ImportedPupil> | null;
      existing: ExistingPupil[];
      plan: PupilImportPlan | null;
    };

/** The draft's file read with its mapping and planned against the school's pupils as they are now. */
export async function planDraft(client: Db | Tx, schoolId: string, draft: ImportDraftRow, today: IsoDate): Promise<LoadedPlan> {
  const table = readDraftTable(draft);
  if (!table.ok) return table;
  const existing = await loadExistingPupils(client, schoolId);
  if (table.problems.length > 0) return { ...table, read: null, existing, plan: null };
  const read = readRows(table.table, table.mapping as Mapping<PupilField>, { fields: PUPIL_FIELDS, schema: importedPupilSchema });
  const plan = planPupilImport(read, existing, { isWholeRoll: draft.isWholeRoll, today, yearGroupsAsOf: today });
  return { ...table, read, existing, plan };
}
