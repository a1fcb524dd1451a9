import type { z } from "zod";

export const CHECK_FIELDS_MESSAGE = "Please check the highlighted fields.";

/**
 * One message per field (ADR 010): the first issue for each top-level field, so a field never shows
 * two sentences. Issues about the whole form go under "form".
 */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : "form";
    out[field] ??= [issue.message];
  }
  return out;
}
