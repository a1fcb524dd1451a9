import { parse } from "csv-parse/sync";

export type CsvRow = { line: number; cells: string[] };
export type CsvTable = { headers: string[]; rows: CsvRow[] };
export type CsvTableResult = ({ ok: true } & CsvTable) | { ok: false; message: string; line?: number };

const DELIMITERS = [",", ";", "\t", "|"] as const;

/** The delimiter used most often outside quotes on the first line (the header); a comma when none is. */
export function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>();
  let isQuoted = false;
  for (const char of text) {
    if (char === '"') isQuoted = !isQuoted;
    else if (!isQuoted && char === "\n") break;
    else if (!isQuoted && (DELIMITERS as readonly string[]).includes(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ",";
  for (const delimiter of DELIMITERS) if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

const countNewlines = (text: string) => {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
};

/** The line of the quoted cell a file ends inside (csv-parse reports the file's last line). */
function unclosedQuoteLine(text: string, delimiter: string): number | undefined {
  let line = 1;
  let openedOn: number | null = null;
  let isCellStart = true;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (openedOn !== null) {
      if (char === '"' && text[i + 1] === '"') i++;
      else if (char === '"') openedOn = null;
    } else if (char === '"' && isCellStart) {
      openedOn = line;
    }
    if (char === "\n") line++;
    if (openedOn === null) isCellStart = char === delimiter || char === "\n" || (isCellStart && (char === " " || char === "\t"));
  }
  return openedOn ?? undefined;
}

function problemFor(error: unknown, text: string, delimiter: string): { message: string; line?: number } {
  // csv-parse's errors carry a code and the line reached (its ESM and CommonJS builds have separate
  // CsvError classes, so `instanceof` is not a safe test).
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  if (!code.startsWith("CSV_") && !code.startsWith("INVALID_"))
    return { message: "This file could not be read as CSV. Save it from your MIS or spreadsheet as CSV and try again." };
  const lines = (error as { lines?: unknown }).lines;
  const line = typeof lines === "number" && lines > 0 ? lines : undefined;
  if (code === "CSV_QUOTE_NOT_CLOSED") {
    return {
      message: "A quoted cell starting on this line is never closed. Check its quotation marks.",
      line: unclosedQuoteLine(text, delimiter) ?? line,
    };
  }
  if (code === "CSV_INVALID_CLOSING_QUOTE" || code === "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE" || code === "INVALID_OPENING_QUOTE") {
    return { message: "A quotation mark is in the wrong place on this line. Check the quotation marks on it.", line };
  }
  return { message: "This part of the file could not be read as CSV. Check this line in a spreadsheet.", line };
}

const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === "");

/**
 * The header and rows of a CSV file's text. Each row keeps the line it starts on (the header is line
 * 1), so a row error points at the right line even after a cell with a line break in it. Rows of empty
 * cells (",,,,", which spreadsheets write) are left out like empty lines.
 */
export function readCsvTable(text: string, options: { maxRows: number }): CsvTableResult {
  // One kind of line break, so lines count the same whichever tool wrote the file. A line break inside
  // a quoted cell becomes "\n" too, which is what a cell with a line break means anyway.
  const normalised = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const delimiter = sniffDelimiter(normalised);
  let records: { record: string[]; raw: string; info: { lines: number } }[];
  try {
    records = parse(normalised, {
      delimiter,
      record_delimiter: "\n",
      info: true,
      raw: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
      // One more than the header and the rows allowed, to tell "too many" from "just enough".
      to: options.maxRows + 2,
    }) as unknown as typeof records;
  } catch (error) {
    return { ok: false, ...problemFor(error, normalised, delimiter) };
  }

  const rows: CsvRow[] = [];
  let headers: string[] | null = null;
  for (const { record, raw, info } of records) {
    // `info.lines` is the line a record ends on; `raw` holds the empty lines skipped before it and the
    // line break after it, and otherwise only the line breaks inside its quoted cells.
    const ownText = raw.replace(/^(?:[ \t]*\n)+/, "").replace(/\n$/, "");
    const line = info.lines - countNewlines(ownText);
    if (isBlank(record)) continue;
    if (headers === null) {
      headers = record;
      continue;
    }
    rows.push({ line, cells: record });
  }
  if (headers === null) return { ok: false, message: "This file is empty. Choose the CSV file exported from your MIS." };
  if (rows.length === 0) return { ok: false, message: "This file has column names but no rows under them." };
  if (rows.length > options.maxRows) {
    return { ok: false, message: `This file has more than ${options.maxRows.toLocaleString("en-GB")} rows. Split it into smaller files.` };
  }
  return { ok: true, headers, rows };
}
