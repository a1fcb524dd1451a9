"use client";

import { useState } from "react";
import { Select } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { changePairingStatusAction } from "../actions";
import { closureReasonLabels, CLOSURE_REASONS } from "../schemas";
import { nextStatuses, pairingStatusLabels } from "../status";
import type { PairingStatus } from "@/generated/prisma/enums";

export function PairingStatusForm({ pairingId, status }: { pairingId: string; status: PairingStatus }) {
  const { state, formAction, value, errors, key } = useForm(changePairingStatusAction);
  const options = nextStatuses(status);
  const [picked, setPicked] = useState<string>(options[0] ?? "");
  // After a change the choices move on; show (and send) one that is still allowed.
  const chosen = options.includes(picked as PairingStatus) ? picked : (options[0] ?? "");
  const [isConfirming, setConfirming] = useState(false);
  const formId = `status-${pairingId}`;
  if (options.length === 0)
    return (
      <div className="space-y-3">
        <FormMessage state={state} />
        <p className="text-muted">This pairing has ended. To re-pair, create a new pairing; this one stays in the history.</p>
      </div>
    );
  return (
    <form id={formId} action={formAction} className="space-y-3" noValidate>
      <FormMessage state={state} />
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
        {chosen === "ENDED" ? (
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
      {chosen === "ENDED" ? (
        <>
          <Button variant="danger" onClick={() => setConfirming(true)}>
            End pairing…
          </Button>
          <ConfirmDialog
            open={isConfirming}
            onOpenChange={setConfirming}
            formId={formId}
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
