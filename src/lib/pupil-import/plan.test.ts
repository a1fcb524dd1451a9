import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeCsvBytes, readCsvTable, readRows, suggestMapping } from "../csv-import";
import { importedPupilSchema, PUPIL_FIELDS, type ImportedPupil } from "./fields";
import { planPupilImport, type ExistingPupil } from "./plan";

const TODAY = "2026-11-20";
const OPTIONS = { isWholeRoll: false, today: TODAY, yearGroupsAsOf: TODAY };
const SPEC = { fields: PUPIL_FIELDS, schema: importedPupilSchema };

function readFixture(name: string) {
  const bytes = new Uint8Array(readFileSync(path.join(__dirname, "../csv-import/fixtures", name)));
  const table = readCsvTable(decodeCsvBytes(bytes).text, { maxRows: 100 });
  if (!table.ok) throw new Error(table.message);
  return readRows(table, suggestMapping(table.headers, PUPIL_FIELDS), SPEC);
}

const pupil = (id: string, fields: Partial<ExistingPupil> = {}): ExistingPupil => ({
  id,
  upn: "Z000000000000",
  admissionNumber: null,
  legalFirstName: "Pat",
  legalLastName: "Doe",
  preferredName: null,
  dateOfBirth: null,
  sex: null,
  cohortYear: 2024,
  tutorGroup: "9AB",
  senStatus: "NONE",
  isPupilPremium: false,
  isFsm: false,
  schoolEmail: null,
  leavingOn: null,
  status: "ON_ROLL",
  ...fields,
});

const rowsOf = (...values: (Partial<ImportedPupil> & { upn: string })[]) => ({
  rows: values.map((value, i) => ({
    line: i + 2,
    value: { legalFirstName: "Pat", legalLastName: "Doe", yearGroup: 9, tutorGroup: "9AB", ...value },
  })),
  errors: [],
  rejected: [],
});

// The SIMS fixture's pupils as stored before this import.
const AMIRA = pupil("amira", {
  upn: "A123456789012",
  admissionNumber: "001234",
  legalFirstName: "Amira",
  legalLastName: "Patel",
  preferredName: "Ami",
  dateOfBirth: "2012-09-14",
  sex: "F",
  isPupilPremium: true,
  schoolEmail: "apatel@school.example",
});
// Chloe had a temporary UPN; Excel dropped her admission number's leading zeros in a past import.
const CHLOE = pupil("chloe", {
  upn: "C12345678901X",
  admissionNumber: "1236",
  legalFirstName: "Chloe",
  legalLastName: "Ng",
  dateOfBirth: "2013-02-01",
  sex: "F",
  cohortYear: 2025,
  tutorGroup: "8CD",
});
const GRACE = pupil("grace", {
  upn: "G123456789017",
  admissionNumber: "001240",
  legalFirstName: "Grace",
  legalLastName: "Evans",
  tutorGroup: "9EF",
});
const OLD = pupil("old", { upn: "Y123456789012" });

describe("planPupilImport on the SIMS fixture", () => {
  const plan = planPupilImport(readFixture("sims-utf8-bom.csv"), [AMIRA, CHLOE, GRACE, OLD], OPTIONS);

  it("keeps the two bad rows as errors with their lines", () => {
    expect(plan.errors.map((error) => [error.line, error.field])).toEqual([
      [7, "dateOfBirth"],
      [8, "upn"],
      [8, "yearGroup"],
    ]);
  });

  it("counts Amira, whose row matches what is stored, as unchanged", () => {
    expect(plan.unchanged).toBe(1);
    expect(plan.update.find((u) => u.id === "amira")).toBeUndefined();
  });

  it("replaces Chloe's temporary UPN, matched on her admission number, and nothing else", () => {
    expect(plan.update).toContainEqual({ id: "chloe", line: 5, changes: { upn: "C123456789015" } });
    expect(plan.warnings).toEqual([]);
  });

  it("adds Ben and David with the cohort of their year group", () => {
    expect(plan.create.map((c) => [c.line, c.pupil.legalFirstName, c.pupil.cohortYear, c.pupil.upn])).toEqual([
      [4, "Ben", 2024, "B123456789013"],
      [6, "David", 2024, "D12345678901E"],
    ]);
    expect(plan.create[1]!.pupil).toMatchObject({
      preferredName: "Dave",
      senStatus: "EHCP",
      isPupilPremium: true,
      admissionNumber: "001237",
    });
  });

  it("marks Grace as leaving on her leaving date, and nobody else since it is not the whole roll", () => {
    expect(plan.leave).toEqual([{ id: "grace", why: "LEAVING_DATE", on: "2026-07-20" }]);
    expect(plan.update).toContainEqual({ id: "grace", line: 9, changes: { dateOfBirth: "2012-05-03", sex: "F", leavingOn: "2026-07-20" } });
  });

  it("is the same plan, fingerprint and all, when worked out again", () => {
    expect(planPupilImport(readFixture("sims-utf8-bom.csv"), [AMIRA, CHLOE, GRACE, OLD], OPTIONS)).toEqual(plan);
  });
});

