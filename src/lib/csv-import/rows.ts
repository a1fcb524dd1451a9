import type { z } from "zod";
import type { FieldSpec, Mapping } from "./mapping";
import type { CsvTable } from "./table";

/** A row that could not be read: its line in the file, the field (null: the row as a whole) and what the cell held. */
export type RowError<K extends string> = { line: number; field: K | null; message: string; cell: string };

export type RowSpec<K extends string, T> = {
  fields: readonly FieldSpec<K>[];
  /** Reads one row's cells, keyed by field (a field with no column is undefined); one message per field. */
  schema: z.ZodType<T, Partial<Record<K, string>>>;
};

export type ReadRows<K extends string, T> = {
  rows: { line: number; value: T }[];
  errors: RowError<K>[];
  /** The cells of each row with an error, so a caller can still tell which record the row was about. */
  rejected: { line: number; cells: Partial<Record<K, string>> }[];
};

/** Every row of a table through the mapping and the row schema: the values, and every error with its line. */
export function readRows<K extends string, T>(table: CsvTable, mapping: Partial<Mapping<K>>, spec: RowSpec<K, T>): ReadRows<K, T> {
  const keys = new Set<string>(spec.fields.map((field) => field.key));
  const out: ReadRows<K, T> = { rows: [], errors: [], rejected: [] };
  for (const row of table.rows) {
    const cells: Partial<Record<K, string>> = {};
    for (const field of spec.fields) {
      const index = mapping[field.key];
      if (index !== null && index !== undefined) cells[field.key] = row.cells[index] ?? "";
    }
    const result = spec.schema.safeParse(cells);
    if (result.success) {
      out.rows.push({ line: row.line, value: result.data });
      continue;
    }
    out.rejected.push({ line: row.line, cells });
    const seen = new Set<string>();
    for (const issue of result.error.issues) {
      const head = issue.path[0];
      const field = typeof head === "string" && keys.has(head) ? (head as K) : null;
      const key = field ?? "";
      if (seen.has(key)) continue;
      seen.add(key);
      out.errors.push({ line: row.line, field, message: issue.message, cell: field === null ? "" : (cells[field] ?? "") });
    }
  }
  return out;
}
