"use client";

import { TextArea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/forms/form-message";
import { IdempotencyKeyField } from "@/components/forms/idempotency-key-field";
import { useForm } from "@/components/forms/use-form";
import { addToMyConcernAction } from "../actions";

/** A reporter adds to what they told us; it is appended, never changes what they wrote before. */
export function AddToMyConcernForm({ concernId, idempotencyKey }: { concernId: string; idempotencyKey: string }) {
  const { state, formAction, value, errors, key, idempotencyKey: formKey } = useForm(addToMyConcernAction, { idempotencyKey });
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label="Add more">
      <FormMessage state={state} />
      <IdempotencyKeyField value={formKey} />
      <input type="hidden" name="concernId" value={concernId} />
      <div key={key}>
        <TextArea
          id={`add-${concernId}`}
          name="text"
          label="Add more"
          hint="Anything you remembered or that happened since."
          defaultValue={value("text")}
          errors={errors("text")}
        />
      </div>
      <SubmitButton variant="secondary">Add</SubmitButton>
    </form>
  );
}
