import { createHash } from "node:crypto";
import type { ReadRows, RowError } from "../csv-import/rows";
import type { IsoDate } from "../dates";
import { cohortForYearGroup } from "../year-group";
import type { ImportedPupil, PupilField, SenStatus, Sex } from "./fields";

/** What an import compares a row with: a pupil as stored, in plain values (no Prisma types). */
export type ExistingPupil = {
  id: string;
  upn: string;
  admissionNumber: string | null;
  legalFirstName: string;
  legalLastName: string;
  preferredName: string | null;
  dateOfBirth: IsoDate | null;
  sex: Sex | null;
  cohortYear: number;
  tutorGroup: string;
  senStatus: SenStatus;
  isPupilPremium: boolean;
  isFsm: boolean;
  schoolEmail: string | null;
  leavingOn: IsoDate | null;
  status: "ON_ROLL" | "LEFT" | "ALUMNI";
};

/** The stored values an import writes. */
export type PupilValues = Omit<ExistingPupil, "id" | "status">;
export type PupilChanges = Partial<PupilValues>;

export type PupilImportPlan = {
  create: { line: number; pupil: PupilValues }[];
  update: { id: string; line: number; changes: PupilChanges }[];
  unchanged: number;
  leave: { id: string; why: "LEAVING_DATE" | "NOT_IN_FILE"; on: IsoDate }[];
  rejoin: { id: string; line: number }[];
  errors: RowError<PupilField>[];
  warnings: { line: number | null; message: string }[];
  fingerprint: string;
};

export type PupilImportOptions = {
  isWholeRoll: boolean;
  today: IsoDate;
  /** The day the file's year groups are true on: today, unless the file was exported earlier. */
  yearGroupsAsOf: IsoDate;
};

// Excel drops an admission number's leading zeros when a file passes through it: 001234 and 1234 are one pupil.
const admissionKey = (value: string) => value.toUpperCase().replace(/^0+(?=.)/, "");
const upnKey = (value: string) => value.replace(/\s+/g, "").toUpperCase();
// A temporary UPN ends in a letter; a permanent one in a digit.
const isTemporaryUpn = (upn: string) => /[A-Z]$/.test(upn);

const COMPARED: (keyof PupilValues)[] = [
  "upn",
  "admissionNumber",
  "legalFirstName",
  "legalLastName",
  "preferredName",
  "dateOfBirth",
  "sex",
  "cohortYear",
  "tutorGroup",
  "senStatus",
  "isPupilPremium",
  "isFsm",
  "schoolEmail",
  "leavingOn",
];

function valuesOf(row: ImportedPupil, yearGroupsAsOf: IsoDate): Partial<PupilValues> {
  const { yearGroup, ...rest } = row;
  return { ...rest, cohortYear: cohortForYearGroup(yearGroup, yearGroupsAsOf) };
}

function changesFor(pupil: ExistingPupil, values: Partial<PupilValues>): PupilChanges {
  const changes: Record<string, unknown> = {};
  for (const key of COMPARED) {
    const value = values[key];
    if (value === undefined || value === pupil[key]) continue;
    if (
      key === "admissionNumber" &&
      value !== null &&
      pupil.admissionNumber !== null &&
      admissionKey(value as string) === admissionKey(pupil.admissionNumber)
    )
      continue;
    changes[key] = value;
  }
  return changes as PupilChanges;
}

const newPupil = (
  values: Partial<PupilValues> & Pick<PupilValues, "upn" | "legalFirstName" | "legalLastName" | "cohortYear" | "tutorGroup">,
): PupilValues => ({
  admissionNumber: null,
  preferredName: null,
  dateOfBirth: null,
  sex: null,
  senStatus: "NONE",
  isPupilPremium: false,
  isFsm: false,
  schoolEmail: null,
  leavingOn: null,
  ...values,
});

/**
 * What importing a file would do, worked out without writing: new pupils, changes, leavers and
 * returners, every row error with its line, and a fingerprint the commit checks so it does exactly
 * what the admin saw. Rows match pupils on UPN, else on admission number (a temporary UPN is replaced
 * by a permanent one). Pupils missing from the file leave only when it is the whole roll.
 */
