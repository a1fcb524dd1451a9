import { z } from "zod";
import type { FieldSpec } from "../csv-import/mapping";
import { parseUkDate, parseYesNo } from "../csv-import/values";
import type { IsoDate } from "../dates";
import { hasNoControlCharacters } from "../schema-helpers";

export type PupilField =
  | "upn"
  | "admissionNumber"
  | "legalFirstName"
  | "legalLastName"
  | "preferredName"
  | "dateOfBirth"
  | "sex"
  | "yearGroup"
  | "tutorGroup"
  | "senStatus"
  | "isPupilPremium"
  | "isFsm"
  | "schoolEmail"
  | "leavingOn";

// A first list of SIMS, Arbor and Bromcom column names, to be checked against real exports (plan §3).
export const PUPIL_FIELDS: readonly FieldSpec<PupilField>[] = [
  { key: "upn", label: "UPN", aliases: ["Unique Pupil Number", "Pupil UPN"], isRequired: true },
  { key: "admissionNumber", label: "Admission number", aliases: ["Adno", "Adm No", "Admission No", "Admission Number"], isRequired: false },
  {
    key: "legalFirstName",
    label: "Legal first name",
    aliases: ["Legal Forename", "Legal First Name", "Forename", "First Name", "Legal Given Name"],
    isRequired: true,
  },
  {
    key: "legalLastName",
    label: "Legal last name",
    aliases: ["Legal Surname", "Legal Last Name", "Surname", "Last Name"],
    isRequired: true,
  },
  {
    key: "preferredName",
    label: "Preferred first name",
    aliases: ["Preferred Forename", "Preferred First Name", "Preferred Name", "Known As", "Chosen Forename"],
    isRequired: false,
  },
  { key: "dateOfBirth", label: "Date of birth", aliases: ["DOB", "Birth Date", "D.O.B."], isRequired: false },
  { key: "sex", label: "Sex", aliases: ["Gender", "Legal Sex"], isRequired: false },
  { key: "yearGroup", label: "Year group", aliases: ["Year", "NC Year", "Curriculum Year", "Year Taught In", "Yr"], isRequired: true },
  {
    key: "tutorGroup",
    label: "Tutor group",
    aliases: ["Reg Group", "Reg", "Registration Group", "Registration Form", "Form", "Form Group", "Tutor Group", "Reg Form"],
    isRequired: true,
  },
  {
    key: "senStatus",
    label: "SEN status",
    aliases: ["SEN", "SEN Stage", "SEN Provision", "SEND Status", "SEN Status Code"],
    isRequired: false,
  },
  {
    key: "isPupilPremium",
    label: "Pupil premium",
    aliases: ["PP", "Pupil Premium Indicator", "Pupil Premium Eligible", "Eligible for Pupil Premium"],
    isRequired: false,
  },
  {
    key: "isFsm",
    label: "Free school meals",
    aliases: ["FSM", "FSM Eligible", "FSM Eligibility", "Eligible for FSM", "FSM6", "Ever 6 FSM"],
    isRequired: false,
  },
  {
    key: "schoolEmail",
    label: "School email",
    aliases: ["Email", "Email Address", "Pupil Email", "Primary Email", "School Email Address"],
    isRequired: false,
  },
  { key: "leavingOn", label: "Leaving date", aliases: ["Date of Leaving", "Leaving Date", "Leave Date", "Date Left"], isRequired: false },
];

export type SenStatus = "NONE" | "SUPPORT" | "EHCP";
export type Sex = "F" | "M";

/**
 * One pupil as read from a row. A field whose column the file does not have is undefined, so an
 * import leaves it as it is; a blank cell is null (or No, or SEN N).
 */
export type ImportedPupil = {
  upn: string;
  admissionNumber?: string | null;
  legalFirstName: string;
  legalLastName: string;
  preferredName?: string | null;
  dateOfBirth?: IsoDate | null;
  sex?: Sex | null;
  yearGroup: number;
  tutorGroup: string;
  senStatus?: SenStatus;
  isPupilPremium?: boolean;
  isFsm?: boolean;
  schoolEmail?: string | null;
  leavingOn?: IsoDate | null;
};

type Read<T> = { value: T } | { error: string };

/** A cell read by `read`, with one message: the first thing wrong. */
function cell<T>(missing: string, read: (value: string) => Read<T>) {
  return z.string({ error: missing }).transform((raw, ctx): T => {
    const value = raw.trim();
    if (!hasNoControlCharacters(value) || value.includes("\n")) {
      ctx.addIssue({ code: "custom", message: "Remove the line breaks and unusual invisible characters from this cell." });
      return z.NEVER;
    }
    const result = read(value);
    if ("error" in result) {
      ctx.addIssue({ code: "custom", message: result.error });
      return z.NEVER;
    }
    return result.value;
  });
}

