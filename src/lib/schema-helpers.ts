import { z } from "zod";
import { isIsoDate } from "./dates";

// Every field says one plain-English thing (ADR 010): checks stop at the first failure (`abort`), and
// a check without a message of its own falls back to this, never to zod's words. schemas.test.ts walks
// every schema's error paths and fails on the fallback and on zod's default wording alike.
export const FALLBACK_MESSAGE = "Check this answer.";
// jitless: zod would compile parsers with `Function`, and its probe for that alone is a violation of
// the pages' Content-Security-Policy, which allows no eval (ADR 011).
z.config({ customError: () => FALLBACK_MESSAGE, jitless: true });

/** Control characters (NUL above all, which PostgreSQL refuses) never come from a keyboard. Line breaks and tabs are fine. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
export const CONTROL_CHARACTERS_MESSAGE = "Remove the unusual invisible characters from this text.";
export const hasNoControlCharacters = (value: string) => !CONTROL_CHARACTERS.test(value);

/** Text a person typed: trimmed, at most `max` characters, no control characters; `min` with its own message. */
export function text(options: { max: number; min?: number; tooShort?: string; missing?: string }) {
  const missing = options.missing ?? options.tooShort ?? "Enter some text.";
  const base = z.string({ error: missing }).trim().refine(hasNoControlCharacters, { error: CONTROL_CHARACTERS_MESSAGE, abort: true });
  const withMin = options.min ? base.min(options.min, { error: options.tooShort ?? missing, abort: true }) : base;
  return withMin.max(options.max, { error: `Use at most ${options.max} characters.` });
}

export const optionalText = (max: number) => text({ max }).optional().default("");

export const recordId = z
  .string({ error: "Choose one." })
  .trim()
  .min(1, { error: "Choose one.", abort: true })
  .max(40, { error: "That is not a valid choice.", abort: true })
  .regex(/^[A-Za-z0-9_-]+$/, { error: "That is not a valid choice." });

/** One record chosen from a list the server gave (a select), with the list's own "choose" message. */
export const choiceId = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing, abort: true })
    .regex(/^[A-Za-z0-9_-]{1,40}$/, { error: "That is not a valid choice." });

/** A time of day, "12:30" (24-hour, school time). */
export const timeOfDay = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing, abort: true })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "Enter a time like 12:30." });

export const isoDate = z
  .string({ error: "Enter a date." })
  .trim()
  .min(1, { error: "Enter a date.", abort: true })
  .refine(isIsoDate, { error: "Enter a real date, like 2026-11-03." });

/** One id in a list: a single message whatever is wrong with it. */
const listedId = z
  .string({ error: "That is not a valid choice." })
  .regex(/^[A-Za-z0-9_-]{1,40}$/, { error: "That is not a valid choice." });

/** A list of ids from checkboxes or a multi-select: a single value becomes a list of one. */
export const recordIdList = (emptyMessage: string) =>
  z.preprocess(
    (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
    z.array(listedId, { error: emptyMessage }).min(1, { error: emptyMessage, abort: true }).max(30, { error: "Choose at most 30." }),
  );

/** A whole number typed into a field: one message for anything that is not a whole number in range. */
export function wholeNumber(options: { min: number; max: number; message: string; notWhole?: string; tooSmall?: string; tooBig?: string }) {
  return z.coerce
    .number({ error: options.message })
    .refine(Number.isFinite, { error: options.message, abort: true })
    .int({ error: options.notWhole ?? options.message, abort: true })
    .min(options.min, { error: options.tooSmall ?? options.message, abort: true })
    .max(options.max, { error: options.tooBig ?? options.message });
}

/** A tick box: "on" (or "true") when ticked, anything else when not. */
export const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

/** Search terms and page numbers from a URL, which anyone can type: never an error, always something safe. */
export function searchTerm(value: unknown): string {
  if (typeof value !== "string") return "";
  return value
    .replace(/[\u0000-\u001F\u007F]/g, " ")
    .trim()
    .slice(0, 100);
}

export function pageNumber(value: unknown): number {
  const n = typeof value === "string" && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return n >= 1 ? n : 1;
}

/** An email address a person typed: trimmed, lower-cased, one plain message per problem. */
export const emailAddress = (missing = "Enter an email address.") =>
  z
    .string({ error: missing })
    .trim()
    .toLowerCase()
    .min(1, { error: missing, abort: true })
    .max(254, { error: "That email address is too long. Check it and try again.", abort: true })
    .pipe(z.email({ error: "Enter an email address like name@school.org." }));
