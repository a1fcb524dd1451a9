"use client";

import { RadioGroup, TextInput } from "@/components/ui/field";
import { CheckboxList } from "@/components/ui/checkbox-list";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { IdempotencyKeyField } from "@/components/forms/idempotency-key-field";
import { createPairingAction } from "../actions";

type Option = { studentId: string; label: string; detail: string };
const toOptions = (list: Option[]) => list.map((o) => ({ value: o.studentId, label: o.label, detail: o.detail }));

export function CreatePairingForm({
  programmeId,
  mentors,
  mentees,
  today,
  idempotencyKey,
}: {
  programmeId: string;
  mentors: Option[];
  mentees: Option[];
  today: string;
  idempotencyKey: string;
}) {
  const { state, formAction, value, values, errors, key, idempotencyKey: formKey } = useForm(createPairingAction, { idempotencyKey });
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Create a pairing or group">
      <FormMessage state={state} />
      <input type="hidden" name="programmeId" value={programmeId} />
      <IdempotencyKeyField value={formKey} />
      <div key={key} className="space-y-4">
        <RadioGroup
          name="kind"
          legend="Type"
          inline
          defaultValue={value("kind", "ONE_TO_ONE")}
          errors={errors("kind")}
          options={[
            { value: "ONE_TO_ONE", label: "1:1 pair" },
            { value: "GROUP", label: "Mixed-age group" },
          ]}
        />
        <div className="grid gap-4 md:grid-cols-2">
          <CheckboxList
            name="mentorIds"
            legend="Mentor(s)"
            options={toOptions(mentors)}
            selected={values("mentorIds")}
            errors={errors("mentorIds")}
          />
          <CheckboxList
            name="menteeIds"
            legend="Mentee(s)"
            options={toOptions(mentees)}
            selected={values("menteeIds")}
            errors={errors("menteeIds")}
          />
        </div>
        <div className="grid gap-4 md:grid-cols-2">
          <TextInput id="pairing-name" name="name" label="Group name (optional)" defaultValue={value("name")} errors={errors("name")} />
          <TextInput
            id="startsOn"
            name="startsOn"
            type="date"
            label="Start date"
            hint="The trial runs for two weeks from this date."
            defaultValue={value("startsOn", today)}
            errors={errors("startsOn")}
          />
        </div>
        <TextInput
          id="trainingOverrideReason"
          name="trainingOverrideReason"
          label="Reason to pair a mentor who has not finished training (only if needed)"
          hint="Leave empty unless you are choosing an untrained mentor on purpose. The reason is recorded."
          defaultValue={value("trainingOverrideReason")}
          errors={errors("trainingOverrideReason")}
        />
      </div>
      <SubmitButton>Create pairing</SubmitButton>
    </form>
  );
}
