import type { FieldSpec } from "@/lib/csv-import";
import { PUPIL_FIELDS } from "@/lib/pupil-import/fields";

// What each kind of import reads (plan §6): the pupil roll now, attendance later. A kind with no
// fields yet cannot be uploaded (the upload schema lists only the kinds built).
export type ImportKind = "PUPILS" | "ATTENDANCE";

export const IMPORT_FIELDS: Record<ImportKind, readonly FieldSpec<string>[]> = {
  PUPILS: PUPIL_FIELDS,
  ATTENDANCE: [],
};

/** The most rows a file may hold (a large secondary school has about 2,000 pupils). */
export const IMPORT_MAX_ROWS = 5_000;
/** The largest file accepted, checked in the browser and again in the action (Next's limit is 4 MB). */
export const IMPORT_MAX_BYTES = 3 * 1024 * 1024;
/** How long an uploaded file waits to be imported. */
export const IMPORT_DRAFT_HOURS = 24;

export const IMPORT_PAGES: Record<ImportKind, string> = {
  PUPILS: "/admin/pupils/import",
  ATTENDANCE: "/admin/attendance/import",
};

export const columnFieldName = (key: string) => `column_${key}`;
