"use client";

import { useState } from "react";
import { Select } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, useConfirm } from "@/components/ui/confirm-dialog";
import { useAnnouncedAction } from "@/components/ui/toast";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { changePairingStatusAction } from "../actions";
import { closureReasonLabels, CLOSURE_REASONS } from "../schemas";
import { nextStatuses, pairingStatusLabels } from "../status";
import type { PairingStatus } from "@/generated/prisma/enums";

/** Focus returns to the card's heading after a change, when the form's choices move on. */
export const STATUS_HEADING = "status-heading";

export function PairingStatusForm({ pairingId, status }: { pairingId: string; status: PairingStatus }) {
  const formId = `status-${pairingId}`;
  // The answer goes to the page's live region: ending the pairing replaces this form altogether.
  const { state, formAction, value, errors, key } = useForm(useAnnouncedAction(changePairingStatusAction, STATUS_HEADING));
  // Pausing has its own form, with a reason (ADR 022); this one lets a pairing go on or end.
  const options: readonly PairingStatus[] = nextStatuses(status).filter((s) => s !== "PAUSED");
  const [picked, setPicked] = useState<string>(options[0] ?? "");
  // After a change the choices move on; show (and send) one that is still allowed.
  const chosen = options.includes(picked as PairingStatus) ? picked : (options[0] ?? "");
  const dialog = useConfirm(formId);
  if (options.length === 0)
    return <p className="text-muted">This pairing has ended. To re-pair, create a new pairing; this one stays in the history.</p>;
  const isEnding = chosen === "ENDED";
  return (
    <form id={formId} action={formAction} onSubmit={isEnding ? dialog.onSubmit : undefined} className="space-y-3" noValidate>
      {state.ok ? null : <FormMessage state={state} />}
      <input type="hidden" name="pairingId" value={pairingId} />
      <div key={key} className="grid gap-3 sm:grid-cols-2">
        <Select
          id="status"
          name="status"
          label="New status"
          value={chosen}
          onChange={(e) => setPicked(e.target.value)}
          errors={errors("status")}
          options={options.map((s) => ({ value: s, label: pairingStatusLabels[s] }))}
        />
        {isEnding ? (
          <Select
            id="closureReason"
            name="closureReason"
            label="Why is it ending?"
            placeholder="Choose a reason"
            defaultValue={value("closureReason")}
            errors={errors("closureReason")}
            options={CLOSURE_REASONS.map((r) => ({ value: r, label: closureReasonLabels[r] }))}
          />
        ) : null}
      </div>
      {isEnding ? (
        <>
          <Button variant="danger" onClick={() => dialog.setOpen(true)}>
            End pairing…
          </Button>
          <ConfirmDialog
            open={dialog.open}
            onOpenChange={dialog.setOpen}
            onConfirm={dialog.confirm}
            title="End this pairing?"
            description="An ended pairing cannot be restarted. Its sessions and reviews stay in the history."
            confirmLabel="End pairing"
          />
        </>
      ) : (
        <Button type="submit">Change status</Button>
      )}
    </form>
  );
}
