"use client";

import { TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, useConfirm } from "@/components/ui/confirm-dialog";
import { useAnnouncedAction } from "@/components/ui/toast";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { reversePointsAction } from "../actions";

/** Focus returns to the list's heading when a corrected entry's form leaves it. */
export const RECENT_POINTS_HEADING = "recent-points-heading";

/** A correction is a new, reversing entry that cannot itself be undone, so it is confirmed first. */
export function ReversePointsForm({ entryId, summary }: { entryId: string; summary: string }) {
  const formId = `reverse-form-${entryId}`;
  const { state, formAction, value, errors, key } = useForm(useAnnouncedAction(reversePointsAction, RECENT_POINTS_HEADING));
  const dialog = useConfirm(formId);
  return (
    <details className="mt-1">
      <summary className="min-h-11 cursor-pointer py-2 text-sm font-semibold text-accent">Correct this entry</summary>
      <form id={formId} action={formAction} onSubmit={dialog.onSubmit} className="space-y-2 pb-2" noValidate>
        {state.ok ? null : <FormMessage state={state} />}
        <input type="hidden" name="entryId" value={entryId} />
        <div key={key}>
          <TextInput
            id={`reverse-${entryId}`}
            name="reason"
            label="Why is it being corrected?"
            defaultValue={value("reason")}
            errors={errors("reason")}
          />
        </div>
        <Button variant="secondary" onClick={() => dialog.setOpen(true)}>
          Add correcting entry…
        </Button>
        <ConfirmDialog
          open={dialog.open}
          onOpenChange={dialog.setOpen}
          onConfirm={dialog.confirm}
          title="Correct this entry?"
          description={`A correcting entry cancels “${summary}”. It stays in the history, and a correction cannot itself be corrected.`}
          confirmLabel="Add correcting entry"
        />
      </form>
    </details>
  );
}
