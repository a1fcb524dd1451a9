import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeCsvBytes } from "./decode";
import { readCsvTable, sniffDelimiter } from "./table";

const fixtureText = (name: string) => decodeCsvBytes(new Uint8Array(readFileSync(path.join(__dirname, "fixtures", name)))).text;

describe("readCsvTable", () => {
  it("reads the SIMS-style fixture: BOM gone, a quoted line break kept, each row on the line it starts", () => {
    const table = readCsvTable(fixtureText("sims-utf8-bom.csv"), { maxRows: 100 });
    if (!table.ok) throw new Error(table.message);
    expect(table.headers[0]).toBe("UPN");
    expect(table.headers).toHaveLength(15);
    expect(table.rows.map((row) => row.line)).toEqual([2, 4, 5, 6, 7, 8, 9]);
    expect(table.rows[0]!.cells[14]).toBe("1 High Street\nLeeds");
    expect(table.rows[1]!.cells.slice(0, 4)).toEqual(["B123456789013", "001235", "Smith, Jr", "Ben"]);
  });

  it("sniffs semicolons (Bromcom) and tabs (Excel's Unicode text)", () => {
    const bromcom = readCsvTable(fixtureText("bromcom-windows-1252.csv"), { maxRows: 100 });
    expect(bromcom.ok && bromcom.rows[0]!.cells.slice(2, 4)).toEqual(["O’Brien", "Zoë"]);
    const excel = readCsvTable(fixtureText("excel-utf16.csv"), { maxRows: 100 });
    expect(excel.ok && excel.rows.map((row) => [row.line, row.cells[3]])).toEqual([
      [2, "Karim"],
      [3, "Żaneta"],
    ]);
  });

  it("counts lines the same for \\n, \\r\\n and \\r, and skips empty lines and rows of empty cells", () => {
    for (const eol of ["\n", "\r\n", "\r"]) {
      const text = ["a,b", "1,2", "", ",,", ' 3 , "x', 'y" ', "4,5"].join(eol);
      const table = readCsvTable(text, { maxRows: 10 });
      expect(table).toEqual({
        ok: true,
        headers: ["a", "b"],
        rows: [
          { line: 2, cells: ["1", "2"] },
          { line: 5, cells: ["3", "x\ny"] },
          { line: 7, cells: ["4", "5"] },
        ],
      });
    }
  });

  it("keeps rows with fewer or more cells than the header", () => {
    const table = readCsvTable("a,b,c\n1\n1,2,3,4\n", { maxRows: 10 });
    expect(table.ok && table.rows.map((row) => row.cells)).toEqual([["1"], ["1", "2", "3", "4"]]);
  });

  it("reads a stray quotation mark inside a cell as itself", () => {
    const table = readCsvTable('name,n\nO"Brien,1\n', { maxRows: 10 });
    expect(table.ok && table.rows[0]!.cells).toEqual(['O"Brien', "1"]);
  });

  it("says where a quoted cell is never closed", () => {
    expect(readCsvTable('a,b\n1,2\n"3,4\n5,6\n', { maxRows: 10 })).toEqual({
      ok: false,
      message: "A quoted cell starting on this line is never closed. Check its quotation marks.",
      line: 3,
    });
  });

  it("finds the unclosed cell after quoted cells with line breaks and escaped quotes", () => {
    expect(readCsvTable('a,b\n"x\ny",2\n"say ""hi""", "3\n4,5\n', { maxRows: 10 })).toMatchObject({ ok: false, line: 4 });
  });

  it("says which line has a quotation mark in the wrong place", () => {
    expect(readCsvTable('a,b\n1,2\n"3"x,4\n', { maxRows: 10 })).toEqual({
      ok: false,
      message: "A quotation mark is in the wrong place on this line. Check the quotation marks on it.",
      line: 3,
    });
  });

  it("refuses an empty file and a file with no rows", () => {
    expect(readCsvTable("", { maxRows: 10 })).toMatchObject({
      ok: false,
      message: "This file is empty. Choose the CSV file exported from your MIS.",
    });
    expect(readCsvTable("\n\n", { maxRows: 10 })).toMatchObject({ ok: false });
    expect(readCsvTable("a,b\n\n,\n", { maxRows: 10 })).toEqual({
      ok: false,
      message: "This file has column names but no rows under them.",
    });
  });

  it("refuses more rows than allowed, and takes exactly as many", () => {
    expect(readCsvTable("a\n1\n2\n3\n", { maxRows: 2 })).toEqual({
      ok: false,
      message: "This file has more than 2 rows. Split it into smaller files.",
    });
    expect(readCsvTable("a\n1\n2\n", { maxRows: 2 })).toMatchObject({ ok: true });
  });

  it("skips a row whose cells are all blank, spaces in quotes included", () => {
    // Found by the property below: a quoted space is as empty as nothing.
    expect(readCsvTable('h1,h2,h3\n" ","",""\n"","",""\n', { maxRows: 100 })).toMatchObject({ ok: false });
  });

  it("gives each row the line it starts on, for any table a spreadsheet could write", () => {
    const cellArb = fc.oneof(
      fc.constantFrom("", "x", "O’Brien", "a,b", 'say "hi"', "two\nlines", "three\r\nlines\nhere", " padded "),
      fc.string({ maxLength: 6 }),
    );
    const rowArb = fc.array(cellArb, { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 8 }),
        fc.constantFrom("\n", "\r\n"),
        fc.array(fc.nat(8), { maxLength: 3 }),
        (rows, eol, gaps) => {
          let text = stringify([["h1", "h2", "h3"]], { record_delimiter: eol });
          const expected: { line: number; cells: string[] }[] = [];
          rows.forEach((cells, i) => {
            // Empty lines between rows, as a hand-edited file has.
            if (gaps.includes(i)) text += eol;
            const lineNow = text.split(/\r\n|\r|\n/).length;
            const written = stringify([cells], { record_delimiter: eol, quoted: true });
            text += written;
            const kept = cells.map((cell) => cell.replace(/\r\n?/g, "\n"));
            if (kept.some((cell) => cell.trim() !== "")) expected.push({ line: lineNow, cells: kept });
          });
          const table = readCsvTable(text, { maxRows: 100 });
          if (expected.length === 0) return !table.ok;
          if (!table.ok) return false;
          expect(table.rows.map((row) => row.line)).toEqual(expected.map((row) => row.line));
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("sniffDelimiter", () => {
  it.each([
    ["a,b,c", ","],
    ["a;b;c", ";"],
    ["a\tb\tc", "\t"],
    ["a|b|c", "|"],
    ['"x;y;z",b', ","],
    ["single", ","],
    ["a;b\nc,d,e,f", ";"],
  ])("%j → %j", (text, delimiter) => {
    expect(sniffDelimiter(text)).toBe(delimiter);
  });
});
