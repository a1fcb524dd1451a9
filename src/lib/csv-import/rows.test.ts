import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import "../schema-helpers";
import { suggestMapping, type FieldSpec } from "./mapping";
import { readRows, type RowSpec } from "./rows";
import { readCsvTable } from "./table";
import { parseUkDate } from "./values";

type Key = "name" | "born" | "note";
const FIELDS: FieldSpec<Key>[] = [
  { key: "name", label: "Name", aliases: [], isRequired: true },
  { key: "born", label: "Born", aliases: ["DOB"], isRequired: true },
  { key: "note", label: "Note", aliases: [], isRequired: false },
];
const dateCell = z.string({ error: "Enter a date." }).transform((cell, ctx) => {
  const result = parseUkDate(cell);
  if ("error" in result) {
    ctx.addIssue({ code: "custom", message: result.error });
    return z.NEVER;
  }
  return result.day;
});
const SPEC: RowSpec<Key, { name: string; born: string; note?: string }> = {
  fields: FIELDS,
  schema: z
    .object({
      name: z.string({ error: "Enter a name." }).min(1, { error: "Enter a name." }),
      born: dateCell,
      note: z.string().optional(),
    })
    .refine((row) => row.name !== "Nobody", { error: "This row is about nobody." }),
};

const tableOf = (text: string) => {
  const table = readCsvTable(text, { maxRows: 100 });
  if (!table.ok) throw new Error(table.message);
  return table;
};

describe("readRows", () => {
  it("reads each row through the mapping, keeping its line", () => {
    const table = tableOf('Note,DOB,Name\nhi,14/09/2012,Amy\n,"1/2/2013","Ben\nB"\n');
    const mapping = suggestMapping(table.headers, FIELDS);
    expect(readRows(table, mapping, SPEC)).toEqual({
      rows: [
        { line: 2, value: { name: "Amy", born: "2012-09-14", note: "hi" } },
        { line: 3, value: { name: "Ben\nB", born: "2013-02-01", note: "" } },
      ],
      errors: [],
      rejected: [],
    });
  });

  it("leaves a field with no column undefined and reads a missing cell as empty", () => {
    const table = tableOf("Name,DOB\nAmy\n");
    const result = readRows(table, { name: 0, born: 1, note: null }, SPEC);
    expect(result.errors).toEqual([{ line: 2, field: "born", message: "Enter a real date, like 14/09/2012.", cell: "" }]);
    expect(result.rejected).toEqual([{ line: 2, cells: { name: "Amy", born: "" } }]);
  });

  it("gives one error per field, with the cell, and row-wide errors without a field", () => {
    const table = tableOf("Name,DOB\n,09/14/2012\nNobody,1/1/2012\nAmy,1/1/2012\n");
    const result = readRows(table, { name: 0, born: 1, note: null }, SPEC);
    expect(result.errors).toEqual([
      { line: 2, field: "name", message: "Enter a name.", cell: "" },
      { line: 2, field: "born", message: "Use day/month/year, like 14/09/2012.", cell: "09/14/2012" },
      { line: 3, field: null, message: "This row is about nobody.", cell: "" },
    ]);
    expect(result.rows.map((row) => row.line)).toEqual([4]);
  });

  it("never throws on arbitrary text", () => {
    const textArb = fc.oneof(
      fc.string({ unit: "binary", maxLength: 300 }),
      fc
        .array(
          fc.oneof(
            fc.constantFrom(",", ";", "\t", '"', "\n", "\r", "\r\n", "Name", "DOB", "14/09/2012", " ", "\uFEFF", "\u0000"),
            fc.string(),
          ),
          {
            maxLength: 60,
          },
        )
        .map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(textArb, (text) => {
        const table = readCsvTable(text, { maxRows: 50 });
        if (!table.ok) return typeof table.message === "string";
        const result = readRows(table, suggestMapping(table.headers, FIELDS), SPEC);
        return result.rows.length + result.rejected.length === table.rows.length;
      }),
      { numRuns: 1000 },
    );
  });
});
