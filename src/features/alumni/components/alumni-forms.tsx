"use client";

import { Select, TextInput } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { ConfirmedRemoveForm } from "@/components/forms/confirmed-remove-form";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { IdempotencyKeyField } from "@/components/forms/idempotency-key-field";
import { ShownLink, useFreshLink, withoutLink } from "@/components/forms/shown-link";
import { endAlumniMentorAction, inviteAlumniMentorAction, recordVolunteerCheckAction } from "../actions";
import { VOLUNTEER_CHECK_KINDS, volunteerCheckLabels } from "../schemas";

/** Focus returns to the list's heading when an alumni mentor's role ends. */
export const ALUMNI_HEADING = "alumni-heading";

export function RecordCheckForm({ studentId, name, idempotencyKey }: { studentId: string; name: string; idempotencyKey: string }) {
  // A new record each time (append-only): the form's key makes a double submit record it once.
  const { state, formAction, value, errors, key, idempotencyKey: formKey } = useForm(recordVolunteerCheckAction, { idempotencyKey });
  const id = (field: string) => `${field}-${studentId}`;
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label={`Record ${name}'s safeguarding check`}>
      <FormMessage state={state} />
      <input type="hidden" name="studentId" value={studentId} />
      <IdempotencyKeyField value={formKey} />
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

/**
 * Invite back, then (the same component, so its answer survives the page's refresh) the new link shown
 * once when it was not emailed, and the "End…" button.
 */
export function AlumnusInvitation({ studentId, name, isInvited }: { studentId: string; name: string; isInvited: boolean }) {
  const { fresh, wrap } = useFreshLink();
  const { state, formAction, value, errors, key } = useForm(wrap(inviteAlumniMentorAction));
  const answer = withoutLink(state);
  return (
    <div className="space-y-3">
      {fresh ? <ShownLink key={fresh.id} path={fresh.path} message={fresh.message} /> : null}
      {isInvited ? (
        <>
          {answer.ok && answer.message ? <FormMessage state={answer} /> : null}
          <EndAlumniForm studentId={studentId} name={name} />
        </>
      ) : (
        <form action={formAction} className="space-y-3" noValidate aria-label={`Invite ${name} back as a mentor`}>
          <FormMessage state={answer} />
          <input type="hidden" name="studentId" value={studentId} />
          <div key={key}>
            <TextInput
              id={`personalEmail-${studentId}`}
              name="personalEmail"
              type="email"
              autoComplete="off"
              label="Their email address now"
              hint="Not their old school address, which has closed. They sign in with this one, and their set-password link goes to it."
              defaultValue={value("personalEmail")}
              errors={errors("personalEmail")}
            />
          </div>
          <SubmitButton>Invite back as a mentor</SubmitButton>
        </form>
      )}
    </div>
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