const required = <T>(missing: string, read: (value: string) => Read<T>) =>
  cell(missing, (value) => (value === "" ? { error: missing } : read(value)));
const blankIsNull =
  <T>(read: (value: string) => Read<T>) =>
  (value: string): Read<T | null> =>
    value === "" ? { value: null } : read(value);
const optional = <T>(read: (value: string) => Read<T>) => cell("Check this cell.", read).optional();

const name =
  (max: number) =>
  (value: string): Read<string> =>
    value.length > max ? { error: `Use at most ${max} characters.` } : { value: value.replace(/\s+/g, " ") };

const UPN = /^[A-Z]\d{11}[0-9A-Z]$/;
function readUpn(value: string): Read<string> {
  const upn = value.replace(/\s+/g, "").toUpperCase();
  return UPN.test(upn) ? { value: upn } : { error: "Enter a UPN of a letter, 11 digits and a digit or letter, like A123456789012." };
}

function readAdmissionNumber(value: string): Read<string> {
  return /^[A-Za-z0-9/-]{1,20}$/.test(value) ? { value } : { error: "Enter an admission number of up to 20 letters and digits." };
}

function readYearGroup(value: string): Read<number> {
  const parts = /^(?:(?:year|yr|y)\s*)?(\d{1,2})$/i.exec(value);
  const year = parts ? Number(parts[1]) : NaN;
  return year >= 7 && year <= 13 ? { value: year } : { error: "Use a year group from 7 to 13, like 9 or Year 9." };
}

function readTutorGroup(value: string): Read<string> {
  return value.length <= 20 ? { value } : { error: "Use at most 20 characters for the tutor group." };
}

function readSex(value: string): Read<Sex> {
  const v = value.toUpperCase();
  if (v === "F" || v === "FEMALE") return { value: "F" };
  if (v === "M" || v === "MALE") return { value: "M" };
  return { error: "Use F or M, or leave the cell empty." };
}

const SEN: Record<string, SenStatus> = { "": "NONE", N: "NONE", K: "SUPPORT", E: "EHCP" };
function readSen(value: string): Read<SenStatus> {
  const sen = SEN[value.toUpperCase()];
  return sen ? { value: sen } : { error: "Use N (no SEN), K (SEN support) or E (EHC plan)." };
}

function readDate(value: string): Read<IsoDate> {
  const result = parseUkDate(value);
  return "day" in result ? { value: result.day } : result;
}

function readEmail(value: string): Read<string> {
  const email = value.toLowerCase();
  return email.length <= 254 && z.email().safeParse(email).success
    ? { value: email }
    : { error: "Enter an email address, like a.pupil@school.org.uk." };
}

/** One row of a pupil import, one plain-English message per field (a field's column missing: undefined). */
export const importedPupilSchema: z.ZodType<ImportedPupil, Partial<Record<PupilField, string>>> = z
  .object({
    upn: required("Enter the pupil's UPN.", readUpn),
    admissionNumber: optional(blankIsNull(readAdmissionNumber)),
    legalFirstName: required("Enter the pupil's legal first name.", name(100)),
    legalLastName: required("Enter the pupil's legal last name.", name(100)),
    preferredName: optional(blankIsNull(name(100))),
    dateOfBirth: optional(blankIsNull(readDate)),
    sex: optional(blankIsNull(readSex)),
    yearGroup: required("Enter the pupil's year group, like 9 or Year 9.", readYearGroup),
    tutorGroup: required("Enter the pupil's tutor group.", readTutorGroup),
    senStatus: optional(readSen),
    isPupilPremium: optional((value) => parseYesNo(value)),
    isFsm: optional((value) => parseYesNo(value)),
    schoolEmail: optional(blankIsNull(readEmail)),
    leavingOn: optional(blankIsNull(readDate)),
  })
  .transform((pupil): ImportedPupil => {
    // MIS exports repeat the legal first name as the preferred one; only a different one is kept.
    const isSameName = pupil.preferredName?.toLowerCase() === pupil.legalFirstName.toLowerCase();
    const out = { ...pupil, ...(isSameName ? { preferredName: null } : {}) };
    for (const key of Object.keys(out) as (keyof typeof out)[]) if (out[key] === undefined) delete out[key];
    return out;
  });
