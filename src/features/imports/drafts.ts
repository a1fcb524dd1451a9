import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Db, Tx } from "@/server/db";
import type { Actor } from "@/server/actor";
import { mappingProblems, readCsvTable, type CsvTable, type Mapping, type MappingProblem } from "@/lib/csv-import";
import { IMPORT_FIELDS, IMPORT_MAX_ROWS, type ImportKind } from "./kinds";

export type ImportDraftRow = {
  id: string;
  kind: ImportKind;
  fileName: string;
  fileSha256: string;
  encoding: string;
  text: string;
  mapping: Mapping<string>;
  isWholeRoll: boolean;
  createdAt: Date;
  expiresAt: Date;
};

/**
 * A draft is its uploader's alone, in their school, until it expires: anyone else's id, another
 * school's or an expired one is "not found". `lock` takes the row for the change that follows.
 */
export async function findOwnDraft(
  client: Db | Tx,
  actor: Actor,
  draftId: string,
  kind?: ImportKind,
  now = new Date(),
): Promise<ImportDraftRow | null> {
  const draft = await client.importDraft.findFirst({
    where: { schoolId: actor.schoolId, id: draftId, ...(kind ? { kind } : {}), createdById: actor.userId, expiresAt: { gt: now } },
    select: {
      id: true,
      kind: true,
      fileName: true,
      fileSha256: true,
      encoding: true,
      text: true,
      mapping: true,
      isWholeRoll: true,
      createdAt: true,
      expiresAt: true,
    },
  });
  return draft ? { ...draft, mapping: mappingFromJson(draft.mapping) } : null;
}

/** A stored mapping, keeping only column indexes (the JSON column could hold anything). */
export function mappingFromJson(json: Prisma.JsonValue): Mapping<string> {
  const out: Mapping<string> = {};
  if (json && typeof json === "object" && !Array.isArray(json)) {
    for (const [key, value] of Object.entries(json)) out[key] = typeof value === "number" && Number.isInteger(value) ? value : null;
  }
  return out;
}

export type DraftTable =
  | { ok: true; table: CsvTable; mapping: Mapping<string>; problems: MappingProblem<string>[] }
  | { ok: false; message: string; line?: number };

/** The draft's table read again, and what stops its mapping being used. */
export function readDraftTable(draft: ImportDraftRow): DraftTable {
  const table = readCsvTable(draft.text, { maxRows: IMPORT_MAX_ROWS });
  if (!table.ok) return table;
  const fields = IMPORT_FIELDS[draft.kind];
  const mapping: Mapping<string> = {};
  for (const field of fields) mapping[field.key] = draft.mapping[field.key] ?? null;
  return { ok: true, table, mapping, problems: mappingProblems(mapping, fields, table.headers.length) };
}
