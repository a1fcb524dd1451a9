"use client";

import { TextArea, TextInput } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { setSafeguardingRolesAction, updateSafeguardingSettingsAction } from "../actions";

export function SafeguardingSettingsForm({
  dangerInstruction,
  concernEscalateMinutes,
}: {
  dangerInstruction: string;
  concernEscalateMinutes: number;
}) {
  const { state, formAction, value, errors, key } = useForm(updateSafeguardingSettingsAction);
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Safeguarding settings">
      <FormMessage state={state} />
      <div key={key} className="space-y-4">
        <TextArea
          id="dangerInstruction"
          name="dangerInstruction"
          label="What to do when someone is in danger right now"
          hint="Shown the moment anyone answers yes. Leave empty for PeerPath's words. 999 and Childline (0800 1111) are always added."
          rows={3}
          defaultValue={value("dangerInstruction", dangerInstruction)}
          errors={errors("dangerInstruction")}
        />
        <TextInput
          id="concernEscalateMinutes"
          name="concernEscalateMinutes"
          inputMode="numeric"
          label="Minutes before an unopened urgent concern goes to the headteacher"
          defaultValue={value("concernEscalateMinutes", String(concernEscalateMinutes))}
          errors={errors("concernEscalateMinutes")}
        />
      </div>
      <SubmitButton>Save settings</SubmitButton>
    </form>
  );
}

export function SafeguardingRolesForm({
  userId,
  name,
  dsl,
  head,
  chair,
}: {
  userId: string;
  name: string;
  dsl: boolean;
  head: boolean;
  chair: boolean;
}) {
  const { state, formAction } = useForm(setSafeguardingRolesAction);
  const box = (field: "dsl" | "head" | "chair", label: string, checked: boolean) => (
    <label className="flex min-h-11 items-center gap-2">
      <input type="checkbox" name={field} defaultChecked={checked} className="h-5 w-5" />
      {label}
    </label>
  );
  return (
    <form action={formAction} className="space-y-2" aria-label={`Safeguarding roles for ${name}`}>
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <fieldset className="flex flex-wrap items-center gap-x-4">
        <legend className="font-semibold">{name}</legend>
        {box("dsl", "Safeguarding lead or deputy", dsl)}
        {box("head", "Headteacher", head)}
        {box("chair", "Chair of governors", chair)}
      </fieldset>
      <SubmitButton variant="secondary">Save roles</SubmitButton>
    </form>
  );
}
