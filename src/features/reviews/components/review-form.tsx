"use client";

import { RadioGroup, Select, TextArea, TextInput } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { IdempotencyKeyField } from "@/components/forms/idempotency-key-field";
import { recordReviewAction } from "../actions";
import { REVIEW_DECISIONS, reviewDecisionLabels } from "../schemas";

export function ReviewForm({ pairingId, today, idempotencyKey }: { pairingId: string; today: string; idempotencyKey: string }) {
  const { state, formAction, value, errors, key, idempotencyKey: formKey } = useForm(recordReviewAction, { idempotencyKey });
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Record a review">
      <FormMessage state={state} />
      <input type="hidden" name="pairingId" value={pairingId} />
      <IdempotencyKeyField value={formKey} />
      <div key={key} className="space-y-4">
        <TextInput
          id="review-heldOn"
          name="heldOn"
          type="date"
          label="Date of the review"
          defaultValue={value("heldOn", today)}
          errors={errors("heldOn")}
        />
        <RadioGroup
          name="progress"
          legend="Progress (1 = little, 5 = a lot)"
          inline
          defaultValue={value("progress")}
          errors={errors("progress")}
          options={["1", "2", "3", "4", "5"].map((v) => ({ value: v, label: v }))}
        />
        <Select
          id="decision"
          name="decision"
          label="Decision"
          placeholder="Choose a decision"
          defaultValue={value("decision")}
          errors={errors("decision")}
          options={REVIEW_DECISIONS.map((d) => ({ value: d, label: reviewDecisionLabels[d] }))}
        />
        <TextArea id="review-notes" name="notes" label="Notes" hint="Staff only." defaultValue={value("notes")} errors={errors("notes")} />
      </div>
      <SubmitButton>Save review</SubmitButton>
    </form>
  );
}
