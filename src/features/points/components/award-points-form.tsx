"use client";

import { Select, TextInput } from "@/components/ui/field";
import { CheckboxList } from "@/components/ui/checkbox-list";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { IdempotencyKeyField } from "@/components/forms/idempotency-key-field";
import { awardPointsAction } from "../actions";

export function AwardPointsForm({
  programmeId,
  pupils,
  categories,
  idempotencyKey,
  idPrefix = "",
  forMentor = false,
}: {
  programmeId: string;
  pupils: { studentId: string; label: string; detail: string }[];
  categories: { id: string; name: string; defaultAmount: number }[];
  idempotencyKey: string;
  /** Keeps field ids unique when a page shows this form more than once (a mentor in two programmes). */
  idPrefix?: string;
  /** Mentors give points, never take them away: the hints say so. */
  forMentor?: boolean;
}) {
  const { state, formAction, value, values, errors, key, idempotencyKey: formKey } = useForm(awardPointsAction, { idempotencyKey });
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Award points">
      <FormMessage state={state} />
      <input type="hidden" name="programmeId" value={programmeId} />
      <IdempotencyKeyField value={formKey} />
      <div key={key} className="space-y-4">
        <CheckboxList
          name="studentIds"
          legend="Pupils"
          options={pupils.map((p) => ({ value: p.studentId, label: p.label, detail: p.detail }))}
          selected={values("studentIds")}
          errors={errors("studentIds")}
          emptyText="This programme has no pupils yet."
          idPrefix={idPrefix}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <Select
            id={`${idPrefix}categoryId`}
            name="categoryId"
            label="Category"
            defaultValue={value("categoryId", categories[0]?.id ?? "")}
            errors={errors("categoryId")}
            options={categories.map((c) => ({ value: c.id, label: `${c.name} (${c.defaultAmount > 0 ? "+" : ""}${c.defaultAmount})` }))}
          />
          <TextInput
            id={`${idPrefix}amount`}
            name="amount"
            type="number"
            inputMode="numeric"
            min={-10}
            max={10}
            label="Points"
            hint="Leave empty for the category's usual amount, shown next to it."
            defaultValue={value("amount")}
            errors={errors("amount")}
          />
        </div>
        <TextInput
          id={`${idPrefix}reason`}
          name="reason"
          label="Reason"
          hint={
            forMentor
              ? "Needed when giving a different amount. Your mentee sees this."
              : "Needed when taking points away or giving a different amount. The pupil sees this."
          }
          defaultValue={value("reason")}
          errors={errors("reason")}
          maxLength={200}
        />
      </div>
      <SubmitButton>Award points</SubmitButton>
    </form>
  );
}
