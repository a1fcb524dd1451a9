import type { IsoDate } from "../dates";

export const UK_DATE_EXAMPLE = "14/09/2012";

const DAY_MONTH_YEAR = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;

function dayOf(year: number, month: number, day: number): IsoDate | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || year > 2100 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * A date as MIS exports and UK spreadsheets write it: 14/09/2012, 4/9/2012, 14-09-2012 or 14.09.2012
 * (a time after it, as some exports add, is ignored), or ISO 2012-09-14. Never month first.
 */
export function parseUkDate(cell: string): { day: IsoDate } | { error: string } {
  const value = cell.trim();
  const realDate = { error: `Enter a real date, like ${UK_DATE_EXAMPLE}.` };
  const iso = ISO.exec(value);
  if (iso) {
    const day = dayOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return day ? { day } : realDate;
  }
  const parts = DAY_MONTH_YEAR.exec(value);
  if (!parts) return realDate;
  const [day, month, year] = [Number(parts[1]), Number(parts[3]), parts[4]!];
  if (month > 12) return { error: `Use day/month/year, like ${UK_DATE_EXAMPLE}.` };
  if (year.length === 2) return { error: `Write the year in full, like ${UK_DATE_EXAMPLE}.` };
  const iso2 = dayOf(Number(year), month, day);
  return iso2 ? { day: iso2 } : realDate;
}

const YES = new Set(["y", "yes", "true", "t", "1"]);
const NO = new Set(["", "n", "no", "false", "f", "0"]);

/** Yes or no as MIS exports write it (Y/N, Yes/No, True/False, 1/0); a blank cell is no. */
export function parseYesNo(cell: string): { value: boolean } | { error: string } {
  const value = cell.trim().toLowerCase();
  if (YES.has(value)) return { value: true };
  if (NO.has(value)) return { value: false };
  return { error: "Use Yes or No (or Y or N)." };
}
