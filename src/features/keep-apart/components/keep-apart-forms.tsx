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
        <PupilPairSelects pupils={pupils} value={value} errors={errors} />
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

/** The two pupils of a keep-apart pair, as the keep-apart page and a concern's page both ask for them. */
export function PupilPairSelects({
  pupils,
  value,
  errors,
  idPrefix = "",
}: {
  pupils: { value: string; label: string }[];
  value: (name: string) => string;
  errors: (name: string) => string[] | undefined;
  idPrefix?: string;
}) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {(["studentAId", "studentBId"] as const).map((name, i) => (
        <Select
          key={name}
          id={`${idPrefix}${name}`}
          name={name}
          label={i === 0 ? "First pupil" : "Second pupil"}
          placeholder="Choose a pupil"
          options={pupils}
          defaultValue={value(name)}
          errors={errors(name)}
        />
      ))}
    </div>
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
