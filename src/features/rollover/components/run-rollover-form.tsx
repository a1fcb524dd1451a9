"use client";

import { Button } from "@/components/ui/button";
import { ConfirmDialog, useConfirm } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { runRolloverAction } from "../actions";

const FORM_ID = "run-rollover";

/**
 * "Run the rollover…": sends exactly the choices the preview above was built from, with its
 * fingerprint, so a plan that changed since is refused. Asks first (ADR 010): it cannot be undone.
 */
export function RunRolloverForm({
  finalYearGroup,
  close,
  basis,
  fromName,
  summary,
}: {
  finalYearGroup: number;
  close: string[];
  basis: string;
  fromName: string;
  summary: string;
}) {
  const { state, formAction, isPending } = useForm(runRolloverAction);
  const dialog = useConfirm(FORM_ID);
  return (
    <form id={FORM_ID} action={formAction} onSubmit={dialog.onSubmit} className="space-y-3" aria-label="Run the rollover">
      <FormMessage state={state} />
      <input type="hidden" name="finalYearGroup" value={String(finalYearGroup)} />
      {close.map((id) => (
        <input key={id} type="hidden" name="close[]" value={id} />
      ))}
      <input type="hidden" name="basis" value={basis} />
      {state.ok ? null : (
        <Button variant="danger" disabled={isPending} onClick={() => dialog.setOpen(true)}>
          Run the rollover…
        </Button>
      )}
      <ConfirmDialog
        open={dialog.open}
        onOpenChange={dialog.setOpen}
        onConfirm={dialog.confirm}
        title={`Run the rollover for ${fromName}?`}
        description={`${summary} This cannot be undone.`}
        confirmLabel="Run the rollover"
      />
    </form>
  );
}
