"use client";

import { TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { ConfirmedRemoveForm } from "@/components/forms/confirmed-remove-form";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { useAnnouncedAction } from "@/components/ui/toast";
import { addActivityAction, moveActivityAction, renameActivityAction, restoreActivityAction, retireActivityAction } from "../actions";
import { ACTIVE_ACTIVITIES_HEADING, activityNameId, RETIRED_ACTIVITIES_HEADING } from "../headings";

export function AddActivityForm() {
  const { state, formAction, value, errors, key } = useForm(addActivityAction);
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Add an activity">
      <FormMessage state={state} />
      <div key={key}>
        <TextInput
          id="new-activity"
          name="name"
          label="Name"
          hint="For example “Revision together”."
          defaultValue={value("name")}
          errors={errors("name")}
        />
      </div>
      <SubmitButton>Add activity</SubmitButton>
    </form>
  );
}

export function MoveActivityForm({ activityId, name, direction }: { activityId: string; name: string; direction: "up" | "down" }) {
  const { state, formAction } = useForm(useAnnouncedAction(moveActivityAction, activityNameId(activityId)));
  return (
    <form action={formAction}>
      {state.ok ? null : <FormMessage state={state} />}
      <input type="hidden" name="activityId" value={activityId} />
      <input type="hidden" name="direction" value={direction} />
      <Button type="submit" variant="secondary" aria-label={`Move ${name} ${direction}`}>
        {direction === "up" ? "Move up" : "Move down"}
      </Button>
    </form>
  );
}

/** A rename behind a disclosure, so the list stays calm until it is needed. */
export function RenameActivityForm({ activityId, name }: { activityId: string; name: string }) {
  const { state, formAction, value, errors, key } = useForm(renameActivityAction);
  const fieldId = `rename-${activityId}`;
  return (
    <details className="w-full">
      <summary className="inline-flex min-h-11 cursor-pointer items-center rounded-lg px-3 font-semibold text-accent underline-offset-4 hover:underline">
        Rename<span className="sr-only"> {name}</span>…
      </summary>
      <form action={formAction} className="mt-2 space-y-3" noValidate aria-label={`Rename ${name}`}>
        <FormMessage state={state} />
        <input type="hidden" name="activityId" value={activityId} />
        <div key={key}>
          <TextInput id={fieldId} name="name" label={`New name for ${name}`} defaultValue={value("name", name)} errors={errors("name")} />
        </div>
        <SubmitButton>Save name</SubmitButton>
      </form>
    </details>
  );
}

export function RetireActivityForm({ activityId, name }: { activityId: string; name: string }) {
  return (
    <ConfirmedRemoveForm
      action={retireActivityAction}
      focusId={ACTIVE_ACTIVITIES_HEADING}
      field={{ name: "activityId", value: activityId }}
      verb="Retire"
      openerLabel={`Retire ${name}…`}
      title={`Retire ${name}?`}
      description="Mentors will not be offered it any more. Sessions already logged with it keep it, and you can bring it back later."
    />
  );
}

export function RestoreActivityForm({ activityId, name }: { activityId: string; name: string }) {
  const { state, formAction } = useForm(useAnnouncedAction(restoreActivityAction, RETIRED_ACTIVITIES_HEADING));
  return (
    <form action={formAction}>
      {state.ok ? null : <FormMessage state={state} />}
      <input type="hidden" name="activityId" value={activityId} />
      <Button type="submit" variant="secondary" aria-label={`Bring back ${name}`}>
        Bring back
      </Button>
    </form>
  );
}
