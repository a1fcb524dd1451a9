"use client";

import { useState } from "react";
import { RadioGroup, Select, TextArea, TextInput } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { ConfirmDialog, useConfirm } from "@/components/ui/confirm-dialog";
import { useAnnouncedAction } from "@/components/ui/toast";
import { ConfirmedRemoveForm } from "@/components/forms/confirmed-remove-form";
import { FormMessage } from "@/components/forms/form-message";
import { IdempotencyKeyField } from "@/components/forms/idempotency-key-field";
import { useForm } from "@/components/forms/use-form";
import { ACTION_LABELS, CATEGORY_LABELS, CONCERN_ACTIONS, CONCERN_CATEGORIES, CONCERN_STATUSES, STATUS_LABELS } from "@/lib/concerns";
import type { ConcernCategory, ConcernStatus } from "@/generated/prisma/enums";
import { PupilPairSelects } from "@/features/keep-apart/components/keep-apart-forms";
import {
  addConcernPupilAction,
  changeConcernCategoryAction,
  changeConcernStatusAction,
  correctConcernEntryAction,
  keepApartFromConcernAction,
  pauseFromConcernAction,
  recordConcernActionAction,
  removeConcernPupilAction,
  resumeFromConcernAction,
  routeConcernToStaffAction,
  shareConcernNoteAction,
} from "../actions";

type Option = { value: string; label: string };
export const CHRONOLOGY_HEADING = "chronology-heading";

export function RecordActionForm({ concernId, idempotencyKey }: { concernId: string; idempotencyKey: string }) {
  const { state, formAction, value, errors, key, idempotencyKey: formKey } = useForm(recordConcernActionAction, { idempotencyKey });
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Add an action">
      <FormMessage state={state} />
      <IdempotencyKeyField value={formKey} />
      <input type="hidden" name="concernId" value={concernId} />
      <div key={key} className="space-y-4">
        <Select
          id="action"
          name="action"
          label="What was done"
          placeholder="Choose one"
          options={CONCERN_ACTIONS.map((a) => ({ value: a, label: ACTION_LABELS[a] }))}
          defaultValue={value("action")}
          errors={errors("action")}
        />
        <TextInput
          id="happenedOn"
          name="happenedOn"
          type="date"
          label="When (if not today)"
          defaultValue={value("happenedOn")}
          errors={errors("happenedOn")}
        />
        <TextArea id="action-reason" name="reason" label="Who, what and why" defaultValue={value("reason")} errors={errors("reason")} />
      </div>
      <SubmitButton>Add to the chronology</SubmitButton>
    </form>
  );
}

