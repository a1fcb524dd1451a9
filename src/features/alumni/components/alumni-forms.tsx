"use client";

import { Select, TextInput } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { ConfirmedRemoveForm } from "@/components/forms/confirmed-remove-form";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { useAnnouncedAction } from "@/components/ui/toast";
import { endAlumniMentorAction, inviteAlumniMentorAction, recordVolunteerCheckAction } from "../actions";
import { VOLUNTEER_CHECK_KINDS, volunteerCheckLabels } from "../schemas";

/** Focus returns to the list's heading when an alumni mentor's role ends. */
export const ALUMNI_HEADING = "alumni-heading";

export function RecordCheckForm({ studentId, name }: { studentId: string; name: string }) {
  const { state, formAction, value, errors, key } = useForm(recordVolunteerCheckAction);
  const id = (field: string) => `${field}-${studentId}`;
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label={`Record ${name}'s safeguarding check`}>
      <FormMessage state={state} />
      <input type="hidden" name="studentId" value={studentId} />
      <div key={key} className="grid gap-3 md:grid-cols-3">
        <Select
          id={id("kind")}
          name="kind"
          label="Check"
          options={VOLUNTEER_CHECK_KINDS.map((k) => ({ value: k, label: volunteerCheckLabels[k] }))}
          defaultValue={value("kind", "ENHANCED_DBS")}
          errors={errors("kind")}
        />
        <TextInput
          id={id("checkedOn")}
          name="checkedOn"
          type="date"
          label="Date on the certificate"
          defaultValue={value("checkedOn")}
          errors={errors("checkedOn")}
        />
        <TextInput
          id={id("reference")}
          name="reference"
          label="Certificate number"
          autoComplete="off"
          defaultValue={value("reference")}
          errors={errors("reference")}
        />
      </div>
      <SubmitButton variant="secondary">Record check</SubmitButton>
    </form>
  );
}

export function InviteAlumniForm({ studentId, name }: { studentId: string; name: string }) {
  // The form leaves the page once they are invited, so the answer is announced where it stays.
  const { state, formAction, value, errors, key } = useForm(useAnnouncedAction(inviteAlumniMentorAction, ALUMNI_HEADING));
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label={`Invite ${name} back as a mentor`}>
      <FormMessage state={state} />
      <input type="hidden" name="studentId" value={studentId} />
      <div key={key}>
        <TextInput
          id={`personalEmail-${studentId}`}
          name="personalEmail"
          type="email"
          autoComplete="off"
          label="Their email address now"
          hint="Not their old school address, which has closed. They sign in with this one."
          defaultValue={value("personalEmail")}
          errors={errors("personalEmail")}
        />
      </div>
      <SubmitButton>Invite back as a mentor</SubmitButton>
    </form>
  );
}

export function EndAlumniForm({ studentId, name }: { studentId: string; name: string }) {
  return (
    <ConfirmedRemoveForm
      action={endAlumniMentorAction}
      focusId={ALUMNI_HEADING}
      field={{ name: "studentId", value: studentId }}
      verb="End"
      openerLabel={`End ${name}'s time as an alumni mentor`}
      title={`End ${name}'s time as an alumni mentor?`}
      description="They are signed out at once and can no longer see their pairings. Their records stay."
    />
  );
}
