import "server-only";
import { defineCommand } from "@/server/command";
import { NotFoundError, RuleError } from "@/server/errors";
import { mappingProblems, readCsvTable, suggestMapping, type Mapping } from "@/lib/csv-import";
import { findOwnDraft, readDraftTable } from "./drafts";
import { columnFieldName, IMPORT_DRAFT_HOURS, IMPORT_FIELDS, IMPORT_MAX_ROWS, type ImportKind } from "./kinds";
import { discardImportSchema, saveImportMappingSchema, uploadImportFileSchema } from "./schemas";

const ADMIN = ["ADMIN"] as const;

/**
 * Stores an uploaded file as a draft (plan §6): its text, already decoded by the action, and the
 * columns guessed from its header. Expired drafts of the school are cleared first, so files never
 * pile up. The file is read here once, so a file that is not a table is refused at once, by its line.
 */
export const uploadImportFile = defineCommand(
  { name: "uploadImportFile", schema: uploadImportFileSchema, allow: ADMIN, noEcho: ["fileText"] },
  async (input, { tx, actor, audit }) => {
    const table = readCsvTable(input.fileText, { maxRows: IMPORT_MAX_ROWS });
    if (!table.ok) {
      const message = table.line ? `Line ${table.line}: ${table.message}` : table.message;
      throw new RuleError(message, { file: [message] });
    }
    const now = new Date();
    await tx.importDraft.deleteMany({ where: { schoolId: actor.schoolId, expiresAt: { lte: now } } });
    const kind: ImportKind = input.kind;
    const mapping = suggestMapping(table.headers, IMPORT_FIELDS[kind]);
    const draft = await tx.importDraft.create({
      data: {
        schoolId: actor.schoolId,
        kind,
        fileName: input.fileName,
        fileSha256: input.sha256,
        encoding: input.encoding,
        text: input.fileText,
        mapping,
        createdById: actor.userId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + IMPORT_DRAFT_HOURS * 60 * 60 * 1000),
      },
      select: { id: true },
    });
    await audit({
      action: "import_draft.uploaded",
      recordType: "ImportDraft",
      recordId: draft.id,
      changes: { kind, fileName: input.fileName, fileSha256: input.sha256, encoding: input.encoding, rows: table.rows.length },
    });
    return { message: `Uploaded ${input.fileName}: ${table.rows.length.toLocaleString("en-GB")} rows.`, recordId: draft.id };
  },
);

/** Which column holds each field, and whether the file is the whole roll; refused field by field. */
export const saveImportMapping = defineCommand(
  { name: "saveImportMapping", schema: saveImportMappingSchema, allow: ADMIN },
  async (input, { tx, actor, audit }) => {
    const raw = input as Record<string, unknown>;
    const draft = await findOwnDraft(tx, actor, input.draftId);
    if (!draft) throw new NotFoundError("import draft");
    const read = readDraftTable(draft);
    if (!read.ok) throw new RuleError(read.message);
    const fields = IMPORT_FIELDS[draft.kind];
    const mapping: Mapping<string> = {};
    const fieldErrors: Record<string, string[]> = {};
    for (const field of fields) {
      const value = raw[columnFieldName(field.key)];
      const cell = typeof value === "string" ? value.trim() : "";
      if (cell === "") mapping[field.key] = null;
      else if (/^\d{1,4}$/.test(cell)) mapping[field.key] = Number(cell);
      else fieldErrors[columnFieldName(field.key)] = ["Choose one of the file's columns."];
    }
    for (const problem of mappingProblems(mapping, fields, read.table.headers.length))
      fieldErrors[columnFieldName(problem.field)] ??= [problem.message];
    if (Object.keys(fieldErrors).length > 0) throw new RuleError("Check the columns marked below.", fieldErrors);
    await tx.importDraft.update({
      where: { schoolId_id: { schoolId: actor.schoolId, id: draft.id } },
      data: { mapping, isWholeRoll: input.isWholeRoll },
    });
    await audit({
      action: "import_draft.mapped",
      recordType: "ImportDraft",
      recordId: draft.id,
      changes: { mapping, isWholeRoll: input.isWholeRoll },
    });
    return { message: "Saved. The preview below uses these columns.", recordId: draft.id };
  },
);

/** Throws an uploaded file away (the admin's own). */
export const discardImport = defineCommand(
  { name: "discardImport", schema: discardImportSchema, allow: ADMIN },
  async (input, { tx, actor, audit }) => {
    const deleted = await tx.importDraft.deleteMany({ where: { schoolId: actor.schoolId, id: input.draftId, createdById: actor.userId } });
    if (deleted.count === 0) throw new NotFoundError("import draft");
    await audit({ action: "import_draft.discarded", recordType: "ImportDraft", recordId: input.draftId });
    return { message: "Discarded the file. Nothing was imported." };
  },
);
