"use client";

import { Button } from "@/components/ui/button";
import { ConfirmDialog, useConfirm } from "@/components/ui/confirm-dialog";
import { useAnnouncedAction } from "@/components/ui/toast";
import { FormMessage } from "./form-message";
import { useForm, type FormAction } from "./use-form";

/**
 * "Remove…" for one row of a list: asks first in a confirm dialog (ADR 010), sends the row's id, and
 * announces the answer with focus moved to `focusId` (the list's heading) as the row leaves the list.
 */
export function ConfirmedRemoveForm({
  action,
  focusId,
  field,
  extraFields = [],
  openerLabel,
  verb = "Remove",
  title,
  description,
  confirmVariant,
}: {
  action: FormAction;
  focusId: string;
  /** The hidden field naming the row, e.g. { name: "keepApartId", value: id }. */
  field: { name: string; value: string };
  /** More hidden fields when one id does not name the row. */
  extraFields?: { name: string; value: string }[];
  /** The opener's accessible name when "Remove…" alone would not say which row. */
  openerLabel?: string;
  /** What the opener and the confirm button say: "Remove", or "Undo" / "Retire" when the row is not removed outright. */
  verb?: string;
  title: string;
  description: string;
  /** "primary" when the row's action undoes something rather than removes it (resuming a pause). */
  confirmVariant?: "danger" | "primary";
}) {
  const formId = `remove-${[field.value, ...extraFields.map((f) => f.value)].join("-")}`;
  const { state, formAction } = useForm(useAnnouncedAction(action, focusId));
  const dialog = useConfirm(formId);
  return (
    <form id={formId} action={formAction} onSubmit={dialog.onSubmit}>
      {state.ok ? null : <FormMessage state={state} />}
      <input type="hidden" name={field.name} value={field.value} />
      {extraFields.map((f) => (
        <input key={f.name} type="hidden" name={f.name} value={f.value} />
      ))}
      <Button variant="secondary" onClick={() => dialog.setOpen(true)} aria-label={openerLabel}>
        {verb}…
      </Button>
      <ConfirmDialog
        open={dialog.open}
        onOpenChange={dialog.setOpen}
        onConfirm={dialog.confirm}
        title={title}
        description={description}
        confirmLabel={verb}
        confirmVariant={confirmVariant}
      />
    </form>
  );
}
