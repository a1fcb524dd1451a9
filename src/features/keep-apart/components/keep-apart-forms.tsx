"use client";

import { Select, TextArea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { ConfirmedRemoveForm } from "@/components/forms/confirmed-remove-form";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { addKeepApartAction, removeKeepApartAction } from "../actions";

export function AddKeepApartForm({ pupils }: { pupils: { value: string; label: string }[] }) {
  const { state, formAction, value, errors, key } = useForm(addKeepApartAction);
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Keep two pupils apart">
      <FormMessage state={state} />
      <div key={key} className="space-y-4">
        <div className="grid gap-4 md:grid-cols-2">
          <Select
            id="studentAId"
            name="studentAId"
            label="First pupil"
            placeholder="Choose a pupil"
            options={pupils}
            defaultValue={value("studentAId")}
            errors={errors("studentAId")}
          />
          <Select
            id="studentBId"
            name="studentBId"
            label="Second pupil"
            placeholder="Choose a pupil"
            options={pupils}
            defaultValue={value("studentBId")}
            errors={errors("studentBId")}
          />
        </div>
        <TextArea
          id="keep-apart-reason"
          name="reason"
          label="Reason"
          hint="Staff only. Pupils never see this list."
          defaultValue={value("reason")}
          errors={errors("reason")}
        />
      </div>
      <SubmitButton>Keep apart</SubmitButton>
    </form>
  );
}

/** Focus returns to the list's heading when a removed pair leaves it. */
export const KEEP_APART_HEADING = "keep-apart-heading";

export function RemoveKeepApartForm({ keepApartId, pupils }: { keepApartId: string; pupils: string }) {
  return (
    <ConfirmedRemoveForm
      action={removeKeepApartAction}
      focusId={KEEP_APART_HEADING}
      field={{ name: "keepApartId", value: keepApartId }}
      title="Remove this keep-apart pair?"
      description={`${pupils} could then be suggested or paired together.`}
    />
  );
}
