import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeCsvBytes, readCsvTable, readRows, suggestMapping } from "../csv-import";
import { importedPupilSchema, PUPIL_FIELDS } from "./fields";

const tableOf = (name: string) => {
  const bytes = new Uint8Array(readFileSync(path.join(__dirname, "../csv-import/fixtures", name)));
  const table = readCsvTable(decodeCsvBytes(bytes).text, { maxRows: 100 });
  if (!table.ok) throw new Error(table.message);
  return table;
};
const SPEC = { fields: PUPIL_FIELDS, schema: importedPupilSchema };
const messageOf = (cells: Record<string, string>) => {
  const result = importedPupilSchema.safeParse({
    upn: "A123456789012",
    legalFirstName: "Amy",
    legalLastName: "Ng",
    yearGroup: "9",
    tutorGroup: "9A",
    ...cells,
  });
  return result.success ? null : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("PUPIL_FIELDS", () => {
  it("recognises every column of the SIMS, Bromcom and Excel fixtures it should", () => {
    expect(suggestMapping(tableOf("sims-utf8-bom.csv").headers, PUPIL_FIELDS)).toEqual({
      upn: 0,
      admissionNumber: 1,
      legalLastName: 2,
      legalFirstName: 3,
      preferredName: 4,
      dateOfBirth: 5,
      sex: 6,
      yearGroup: 7,
      tutorGroup: 8,
      senStatus: 9,
      isPupilPremium: 10,
      isFsm: 11,
      schoolEmail: 12,
      leavingOn: 13,
    });
    expect(Object.values(suggestMapping(tableOf("bromcom-windows-1252.csv").headers, PUPIL_FIELDS)).filter((i) => i !== null)).toHaveLength(
      13,
    );
    expect(suggestMapping(tableOf("excel-utf16.csv").headers, PUPIL_FIELDS)).toMatchObject({
      upn: 0,
      admissionNumber: 1,
      dateOfBirth: 4,
      yearGroup: 5,
      tutorGroup: 6,
    });
  });
});

describe("importedPupilSchema", () => {
  it("reads the SIMS fixture: five good rows and two bad ones, each error with its line", () => {
    const table = tableOf("sims-utf8-bom.csv");
    const read = readRows(table, suggestMapping(table.headers, PUPIL_FIELDS), SPEC);
    expect(read.rows.map((row) => row.line)).toEqual([2, 4, 5, 6, 9]);
    expect(read.rows[0]!.value).toEqual({
      upn: "A123456789012",
      admissionNumber: "001234",
      legalLastName: "Patel",
      legalFirstName: "Amira",
      preferredName: "Ami",
      dateOfBirth: "2012-09-14",
      sex: "F",
      yearGroup: 9,
      tutorGroup: "9AB",
      senStatus: "NONE",
      isPupilPremium: true,
      isFsm: false,
      schoolEmail: "apatel@school.example",
      leavingOn: null,
    });
    // The same preferred name as the legal one is not kept; a blank SEN cell is N.
    expect(read.rows[1]!.value).toMatchObject({
      legalLastName: "Smith, Jr",
      preferredName: null,
      dateOfBirth: "2012-09-04",
      senStatus: "SUPPORT",
      isFsm: true,
    });
    expect(read.rows[2]!.value).toMatchObject({ upn: "C123456789015", senStatus: "NONE", yearGroup: 8 });
    expect(read.rows[3]!.value).toMatchObject({ upn: "D12345678901E", dateOfBirth: "2012-02-29", senStatus: "EHCP", isPupilPremium: true });
    expect(read.rows[4]!.value).toMatchObject({ dateOfBirth: "2012-05-03", leavingOn: "2026-07-20" });
    expect(read.errors).toEqual([
      { line: 7, field: "dateOfBirth", message: "Use day/month/year, like 14/09/2012.", cell: "09/14/2012" },
      { line: 8, field: "upn", message: "Enter a UPN of a letter, 11 digits and a digit or letter, like A123456789012.", cell: "F1234" },
      { line: 8, field: "yearGroup", message: "Use a year group from 7 to 13, like 9 or Year 9.", cell: "Year 3" },
    ]);
  });

  it("reads O’Brien and Zoë from the Windows-1252 fixture", () => {
    const table = tableOf("bromcom-windows-1252.csv");
    const read = readRows(table, suggestMapping(table.headers, PUPIL_FIELDS), SPEC);
    expect(read.errors).toEqual([]);
    expect(read.rows.map((row) => [row.value.legalFirstName, row.value.legalLastName, row.value.dateOfBirth, row.value.yearGroup])).toEqual(
      [
        ["Zoë", "O’Brien", "2011-03-02", 10],
        ["José", "Müller", "2011-06-30", 10],
      ],
    );
  });

  it("leaves out fields whose column the file lacks, so an import keeps what is stored", () => {
    const value = importedPupilSchema.parse({
      upn: " a123456789012 ",
      legalFirstName: "Amy",
      legalLastName: "Ng",
      yearGroup: "Y9",
      tutorGroup: "9A",
    });
    expect(value).toEqual({ upn: "A123456789012", legalFirstName: "Amy", legalLastName: "Ng", yearGroup: 9, tutorGroup: "9A" });
  });

  it.each([
    ["9", 9],
    ["09", 9],
    ["Y9", 9],
    ["Year 9", 9],
    ["year 13", 13],
    ["Yr 7", 7],
  ])("reads year %j as %d", (yearGroup, year) => {
    expect(
      importedPupilSchema.parse({ upn: "A123456789012", legalFirstName: "A", legalLastName: "B", yearGroup, tutorGroup: "9A" }).yearGroup,
    ).toBe(year);
  });

  it.each([
    [{ upn: "" }, "upn: Enter the pupil's UPN."],
    [{ upn: "A12345678901" }, "upn: Enter a UPN of a letter, 11 digits and a digit or letter, like A123456789012."],
    [{ upn: "1234567890123" }, "upn: Enter a UPN of a letter, 11 digits and a digit or letter, like A123456789012."],
    [{ legalFirstName: " " }, "legalFirstName: Enter the pupil's legal first name."],
    [{ legalLastName: "x".repeat(101) }, "legalLastName: Use at most 100 characters."],
    [{ yearGroup: "6" }, "yearGroup: Use a year group from 7 to 13, like 9 or Year 9."],
    [{ yearGroup: "" }, "yearGroup: Enter the pupil's year group, like 9 or Year 9."],
    [{ tutorGroup: "" }, "tutorGroup: Enter the pupil's tutor group."],
    [{ senStatus: "S" }, "senStatus: Use N (no SEN), K (SEN support) or E (EHC plan)."],
    [{ sex: "X" }, "sex: Use F or M, or leave the cell empty."],
    [{ isFsm: "maybe" }, "isFsm: Use Yes or No (or Y or N)."],
    [{ schoolEmail: "not an email" }, "schoolEmail: Enter an email address, like a.pupil@school.org.uk."],
    [{ dateOfBirth: "31/04/2012" }, "dateOfBirth: Enter a real date, like 14/09/2012."],
    [{ leavingOn: "07/31/2026" }, "leavingOn: Use day/month/year, like 14/09/2012."],
    [{ admissionNumber: "12 34" }, "admissionNumber: Enter an admission number of up to 20 letters and digits."],
    [{ legalFirstName: "Amy\u0000" }, "legalFirstName: Remove the line breaks and unusual invisible characters from this cell."],
  ])("gives one plain message for %j", (cells, message) => {
    expect(messageOf(cells)).toEqual([message]);
  });

  it("reads blank optional cells as nothing, no or N", () => {
    expect(
      importedPupilSchema.parse({
        upn: "A123456789012",
        legalFirstName: "A",
        legalLastName: "B",
        yearGroup: "9",
        tutorGroup: "9A",
        admissionNumber: "",
        preferredName: "",
        dateOfBirth: "",
        sex: "",
        senStatus: "",
        isPupilPremium: "",
        isFsm: "",
        schoolEmail: " ",
        leavingOn: "",
      }),
    ).toMatchObject({
      admissionNumber: null,
      preferredName: null,
      dateOfBirth: null,
      sex: null,
      senStatus: "NONE",
      isPupilPremium: false,
      isFsm: false,
      schoolEmail: null,
      leavingOn: null,
    });
  });
});
