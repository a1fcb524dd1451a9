"use client";

import { useState } from "react";
import { Select } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { changePairingStatusAction } from "../actions";
import { closureReasonLabels, CLOSURE_REASONS } from "../schemas";

const statusLabels: Record<string, string> = { TRIAL: "Trial", ACTIVE: "Active", PAUSED: "Paused", ENDED: "Ended" };
const nextStatuses: Record<string, string[]> = {
  TRIAL: ["ACTIVE", "PAUSED", "ENDED"],
  ACTIVE: ["PAUSED", "ENDED"],
  PAUSED: ["ACTIVE", "ENDED"],
  ENDED: [],
};

export function PairingStatusForm({ pairingId, status }: { pairingId: string; status: string }) {
  const { state, formAction, value, errors, key } = useForm(changePairingStatusAction);
  const options = nextStatuses[status] ?? [];
  const [chosen, setChosen] = useState(options[0] ?? "");
  const [isConfirming, setConfirming] = useState(false);
  const formId = `status-${pairingId}`;
  if (options.length === 0)
    return <p className="text-muted">This pairing has ended. To re-pair, create a new pairing; this one stays in the history.</p>;
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
          onChange={(e) => setChosen(e.target.value)}
          errors={errors("status")}
          options={options.map((s) => ({ value: s, label: statusLabels[s]! }))}
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
