"use client";

import { TextInput } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { reversePointsAction } from "../actions";

export function ReversePointsForm({ entryId }: { entryId: string }) {
  const { state, formAction, value, errors, key } = useForm(reversePointsAction);
  return (
    <details className="mt-1">
      <summary className="min-h-11 cursor-pointer py-2 text-sm font-semibold text-accent">Correct this entry</summary>
      <form action={formAction} className="space-y-2 pb-2" noValidate>
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
        <SubmitButton variant="secondary">Add correcting entry</SubmitButton>
      </form>
    </details>
  );
}
