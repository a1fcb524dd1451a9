"use client";

import { Select, TextInput } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { ConfirmedRemoveForm } from "@/components/forms/confirmed-remove-form";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { addProgrammeSkipAction, removeProgrammeSkipAction } from "../actions";
import { SKIPS_HEADING } from "../headings";
import { SKIP_YEAR_GROUPS, skipGroupLabel, WHOLE_PROGRAMME } from "../labels";

const GROUP_OPTIONS = [WHOLE_PROGRAMME, ...SKIP_YEAR_GROUPS].map((n) => ({ value: String(n), label: skipGroupLabel(n) }));

/** Weeks with no mentoring: exams, trips, mocks for one year group. */
export function AddSkipForm({ programmeId }: { programmeId: string }) {
  const { state, formAction, value, errors, key } = useForm(addProgrammeSkipAction);
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Add skipped weeks">
      <FormMessage state={state} />
      <input type="hidden" name="programmeId" value={programmeId} />
      <div key={key} className="space-y-4">
        <div className="grid gap-4 md:grid-cols-2">
          <TextInput
            id="skip-startsOn"
            name="startsOn"
            type="date"
            label="First day"
            defaultValue={value("startsOn")}
            errors={errors("startsOn")}
          />
          <TextInput
            id="skip-endsOn"
            name="endsOn"
            type="date"
            label="Last day"
            hint="The same as the first for a single day."
            defaultValue={value("endsOn")}
            errors={errors("endsOn")}
          />
        </div>
        <div className="grid gap-4 md:grid-cols-2">
          <Select
            id="skip-yearGroup"
            name="yearGroup"
            label="Who has no sessions"
            options={GROUP_OPTIONS}
            defaultValue={value("yearGroup", String(WHOLE_PROGRAMME))}
            errors={errors("yearGroup")}
          />
          <TextInput
            id="skip-reason"
            name="reason"
            label="Why"
            hint="For example “Year 11 mocks” or “Activities week”."
            defaultValue={value("reason")}
            errors={errors("reason")}
          />
        </div>
      </div>
      <SubmitButton>Add skipped weeks</SubmitButton>
    </form>
  );
}

export function RemoveSkipForm({ skipId, label }: { skipId: string; label: string }) {
  return (
    <ConfirmedRemoveForm
      action={removeProgrammeSkipAction}
      focusId={SKIPS_HEADING}
      field={{ name: "skipId", value: skipId }}
      openerLabel={`Remove ${label}…`}
      title={`Remove ${label}?`}
      description="Sessions will be planned in these weeks again."
    />
  );
}
