"use client";

import { Button } from "@/components/ui/button";
import { Select, TextArea } from "@/components/ui/field";
import { ConfirmDialog, useConfirm } from "@/components/ui/confirm-dialog";
import { useAnnouncedAction } from "@/components/ui/toast";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { pausePairingAction } from "../actions";

/** Focus returns to the pauses card's heading after a pause or a resume. */
export const PAUSE_HEADING = "pause-heading";

/**
 * The coordinator pauses a pairing, or (in a group) one mentee's place, with a reason, through a
 * confirm dialog (ADR 022). `places` lists a group's mentees still meeting; null for a 1:1.
 */
export function PausePairingForm({ pairingId, places }: { pairingId: string; places: { studentId: string; name: string }[] | null }) {
  const formId = `pause-pairing-${pairingId}`;
  const { state, formAction, value, errors, key } = useForm(useAnnouncedAction(pausePairingAction, PAUSE_HEADING));
  const dialog = useConfirm(formId);
  return (
    <form id={formId} action={formAction} onSubmit={dialog.onSubmit} noValidate className="space-y-3" aria-label="Pause">
      {state.ok ? null : <FormMessage state={state} />}
      <input type="hidden" name="pairingId" value={pairingId} />
      <div key={key} className="space-y-3">
        {places ? (
          <Select
            id="pause-what"
            name="studentId"
            label="What to pause"
            defaultValue={value("studentId")}
            errors={errors("studentId")}
            options={[{ value: "", label: "The whole group" }, ...places.map((p) => ({ value: p.studentId, label: `${p.name}'s place` }))]}
          />
        ) : null}
        <TextArea
          id="pause-reason"
          name="reason"
          label="Why is it pausing?"
          hint="Staff see this. The pupils see only “paused for now”."
          defaultValue={value("reason")}
          errors={errors("reason")}
        />
      </div>
      <Button variant="secondary" onClick={() => dialog.setOpen(true)}>
        Pause…
      </Button>
      <ConfirmDialog
        open={dialog.open}
        onOpenChange={dialog.setOpen}
        onConfirm={dialog.confirm}
        title="Pause now?"
        description="Meetings stop until you resume it. The pupils see only that mentoring is paused for now, never why."
        confirmLabel="Pause"
      />
    </form>
  );
}
