"use client";

import { RadioGroup, TextInput, FieldError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { createPairingAction } from "../actions";

type Option = { studentId: string; label: string; detail: string; disabled?: boolean };

function PupilChecklist({ name, legend, options, selected, errors }: { name: string; legend: string; options: Option[]; selected: string[]; errors?: string[] }) {
  const errorId = errors?.length ? `${name}-error` : undefined;
  return (
    <fieldset className="space-y-2" aria-describedby={errorId}>
      <legend className="font-semibold">{legend}</legend>
      {options.length === 0 ? <p className="text-muted">Nobody is available yet.</p> : null}
      <ul className="max-h-72 space-y-1 overflow-y-auto rounded-lg border border-line p-2">
        {options.map((o) => (
          <li key={o.studentId}>
            <label className="flex min-h-11 cursor-pointer items-center gap-3 rounded px-2 py-1 hover:bg-accent-soft">
              <input type="checkbox" name={name} value={o.studentId} defaultChecked={selected.includes(o.studentId)} className="h-5 w-5" />
              <span>
                <span className="font-semibold">{o.label}</span> <span className="text-sm text-muted">{o.detail}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      <FieldError id={errorId} errors={errors} />
    </fieldset>
  );
}

export function CreatePairingForm({ programmeId, mentors, mentees, today }: { programmeId: string; mentors: Option[]; mentees: Option[]; today: string }) {
  const { state, formAction, value, values, errors, key } = useForm(createPairingAction);
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Create a pairing or group">
      <FormMessage state={state} />
      <input type="hidden" name="programmeId" value={programmeId} />
      <div key={key} className="space-y-4">
        <RadioGroup name="kind" legend="Type" inline defaultValue={value("kind", "ONE_TO_ONE")} errors={errors("kind")} options={[{ value: "ONE_TO_ONE", label: "1:1 pair" }, { value: "GROUP", label: "Mixed-age group" }]} />
        <div className="grid gap-4 md:grid-cols-2">
          <PupilChecklist name="mentorIds" legend="Mentor(s)" options={mentors} selected={values("mentorIds")} errors={errors("mentorIds")} />
          <PupilChecklist name="menteeIds" legend="Mentee(s)" options={mentees} selected={values("menteeIds")} errors={errors("menteeIds")} />
        </div>
        <div className="grid gap-4 md:grid-cols-2">
          <TextInput id="pairing-name" name="name" label="Group name (optional)" defaultValue={value("name")} errors={errors("name")} />
          <TextInput id="startsOn" name="startsOn" type="date" label="Start date" hint="The trial runs for two weeks from this date." defaultValue={value("startsOn", today)} errors={errors("startsOn")} />
        </div>
        <TextInput id="trainingOverrideReason" name="trainingOverrideReason" label="Reason to pair a mentor who has not finished training (only if needed)" hint="Leave empty unless you are choosing an untrained mentor on purpose. The reason is recorded." defaultValue={value("trainingOverrideReason")} errors={errors("trainingOverrideReason")} />
      </div>
      <SubmitButton>Create pairing</SubmitButton>
    </form>
  );
}
