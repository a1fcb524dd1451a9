"use client";

import { ConfirmedRemoveForm } from "@/components/forms/confirmed-remove-form";
import { discardImportAction } from "../actions";

/** "Discard…" for one uploaded file, asked first. */
export function DiscardImportForm({ draftId, fileName, focusId }: { draftId: string; fileName: string; focusId: string }) {
  return (
    <ConfirmedRemoveForm
      action={discardImportAction}
      focusId={focusId}
      field={{ name: "draftId", value: draftId }}
      verb="Discard"
      openerLabel={`Discard ${fileName}…`}
      title={`Discard ${fileName}?`}
      description="The uploaded file is thrown away and nothing is imported from it. You can upload it again later."
    />
  );
}
