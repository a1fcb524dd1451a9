"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction, definePublicAction } from "@/server/action";
import { IMPORT_PAGES } from "@/features/imports/kinds";
import { commitPupilImport } from "./commands";

const runCommitPupilImport = defineAction(commitPupilImport);

/** The draft is gone once imported, so the answer is shown on the imports page. */
export const commitPupilImportAction = definePublicAction(z.looseObject({}), async (_input, formData) => {
  const result = await runCommitPupilImport({ ok: false }, formData);
  if (!result.ok || !result.message) return result;
  redirect(`${IMPORT_PAGES.PUPILS}?${new URLSearchParams({ imported: result.message })}`);
});