export function planPupilImport(
  read: ReadRows<PupilField, ImportedPupil>,
  existing: readonly ExistingPupil[],
  options: PupilImportOptions,
): PupilImportPlan {
  const byUpn = new Map(existing.map((pupil) => [upnKey(pupil.upn), pupil]));
  const byAdmission = new Map<string, ExistingPupil>();
  for (const pupil of existing)
    if (pupil.admissionNumber !== null && !byAdmission.has(admissionKey(pupil.admissionNumber)))
      byAdmission.set(admissionKey(pupil.admissionNumber), pupil);

  const errors: RowError<PupilField>[] = [...read.errors];
  const warnings: PupilImportPlan["warnings"] = [];
  const seen = new Set<string>();
  // Rows with errors still name a pupil: they are not "missing from the file".
  for (const { cells } of read.rejected) {
    const matched =
      (cells.upn && byUpn.get(upnKey(cells.upn))) || (cells.admissionNumber && byAdmission.get(admissionKey(cells.admissionNumber.trim())));
    if (matched) seen.add(matched.id);
  }

  // A UPN or admission number twice in the file: every line holding it is an error.
  const linesByUpn = new Map<string, number[]>();
  const linesByAdmission = new Map<string, number[]>();
  for (const { line, value } of read.rows) {
    linesByUpn.set(value.upn, [...(linesByUpn.get(value.upn) ?? []), line]);
    if (value.admissionNumber) {
      const key = admissionKey(value.admissionNumber);
      linesByAdmission.set(key, [...(linesByAdmission.get(key) ?? []), line]);
    }
  }
  const otherLines = (lines: number[], line: number) => lines.filter((l) => l !== line).join(", ");

  const create: PupilImportPlan["create"] = [];
  const update: PupilImportPlan["update"] = [];
  const leave: PupilImportPlan["leave"] = [];
  const rejoin: PupilImportPlan["rejoin"] = [];
  const matchedOn = new Map<string, number>();
  let unchanged = 0;
  let cohortChecked = 0;
  let cohortChanged = 0;

  for (const { line, value } of read.rows) {
    const upnLines = linesByUpn.get(value.upn)!;
    if (upnLines.length > 1) {
      errors.push({ line, field: "upn", message: `This UPN is also on line ${otherLines(upnLines, line)}.`, cell: value.upn });
      continue;
    }
    const admissionLines = value.admissionNumber ? linesByAdmission.get(admissionKey(value.admissionNumber))! : [];
    if (admissionLines.length > 1) {
      errors.push({
        line,
        field: "admissionNumber",
        message: `This admission number is also on line ${otherLines(admissionLines, line)}.`,
        cell: value.admissionNumber ?? "",
      });
      continue;
    }
    const onUpn = byUpn.get(value.upn);
    const onAdmission = value.admissionNumber ? byAdmission.get(admissionKey(value.admissionNumber)) : undefined;
    if (onUpn && onAdmission && onUpn.id !== onAdmission.id) {
      errors.push({
        line,
        field:
          onUpn.admissionNumber === null || admissionKey(onUpn.admissionNumber) !== admissionKey(value.admissionNumber!)
            ? "admissionNumber"
            : "upn",
        message: "This UPN and this admission number belong to two different pupils already here. Check both.",
        cell: value.admissionNumber ?? "",
      });
      continue;
    }
    const pupil = onUpn ?? onAdmission;
    const values = valuesOf(value, options.yearGroupsAsOf);
    const hasLeft = value.leavingOn !== undefined && value.leavingOn !== null && value.leavingOn < options.today;

    if (!pupil) {
      if (hasLeft) {
        warnings.push({ line, message: "This pupil left before today and is not here already, so they are not added." });
        continue;
      }
      create.push({
        line,
        pupil: newPupil({
          ...values,
          upn: value.upn,
          legalFirstName: value.legalFirstName,
          legalLastName: value.legalLastName,
          cohortYear: values.cohortYear!,
          tutorGroup: value.tutorGroup,
        }),
      });
      continue;
    }

    const earlierLine = matchedOn.get(pupil.id);
    if (earlierLine !== undefined) {
      errors.push({
        line,
        field: null,
        message: `This row and line ${earlierLine} are the same pupil. Check their UPNs and admission numbers.`,
        cell: "",
      });
      continue;
    }
    matchedOn.set(pupil.id, line);
    seen.add(pupil.id);

    if (!onUpn && !isTemporaryUpn(pupil.upn)) {
      warnings.push({ line, message: `The UPN changes from ${pupil.upn}, which was not a temporary one. Check this is the same pupil.` });
    }
    const changes = changesFor(pupil, values);
    if (pupil.status === "ON_ROLL") {
      cohortChecked++;
      if (changes.cohortYear !== undefined) cohortChanged++;
    }
    const isLeaving = hasLeft && pupil.status === "ON_ROLL";
    const isRejoining = !hasLeft && pupil.status !== "ON_ROLL";
    if (Object.keys(changes).length > 0) update.push({ id: pupil.id, line, changes });
    if (isLeaving) leave.push({ id: pupil.id, why: "LEAVING_DATE", on: value.leavingOn! });
    if (isRejoining) rejoin.push({ id: pupil.id, line });
    if (Object.keys(changes).length === 0 && !isLeaving && !isRejoining) unchanged++;
  }

  if (options.isWholeRoll) {
    const missing = existing.filter((pupil) => pupil.status === "ON_ROLL" && !seen.has(pupil.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const pupil of missing) leave.push({ id: pupil.id, why: "NOT_IN_FILE", on: options.today });
  }

  // Most pupils moving year group at once is what a file exported after the MIS's own rollover looks like.
  if (cohortChecked >= 10 && cohortChanged * 2 > cohortChecked) {
    warnings.push({
      line: null,
      message: `${cohortChanged} of ${cohortChecked} pupils would move year group. If the file was exported after your MIS moved pupils up a year, say which day its year groups are for.`,
    });
  }

  errors.sort((a, b) => a.line - b.line);
  const fingerprint = createHash("sha256")
    .update(JSON.stringify({ create, update, leave, rejoin, errors: errors.length }))
    .digest("hex");
  return { create, update, unchanged, leave, rejoin, errors, warnings, fingerprint };
}