describe("planPupilImport", () => {
  it("marks pupils missing from the file as left only when it is the whole roll, never those on a bad row", () => {
    const read = { ...rowsOf({ upn: "A123456789012" }), rejected: [{ line: 3, cells: { upn: "b123456789012", yearGroup: "Year 3" } }] };
    const existing = [
      pupil("a", { upn: "A123456789012" }),
      pupil("b", { upn: "B123456789012" }),
      pupil("c", { upn: "C123456789012" }),
      pupil("d", { upn: "D123456789012", status: "LEFT" }),
    ];
    expect(planPupilImport(read, existing, OPTIONS).leave).toEqual([]);
    expect(planPupilImport(read, existing, { ...OPTIONS, isWholeRoll: true }).leave).toEqual([{ id: "c", why: "NOT_IN_FILE", on: TODAY }]);
  });

  it("refuses a UPN or an admission number twice in the file, on every line holding it", () => {
    const plan = planPupilImport(
      rowsOf(
        { upn: "A123456789012" },
        { upn: "A123456789012" },
        { upn: "B123456789012", admissionNumber: "0042" },
        { upn: "C123456789012", admissionNumber: "42" },
      ),
      [],
      OPTIONS,
    );
    expect(plan.errors.map((e) => [e.line, e.field, e.message])).toEqual([
      [2, "upn", "This UPN is also on line 3."],
      [3, "upn", "This UPN is also on line 2."],
      [4, "admissionNumber", "This admission number is also on line 5."],
      [5, "admissionNumber", "This admission number is also on line 4."],
    ]);
    expect(plan.create).toEqual([]);
  });

  it("refuses a UPN and an admission number that name two different pupils (a new UPN another pupil holds)", () => {
    const existing = [
      pupil("p", { upn: "P12345678901X", admissionNumber: "100" }),
      pupil("q", { upn: "Q123456789012", admissionNumber: "200" }),
    ];
    const plan = planPupilImport(rowsOf({ upn: "Q123456789012", admissionNumber: "100" }), existing, OPTIONS);
    expect(plan.errors).toEqual([
      {
        line: 2,
        field: "admissionNumber",
        message: "This UPN and this admission number belong to two different pupils already here. Check both.",
        cell: "100",
      },
    ]);
    expect(plan.update).toEqual([]);
  });

  it("refuses two rows that match the same pupil, one on UPN and one on admission number", () => {
    const existing = [pupil("p", { upn: "P123456789012", admissionNumber: "100" })];
    const plan = planPupilImport(rowsOf({ upn: "P123456789012" }, { upn: "R123456789012", admissionNumber: "100" }), existing, OPTIONS);
    expect(plan.errors.map((e) => [e.line, e.message])).toEqual([
      [3, "This row and line 2 are the same pupil. Check their UPNs and admission numbers."],
    ]);
  });

  it("warns when a permanent UPN changes", () => {
    const plan = planPupilImport(
      rowsOf({ upn: "R123456789012", admissionNumber: "100" }),
      [pupil("p", { upn: "P123456789012", admissionNumber: "100" })],
      OPTIONS,
    );
    expect(plan.update).toEqual([{ id: "p", line: 2, changes: { upn: "R123456789012" } }]);
    expect(plan.warnings).toEqual([
      { line: 2, message: "The UPN changes from P123456789012, which was not a temporary one. Check this is the same pupil." },
    ]);
  });

  it("leaves alone every field whose column the file does not have", () => {
    const stored = pupil("p", {
      upn: "P123456789012",
      senStatus: "EHCP",
      isFsm: true,
      schoolEmail: "p@school.example",
      dateOfBirth: "2012-01-01",
    });
    const plan = planPupilImport(rowsOf({ upn: "P123456789012" }), [stored], OPTIONS);
    expect(plan.update).toEqual([]);
    expect(plan.unchanged).toBe(1);
  });

  it("brings back a pupil who had left, and does not add a new pupil who has already left", () => {
    const plan = planPupilImport(
      rowsOf({ upn: "P123456789012", leavingOn: null }, { upn: "N123456789012", leavingOn: "2026-07-20" }),
      [pupil("p", { upn: "P123456789012", status: "ALUMNI" })],
      OPTIONS,
    );
    expect(plan.rejoin).toEqual([{ id: "p", line: 2 }]);
    expect(plan.create).toEqual([]);
    expect(plan.warnings).toEqual([{ line: 3, message: "This pupil left before today and is not here already, so they are not added." }]);
  });

  it("keeps a future leaving date without marking the pupil left", () => {
    const plan = planPupilImport(
      rowsOf({ upn: "P123456789012", leavingOn: "2027-07-20" }),
      [pupil("p", { upn: "P123456789012" })],
      OPTIONS,
    );
    expect(plan.leave).toEqual([]);
    expect(plan.update).toEqual([{ id: "p", line: 2, changes: { leavingOn: "2027-07-20" } }]);
  });

  it("derives the cohort from the day the year groups are for, and warns when most pupils would move year", () => {
    const existing = Array.from({ length: 10 }, (_, i) => pupil(`p${i}`, { upn: `P${String(i).padStart(11, "0")}1`, cohortYear: 2024 }));
    const file = rowsOf(...existing.map((p) => ({ upn: p.upn, yearGroup: 10 })));
    const afterMisRollover = planPupilImport(file, existing, OPTIONS);
    expect(afterMisRollover.update).toHaveLength(10);
    expect(afterMisRollover.update[0]!.changes).toEqual({ cohortYear: 2023 });
    expect(afterMisRollover.warnings.map((w) => w.message)).toEqual([
      "10 of 10 pupils would move year group. If the file was exported after your MIS moved pupils up a year, say which day its year groups are for.",
    ]);
    // The same file read as of next September: they are Year 10 then, so nothing changes.
    const asOfSeptember = planPupilImport(file, existing, { ...OPTIONS, yearGroupsAsOf: "2027-09-01" });
    expect(asOfSeptember.update).toEqual([]);
    expect(asOfSeptember.warnings).toEqual([]);
  });

  it("has a fingerprint that changes when what the plan would do changes", () => {
    const existing = [pupil("p", { upn: "P123456789012" })];
    const a = planPupilImport(rowsOf({ upn: "P123456789012", tutorGroup: "9X" }), existing, OPTIONS);
    const b = planPupilImport(rowsOf({ upn: "P123456789012", tutorGroup: "9Y" }), existing, OPTIONS);
    const same = planPupilImport(rowsOf({ upn: "P123456789012", tutorGroup: "9X" }), existing, OPTIONS);
    expect(a.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(a.fingerprint).not.toBe(b.fingerprint);
    expect(a.fingerprint).toBe(same.fingerprint);
    // After the import is written, the same file plans nothing.
    const after = planPupilImport(rowsOf({ upn: "P123456789012", tutorGroup: "9X" }), [{ ...existing[0]!, tutorGroup: "9X" }], OPTIONS);
    expect(after).toMatchObject({ create: [], update: [], leave: [], rejoin: [], unchanged: 1 });
  });
});