/** Closing asks first: the outcome is written into the record for good. */
export function StatusForm({ concernId, status }: { concernId: string; status: ConcernStatus }) {
  const formId = `status-${concernId}`;
  const { state, formAction, value, errors, key } = useForm(changeConcernStatusAction);
  const [next, setNext] = useState(value("status", status === "OPEN" ? "IN_PROGRESS" : status === "IN_PROGRESS" ? "CLOSED" : "OPEN"));
  const dialog = useConfirm(formId);
  return (
    <form
      id={formId}
      action={formAction}
      onSubmit={(event) => (next === "CLOSED" ? dialog.onSubmit(event) : undefined)}
      onChange={(event) => {
        const target: EventTarget = event.target;
        if (target instanceof HTMLInputElement && target.name === "status") setNext(target.value);
      }}
      className="space-y-4"
      noValidate
      aria-label="Change the status"
    >
      <FormMessage state={state} />
      <input type="hidden" name="concernId" value={concernId} />
      <div key={key} className="space-y-4">
        <RadioGroup
          name="status"
          legend="Status"
          options={CONCERN_STATUSES.filter((s) => s !== status).map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
          defaultValue={next}
          errors={errors("status")}
          inline
        />
        <TextArea
          id="status-reason"
          name="reason"
          label={next === "CLOSED" ? "Outcome" : "Why"}
          defaultValue={value("reason")}
          errors={errors("reason")}
        />
      </div>
      <SubmitButton>{next === "CLOSED" ? "Close concern" : "Change status"}</SubmitButton>
      <ConfirmDialog
        open={dialog.open}
        onOpenChange={dialog.setOpen}
        onConfirm={dialog.confirm}
        title="Close this concern?"
        description="The outcome goes into the chronology for good. You can reopen the concern later, with a reason."
        confirmLabel="Close concern"
      />
    </form>
  );
}

export function CategoryForm({ concernId, category }: { concernId: string; category: ConcernCategory }) {
  const { state, formAction, value, errors, key } = useForm(changeConcernCategoryAction);
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Change the category">
      <FormMessage state={state} />
      <input type="hidden" name="concernId" value={concernId} />
      <div key={key} className="space-y-4">
        <Select
          id="category"
          name="category"
          label="Category"
          options={CONCERN_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
          defaultValue={value("category", category)}
          errors={errors("category")}
        />
        <TextInput id="category-reason" name="reason" label="Why it changes" defaultValue={value("reason")} errors={errors("reason")} />
      </div>
      <SubmitButton variant="secondary">Change category</SubmitButton>
    </form>
  );
}

export function AddPupilForm({ concernId, pupils }: { concernId: string; pupils: Option[] }) {
  const { state, formAction, value, errors, key } = useForm(addConcernPupilAction);
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Link a pupil">
      <FormMessage state={state} />
      <input type="hidden" name="concernId" value={concernId} />
      <div key={key} className="space-y-4">
        <Select
          id="link-pupil"
          name="studentId"
          label="Pupil"
          placeholder="Choose a pupil"
          options={pupils}
          defaultValue={value("studentId")}
          errors={errors("studentId")}
        />
        <TextInput id="link-reason" name="reason" label="Note (optional)" defaultValue={value("reason")} errors={errors("reason")} />
      </div>
      <SubmitButton variant="secondary">Link pupil</SubmitButton>
    </form>
  );
}

export function RemovePupilForm({ concernId, studentId, name }: { concernId: string; studentId: string; name: string }) {
  return (
    <ConfirmedRemoveForm
      action={removeConcernPupilAction}
      focusId={CHRONOLOGY_HEADING}
      field={{ name: "studentId", value: studentId }}
      extraFields={[{ name: "concernId", value: concernId }]}
      openerLabel={`Remove ${name} from this concern`}
      title={`Remove ${name} from this concern?`}
      description="Their record no longer shows in this concern. The chronology keeps a note that they were removed."
    />
  );
}

export function CorrectEntryForm({ concernId, entryId, idempotencyKey }: { concernId: string; entryId: string; idempotencyKey: string }) {
  const { state, formAction, value, errors, key, idempotencyKey: formKey } = useForm(correctConcernEntryAction, { idempotencyKey });
  return (
    <details className="mt-2">
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-accent">Add a correction</summary>
      <form action={formAction} className="mt-2 space-y-3" noValidate aria-label="Add a correction">
        <FormMessage state={state} />
        <IdempotencyKeyField value={formKey} />
        <input type="hidden" name="concernId" value={concernId} />
        <input type="hidden" name="entryId" value={entryId} />
        <div key={key}>
          <TextArea
            id={`correct-${entryId}`}
            name="text"
            label="Correction"
            hint="The entry stays as it was; this is added after it."
            defaultValue={value("text")}
            errors={errors("text")}
          />
        </div>
        <SubmitButton variant="secondary">Add correction</SubmitButton>
      </form>
    </details>
  );
}

export function ShareNoteForm({ concernId, sharedNote }: { concernId: string; sharedNote: string | null }) {
  const { state, formAction, value, errors, key } = useForm(useAnnouncedAction(shareConcernNoteAction));
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Share a line with coordinators">
      <FormMessage state={state} />
      <input type="hidden" name="concernId" value={concernId} />
      <div key={key}>
        <TextInput
          id="shared-note"
          name="note"
          label="One line for coordinators"
          hint="Coordinators see this line on the linked pupils' pages, and nothing else. Leave it empty to stop sharing."
          maxLength={140}
          defaultValue={value("note", sharedNote ?? "")}
          errors={errors("note")}
        />
      </div>
      <SubmitButton variant="secondary">{sharedNote ? "Save line" : "Share line"}</SubmitButton>
    </form>
  );
}

