import { z } from "zod";
import { isIsoDate } from "./dates";

export const recordId = z
  .string({ error: "Choose one." })
  .trim()
  .min(1, { error: "Choose one." })
  .max(40, { error: "That is not a valid choice." });

export const isoDate = z
  .string({ error: "Enter a date." })
  .trim()
  .min(1, { error: "Enter a date." })
  .refine(isIsoDate, { error: "Enter a real date, like 2026-11-03." });

/** A list of ids from checkboxes or a multi-select: a single value becomes a list of one. */
export const recordIdList = (emptyMessage: string) =>
  z.preprocess(
    (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
    z.array(recordId).max(30, { error: "Choose at most 30." }).min(1, { error: emptyMessage }),
  );

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Use at most ${max} characters.` })
    .optional()
    .default("");
