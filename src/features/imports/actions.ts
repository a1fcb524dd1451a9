"use server";

import { createHash } from "node:crypto";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction, definePublicAction } from "@/server/action";
import { getActor } from "@/server/session";
import { decodeCsvBytes } from "@/lib/csv-import";
import { discardImport, saveImportMapping, uploadImportFile } from "./commands";
import { IMPORT_MAX_BYTES, IMPORT_PAGES, type ImportKind } from "./kinds";

const FILE_MISSING = "Choose the CSV file exported from your MIS.";
const NOT_CSV = "This is not a CSV file. In your MIS or spreadsheet, save or export the list as CSV, then choose that file.";

/** Field errors for the file input, with the kind kept so the form stays as it was. */
const fileProblem = (message: string, kind: string) => ({ ok: false, message, fieldErrors: { file: [message] }, values: { kind } });

/**
 * The upload reads the file itself (formDataToObject keeps only text fields): at most 3 MB, a CSV
 * by name and content (a workbook or PDF is refused by its first bytes), decoded here so the command
 * stores text. On success, on to the draft's page.
 */
export const uploadImportFileAction = definePublicAction(z.looseObject({}), async (_input, formData) => {
  const kind = String(formData.get("kind") ?? "");
  // Who is asking comes first: nobody else's upload is read or decoded (the command checks the role).
  const actor = await getActor();
  if (!actor || !uploadImportFile.allow.some((role) => actor.roles.includes(role))) return uploadImportFile.run(actor, { kind });
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0 || file.name === "") return fileProblem(FILE_MISSING, kind);
  if (file.size > IMPORT_MAX_BYTES) return fileProblem("This file is larger than 3 MB. Split it into smaller files.", kind);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const isWorkbookOrPdf =
    (bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0xd0 && bytes[1] === 0xcf) || (bytes[0] === 0x25 && bytes[1] === 0x50);
  // A NUL byte means a binary file, unless the file is UTF-16 ("Unicode text"), where half the bytes are.
  const isUtf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
  if (!/\.(csv|txt)$/i.test(file.name) || isWorkbookOrPdf || (!isUtf16 && bytes.includes(0x00))) return fileProblem(NOT_CSV, kind);
  const decoded = decodeCsvBytes(bytes);
  const result = await uploadImportFile.run(actor, {
    kind,
    fileName: file.name.slice(0, 200),
    fileText: decoded.text,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    encoding: decoded.encoding,
  });
  if (!result.ok) {
    const message = result.fieldErrors?.fileText?.[0] ?? result.fieldErrors?.fileName?.[0];
    if (message) return fileProblem(message, kind);
    delete result.recordId;
    return result;
  }
  redirect(`${IMPORT_PAGES[kind as ImportKind]}/${result.recordId}`);
});

export const saveImportMappingAction = defineAction(saveImportMapping);
export const discardImportAction = defineAction(discardImport);
