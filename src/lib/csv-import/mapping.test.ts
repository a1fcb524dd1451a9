import { describe, expect, it } from "vitest";
import { mappingProblems, normaliseHeader, suggestMapping, type FieldSpec } from "./mapping";

type Key = "upn" | "dob" | "first" | "email";
const FIELDS: FieldSpec<Key>[] = [
  { key: "upn", label: "UPN", aliases: ["Unique Pupil Number"], isRequired: true },
  { key: "dob", label: "Date of birth", aliases: ["DOB"], isRequired: false },
  { key: "first", label: "Legal first name", aliases: ["Legal Forename", "Forename"], isRequired: true },
  { key: "email", label: "School email", aliases: ["Email"], isRequired: false },
];

describe("normaliseHeader", () => {
  it.each([
    ["Date of Birth", "dateofbirth"],
    [" date_of_birth ", "dateofbirth"],
    ["D.O.B.", "dob"],
    ["Reg. Group", "reggroup"],
    ["Prénom", "prenom"],
    ["", ""],
  ])("%j → %j", (header, normalised) => {
    expect(normaliseHeader(header)).toBe(normalised);
  });
});

describe("suggestMapping", () => {
  it("finds fields by label or alias, whatever the case and punctuation", () => {
    expect(suggestMapping(["Legal Forename", "UPN", "D.O.B", "Notes"], FIELDS)).toEqual({ upn: 1, dob: 2, first: 0, email: null });
  });

  it("gives a column to one field only and takes the first match", () => {
    const fields: FieldSpec<"a" | "b">[] = [
      { key: "a", label: "Email", aliases: [], isRequired: false },
      { key: "b", label: "Pupil email", aliases: ["Email"], isRequired: false },
    ];
    expect(suggestMapping(["Email", "email"], fields)).toEqual({ a: 0, b: 1 });
    expect(suggestMapping(["Email"], fields)).toEqual({ a: 0, b: null });
  });

  it("never matches an empty column name", () => {
    expect(suggestMapping(["", "..."], FIELDS)).toEqual({ upn: null, dob: null, first: null, email: null });
  });
});

describe("mappingProblems", () => {
  it("accepts a mapping with every required field", () => {
    expect(mappingProblems({ upn: 0, dob: null, first: 1, email: null }, FIELDS, 2)).toEqual([]);
  });

  it("asks for each required field's column", () => {
    expect(mappingProblems({ upn: null, dob: 0, first: null, email: null }, FIELDS, 3)).toEqual([
      { field: "upn", message: "Choose the column that holds the UPN." },
      { field: "first", message: "Choose the column that holds the legal first name." },
    ]);
  });

  it("refuses a column chosen twice and one the file lacks", () => {
    expect(mappingProblems({ upn: 0, dob: 0, first: 5, email: -1 }, FIELDS, 3)).toEqual([
      { field: "dob", message: "That column is already chosen for the UPN." },
      { field: "first", message: "Choose one of the file's columns." },
      { field: "email", message: "Choose one of the file's columns." },
    ]);
  });
});
