import { z } from "zod";
import { checkbox, recordId, text } from "@/lib/schema-helpers";

const FILE_MISSING = "Choose the CSV file exported from your MIS.";

/** What the upload action hands the command after reading and decoding the file itself. */
export const uploadImportFileSchema = z.object({
  kind: z.enum(["PUPILS"], { error: "Choose what the file holds." }),
  fileName: text({ min: 1, max: 200, missing: FILE_MISSING }),
  // 3 MB of Windows-1252 is at most 3 million characters (UTF-16 halves it).
  fileText: z
    .string({ error: FILE_MISSING })
    .min(1, { error: "This file is empty. Choose the CSV file exported from your MIS.", abort: true })
    .max(3_200_000, { error: "This file is larger than 3 MB. Split it into smaller files." }),
  sha256: z.string({ error: FILE_MISSING }).regex(/^[0-9a-f]{64}$/, { error: FILE_MISSING }),
  encoding: z.enum(["utf-8", "windows-1252", "utf-16le"], { error: FILE_MISSING }),
});

/**
 * Which column each field is read from: `column_<field>` holds a column's index, or "" for none. The
 * fields depend on the draft's kind, so the command reads them (and says what is wrong by field).
 */
export const saveImportMappingSchema = z.looseObject({ draftId: recordId, isWholeRoll: checkbox });

export const discardImportSchema = z.object({ draftId: recordId });
