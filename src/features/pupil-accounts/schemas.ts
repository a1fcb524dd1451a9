import { z } from "zod";
import { newPasswordFields, passwordsMatch } from "@/features/auth/schemas";
import { recordId, text } from "@/lib/schema-helpers";

const CHOOSE_PUPILS = "Choose at least one pupil.";

/** Pupils chosen with checkboxes: a single value becomes a list of one. A tutor group is about 30. */
const pupilIds = (min: number) =>
  z.preprocess(
    (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
    z
      .array(z.string({ error: "That is not a valid choice." }).regex(/^[A-Za-z0-9_-]{1,40}$/, { error: "That is not a valid choice." }), {
        error: CHOOSE_PUPILS,
      })
      .min(min, { error: CHOOSE_PUPILS, abort: true })
      .max(300, { error: "Choose at most 300 pupils at a time." }),
  );

export const createPupilAccountsSchema = z.object({ studentIds: pupilIds(1) });

/** New codes for a whole tutor group's pupils waiting to set a password, or for chosen pupils. */
export const renewSetUpCodesSchema = z
  .object({ tutorGroup: text({ max: 40 }).optional().default(""), studentIds: pupilIds(0) })
  .refine((v) => v.tutorGroup !== "" || v.studentIds.length > 0, { error: CHOOSE_PUPILS, path: ["studentIds"] });

export const resetPupilPasswordSchema = z.object({ studentId: recordId });

/** The public /set-up form: the pupil's school email, the code from the sheet, and their own password. */
export const setUpWithCodeSchema = z
  .object({
    email: z
      .string({ error: "Enter your school email address." })
      .trim()
      .toLowerCase()
      .min(1, { error: "Enter your school email address.", abort: true })
      .max(254, { error: "That email address is too long. Check it and try again.", abort: true })
      .pipe(z.email({ error: "Enter an email address like name@school.org." })),
    code: z
      .string({ error: "Enter the code from your card." })
      .trim()
      .min(1, { error: "Enter the code from your card.", abort: true })
      .max(40, { error: "That code is too long. Check it and try again." }),
    ...newPasswordFields,
  })
  .refine(...passwordsMatch);
