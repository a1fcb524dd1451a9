// A pupil list as SIMS exports it (issue 11), for tests, the browser spec and the bench: ~20 columns,
// dates as dd/mm/yyyy, year groups as "Year 9", CRLF line ends, and columns the import does not read.
import type { IsoDate } from "@/lib/dates";

export type MisPupil = {
  upn: string;
  adno: string;
  surname: string;
  forename: string;
  preferred?: string;
  dob: IsoDate;
  sex: "F" | "M";
  year: number;
  reg: string;
  sen?: "N" | "K" | "E";
  pp?: boolean;
  fsm?: boolean;
  email?: string;
  leaving?: IsoDate;
};

const HEADER = [
  "UPN",
  "Adno",
  "Legal Surname",
  "Legal Forename",
  "Preferred Forename",
  "DOB",
  "Gender",
  "Year",
  "Reg Group",
  "SEN Status",
  "Pupil Premium Indicator",
  "FSM Eligible",
  "Email Address",
  "Leaving Date",
  "Ethnicity",
  "First Language",
  "House",
  "Attendance %",
  "Address",
  "Postcode",
];

const ukDate = (day: IsoDate | undefined) => (day ? `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}` : "");
const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const yesNo = (value: boolean | undefined) => (value ? "Y" : "N");

/** A valid UPN from a number: a letter, eleven digits and a digit (a temporary one ends in a letter instead). */
export function upnFor(n: number, options: { isTemporary?: boolean } = {}): string {
  const digits = String(n).padStart(12, "0").slice(-12);
  return options.isTemporary ? `T${digits.slice(1)}A` : `A${digits}`;
}

export function simsCsv(pupils: readonly MisPupil[], options: { header?: string[] } = {}): string {
  const lines = [(options.header ?? HEADER).map(cell).join(",")];
  for (const [i, p] of pupils.entries()) {
    lines.push(
      [
        p.upn,
        p.adno,
        p.surname,
        p.forename,
        p.preferred ?? p.forename,
        ukDate(p.dob),
        p.sex,
        `Year ${p.year}`,
        p.reg,
        p.sen ?? "N",
        yesNo(p.pp),
        yesNo(p.fsm),
        p.email ?? "",
        ukDate(p.leaving),
        "White - British",
        "English",
        ["Red", "Blue", "Green", "Yellow"][i % 4]!,
        (90 + (i % 10)).toFixed(1),
        `${i + 1} Station Road, Leeds`,
        "LS1 1AA",
      ]
        .map(cell)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

const FROM_1252 = new Map<number, number>(
  [
    0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f, 0x0090,
    0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
  ].map((code, i) => [code, 0x80 + i]),
);

/** Text as Windows-1252 bytes, as SIMS writes a CSV (every character here must have a byte). */
export function encodeWindows1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const byte = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : FROM_1252.get(code);
    if (byte === undefined) throw new Error(`No Windows-1252 byte for U+${code.toString(16)}`);
    out[i] = byte;
  }
  return out;
}
