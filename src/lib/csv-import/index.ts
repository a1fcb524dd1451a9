export { decodeCsvBytes, decodeWindows1252, type CsvEncoding, type DecodedCsv } from "./decode";
export { mappingProblems, normaliseHeader, suggestMapping, type FieldSpec, type Mapping, type MappingProblem } from "./mapping";
export { readRows, type ReadRows, type RowError, type RowSpec } from "./rows";
export { readCsvTable, sniffDelimiter, type CsvRow, type CsvTable, type CsvTableResult } from "./table";
export { parseUkDate, parseYesNo, UK_DATE_EXAMPLE } from "./values";