export function KeepApartFromConcernForm({ concernId, pupils }: { concernId: string; pupils: Option[] }) {
  const { state, formAction, value, errors, key } = useForm(keepApartFromConcernAction);
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Keep two pupils apart">
      <FormMessage state={state} />
      <input type="hidden" name="concernId" value={concernId} />
      <div key={key} className="space-y-4">
        <PupilPairSelects pupils={pupils} value={value} errors={errors} idPrefix="apart-" />
        <TextInput
          id="apart-reason"
          name="reason"
          label="Why"
          hint={'Only safeguarding leads read this. Other staff see "Set by the safeguarding lead".'}
          defaultValue={value("reason")}
          errors={errors("reason")}
        />
      </div>
      <SubmitButton variant="secondary">Keep apart</SubmitButton>
    </form>
  );
}

type Mentoring = { id: string; label: string; mentees: { id: string; name: string }[] };

export function PauseFromConcernForm({ concernId, mentoring }: { concernId: string; mentoring: Mentoring[] }) {
  const { state, formAction, value, errors, key } = useForm(pauseFromConcernAction);
  const places = mentoring.flatMap((m) =>
    m.mentees.length > 1 ? m.mentees.map((t) => ({ value: t.id, label: `${t.name}'s place (${m.label})` })) : [],
  );
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Pause mentoring">
      <FormMessage state={state} />
      <input type="hidden" name="concernId" value={concernId} />
      <div key={key} className="space-y-4">
        <Select
          id="pause-pairing"
          name="pairingId"
          label="Mentoring"
          placeholder="Choose one"
          options={mentoring.map((m) => ({ value: m.id, label: m.label }))}
          defaultValue={value("pairingId")}
          errors={errors("pairingId")}
        />
        {places.length > 0 ? (
          <Select
            id="pause-place"
            name="studentId"
            label="Only one mentee's place in a group? (optional)"
            placeholder="The whole pairing"
            options={places}
            defaultValue={value("studentId")}
            errors={errors("studentId")}
          />
        ) : null}
        <TextInput
          id="pause-reason"
          name="reason"
          label="Why"
          hint="Only safeguarding leads read this. The pupils see only that mentoring is paused for now."
          defaultValue={value("reason")}
          errors={errors("reason")}
        />
      </div>
      <SubmitButton variant="secondary">Pause mentoring</SubmitButton>
    </form>
  );
}

export function ResumeFromConcernForm({ concernId, pauseId, label }: { concernId: string; pauseId: string; label: string }) {
  return (
    <ConfirmedRemoveForm
      action={resumeFromConcernAction}
      focusId={CHRONOLOGY_HEADING}
      field={{ name: "pauseId", value: pauseId }}
      extraFields={[{ name: "concernId", value: concernId }]}
      verb="Resume"
      openerLabel={`Resume ${label}`}
      title={`Resume ${label}?`}
      description="Meetings are planned again from today. The chronology keeps a note of it."
    />
  );
}

export function RouteToStaffForm({ concernId, staff }: { concernId: string; staff: Option[] }) {
  const { state, formAction, value, errors, key } = useForm(routeConcernToStaffAction);
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="About a member of staff">
      <FormMessage state={state} />
      <input type="hidden" name="concernId" value={concernId} />
      <div key={key} className="space-y-4">
        <Select
          id="route-staff"
          name="aboutStaffId"
          label="Member of staff it is about"
          hint="It then goes to the headteacher (or the chair of governors if it is about the headteacher). Safeguarding leads, and the person named, no longer see it."
          placeholder="Choose a member of staff"
          options={staff}
          defaultValue={value("aboutStaffId")}
          errors={errors("aboutStaffId")}
        />
        <TextInput id="route-reason" name="reason" label="Why" defaultValue={value("reason")} errors={errors("reason")} />
      </div>
      <SubmitButton variant="secondary">Send to the headteacher</SubmitButton>
    </form>
  );
}
