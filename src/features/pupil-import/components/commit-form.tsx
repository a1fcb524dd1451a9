"use client";

import { Button } from "@/components/ui/button";
import { ConfirmDialog, useConfirm } from "@/components/ui/confirm-dialog";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { commitPupilImportAction } from "../actions";

/**
 * "Import" for a previewed file: it sends the fingerprint of what the admin saw. When pupils would
 * be marked as left, the dialog names how many and its confirm sends the form with that confirmation.
 */
export function CommitPupilImportForm({
  draftId,
  basis,
  summary,
  leaving,
}: {
  draftId: string;
  basis: string;
  summary: string;
  leaving: number;
}) {
  const formId = `commit-${draftId}`;
  const { state, formAction } = useForm(commitPupilImportAction);
  const dialog = useConfirm(formId);
  const pupils = leaving === 1 ? "1 pupil" : `${leaving} pupils`;
  return (
    <form id={formId} action={formAction} onSubmit={leaving > 0 ? dialog.onSubmit : undefined} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="draftId" value={draftId} />
      <input type="hidden" name="basis" value={basis} />
      {leaving > 0 ? <input type="hidden" name="confirmLeavers" value="on" /> : null}
      <p>{summary}</p>
      {leaving > 0 ? (
        <>
          <Button onClick={() => dialog.setOpen(true)}>Import…</Button>
          <ConfirmDialog
            open={dialog.open}
            onOpenChange={dialog.setOpen}
            onConfirm={dialog.confirm}
            title={`Mark ${pupils} as left?`}
            description={`Importing this file marks ${pupils} as left the school. Their accounts close at once, and pairings they are in end or pause. ${summary}`}
            confirmLabel={`Import and mark ${pupils} as left`}
          />
        </>
      ) : (
        <SubmitButton pendingText="Importing…">Import</SubmitButton>
      )}
    </form>
  );
}
