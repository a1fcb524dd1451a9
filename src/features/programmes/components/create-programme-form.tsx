"use client";

import { RadioGroup, TextInput } from "@/components/ui/field";
import { CheckboxList } from "@/components/ui/checkbox-list";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/forms/form-message";
import { IdempotencyKeyField } from "@/components/forms/idempotency-key-field";
import { useForm } from "@/components/forms/use-form";
import { FOCUS_AREAS, focusAreaLabels } from "@/features/profiles/schemas";
import { createProgrammeAction } from "../actions";
import { cadenceLabels, programmeFormatLabels } from "../labels";
import { LIMITS } from "../schemas";

export const FOCUS_OPTIONS = FOCUS_AREAS.map((a) => ({ value: a, label: focusAreaLabels[a] }));
export const FORMAT_OPTIONS = Object.entries(programmeFormatLabels).map(([value, label]) => ({ value, label }));
export const CADENCE_OPTIONS = Object.entries(cadenceLabels).map(([value, label]) => ({ value, label }));

/** A new programme: what it is for, how pupils meet, and when it runs. The rest is set on its page. */
export function CreateProgrammeForm({ idempotencyKey, today }: { idempotencyKey: string; today: string }) {
  const { state, formAction, value, values, errors, key, idempotencyKey: formKey } = useForm(createProgrammeAction, { idempotencyKey });
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Create a programme">
      <FormMessage state={state} />
      <IdempotencyKeyField value={formKey} />
      <div key={key} className="space-y-4">
        <TextInput id="new-name" name="name" label="Name" defaultValue={value("name")} errors={errors("name")} />
        <CheckboxList
          name="focusAreas"
          legend="Focus areas: what is it for?"
          options={FOCUS_OPTIONS}
          selected={values("focusAreas")}
          errors={errors("focusAreas")}
        />
        <RadioGroup
          name="format"
          legend="How pupils meet"
          inline
          options={FORMAT_OPTIONS}
          defaultValue={value("format", "ONE_TO_ONE")}
          errors={errors("format")}
        />
        <RadioGroup
          name="cadence"
          legend="How often"
          inline
          options={CADENCE_OPTIONS}
          defaultValue={value("cadence", "WEEKLY")}
          errors={errors("cadence")}
        />
        <TextInput
          id="new-sessionMinutes"
          name="sessionMinutes"
          type="number"
          inputMode="numeric"
          min={LIMITS.sessionMinutes.min}
          max={LIMITS.sessionMinutes.max}
          label="Session length (minutes)"
          defaultValue={value("sessionMinutes", "20")}
          errors={errors("sessionMinutes")}
        />
        <div className="grid gap-4 md:grid-cols-2">
          <TextInput
            id="new-startsOn"
            name="startsOn"
            type="date"
            label="First day"
            defaultValue={value("startsOn", today)}
            errors={errors("startsOn")}
          />
          <TextInput
            id="new-endsOn"
            name="endsOn"
            type="date"
            label="Last day (optional)"
            hint="Leave it empty if the programme runs on."
            defaultValue={value("endsOn")}
            errors={errors("endsOn")}
          />
        </div>
      </div>
      <SubmitButton>Create programme</SubmitButton>
    </form>
  );
}
