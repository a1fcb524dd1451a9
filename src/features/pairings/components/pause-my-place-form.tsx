"use client";

import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { ConfirmDialog, useConfirm } from "@/components/ui/confirm-dialog";
import { useAnnouncedAction } from "@/components/ui/toast";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { pauseMyPlaceAction } from "../actions";

/**
 * A mentee's "I don't want to meet my mentor for now" (ADR 022): folded away until opened, a reason
 * only if they want to give one, and a confirm dialog that says what happens. The form leaves the page
 * once it is paused, so the answer is announced and the focus goes to `focusId` (the card's heading).
 */
export function PauseMyPlaceForm({ pairingId, focusId }: { pairingId: string; focusId: string }) {
  const formId = `pause-${pairingId}`;
  const { state, formAction, value, errors, key } = useForm(useAnnouncedAction(pauseMyPlaceAction, focusId));
  const dialog = useConfirm(formId);
  return (
    <details className="mt-4 border-t border-line pt-3">
      <summary className="flex min-h-11 cursor-pointer items-center font-semibold text-accent">
        I don&apos;t want to meet my mentor for now
      </summary>
      <form id={formId} action={formAction} onSubmit={dialog.onSubmit} noValidate className="mt-2 space-y-3">
        {state.ok ? null : <FormMessage state={state} />}
        <input type="hidden" name="pairingId" value={pairingId} />
        <p>You can pause your meetings. You do not have to say why.</p>
        <div key={key}>
          <TextArea
            id={`pause-reason-${pairingId}`}
            name="reason"
            label="Do you want to tell the programme lead why? (optional)"
            hint="Only staff read this. Your mentor will not see it."
            defaultValue={value("reason")}
            errors={errors("reason")}
          />
        </div>
        <Button variant="secondary" onClick={() => dialog.setOpen(true)} className="w-full sm:w-auto">
          Pause my meetings…
        </Button>
        <ConfirmDialog
          open={dialog.open}
          onOpenChange={dialog.setOpen}
          onConfirm={dialog.confirm}
          title="Pause your meetings?"
          description="Your meetings stop for now. Your mentor will only see that mentoring is paused. The programme lead will check in with you."
          confirmLabel="Pause my meetings"
          confirmVariant="primary"
        />
      </form>
    </details>
  );
}
