"use client";

import { useState } from "react";
import { TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { reversePointsAction } from "../actions";

/** A correction is a new, reversing entry that cannot itself be undone, so it is confirmed first. */
export function ReversePointsForm({ entryId, summary }: { entryId: string; summary: string }) {
  const { state, formAction, value, errors, key } = useForm(reversePointsAction);
  const [isConfirming, setConfirming] = useState(false);
  const formId = `reverse-form-${entryId}`;
  return (
    <details className="mt-1">
      <summary className="min-h-11 cursor-pointer py-2 text-sm font-semibold text-accent">Correct this entry</summary>
      <form id={formId} action={formAction} className="space-y-2 pb-2" noValidate>
        <FormMessage state={state} />
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
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          Add correcting entry…
        </Button>
        <ConfirmDialog
          open={isConfirming}
          onOpenChange={setConfirming}
          formId={formId}
          title="Correct this entry?"
          description={`A correcting entry cancels “${summary}”. It stays in the history, and a correction cannot itself be corrected.`}
          confirmLabel="Add correcting entry"
        />
      </form>
    </details>
  );
}
