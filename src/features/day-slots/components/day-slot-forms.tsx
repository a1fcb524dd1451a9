"use client";

import { Select, TextInput } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useAnnouncedAction } from "@/components/ui/toast";
import { ConfirmedRemoveForm } from "@/components/forms/confirmed-remove-form";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import {
  addDaySlotAction,
  removeYearGroupTimesAction,
  restoreDaySlotAction,
  retireDaySlotAction,
  setYearGroupTimesAction,
  updateDaySlotAction,
} from "../actions";
import { DAY_SLOTS_HEADING_ID, slotHeadingId } from "../headings";
import { SLOT_YEAR_GROUPS } from "../schemas";

type Slot = { id: string; name: string; startTime: string; endTime: string };

/** Start and end, side by side from a tablet up. */
function TimeFields({
  idPrefix,
  value,
  errors,
  defaults,
}: {
  idPrefix: string;
  value: (name: string, fallback?: string) => string;
  errors: (name: string) => string[] | undefined;
  defaults?: { startTime: string; endTime: string };
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextInput
        id={`${idPrefix}-start`}
        name="startTime"
        type="time"
        label="Starts"
        defaultValue={value("startTime", defaults?.startTime)}
        errors={errors("startTime")}
      />
      <TextInput
        id={`${idPrefix}-end`}
        name="endTime"
        type="time"
        label="Ends"
        defaultValue={value("endTime", defaults?.endTime)}
        errors={errors("endTime")}
      />
    </div>
  );
}

export function AddDaySlotForm() {
  const { state, formAction, value, errors, key } = useForm(addDaySlotAction);
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Add a slot">
      <FormMessage state={state} />
      <div key={key} className="space-y-4">
        <TextInput
          id="new-slot-name"
          name="name"
          label="Name"
          hint="For example “Form time” or “After school”."
          defaultValue={value("name")}
          errors={errors("name")}
        />
        <TimeFields idPrefix="new-slot" value={value} errors={errors} />
      </div>
      <SubmitButton>Add slot</SubmitButton>
    </form>
  );
}

export function UpdateDaySlotForm({ slot }: { slot: Slot }) {
  const { state, formAction, value, errors, key } = useForm(updateDaySlotAction);
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label={`Change ${slot.name}`}>
      <FormMessage state={state} />
      <input type="hidden" name="slotId" value={slot.id} />
      <div key={key} className="space-y-4">
        <TextInput id={`${slot.id}-name`} name="name" label="Name" defaultValue={value("name", slot.name)} errors={errors("name")} />
        <TimeFields idPrefix={slot.id} value={value} errors={errors} defaults={slot} />
      </div>
      <SubmitButton variant="secondary">Save changes</SubmitButton>
    </form>
  );
}

export function SetYearGroupTimesForm({ slot }: { slot: Slot }) {
  const { state, formAction, value, errors, key } = useForm(setYearGroupTimesAction);
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label={`A year group's own times for ${slot.name}`}>
      <FormMessage state={state} />
      <input type="hidden" name="slotId" value={slot.id} />
      <div key={key} className="space-y-4">
        <Select
          id={`${slot.id}-year`}
          name="yearGroup"
          label="Year group"
          placeholder="Choose a year group"
          options={SLOT_YEAR_GROUPS.map((y) => ({ value: String(y), label: `Year ${y}` }))}
          defaultValue={value("yearGroup")}
          errors={errors("yearGroup")}
        />
        <TimeFields idPrefix={`${slot.id}-year`} value={value} errors={errors} />
      </div>
      <SubmitButton variant="secondary">Set times</SubmitButton>
    </form>
  );
}

export function RemoveYearGroupTimesForm({
  yearTimeId,
  slot,
  yearGroup,
  times,
}: {
  yearTimeId: string;
  slot: Slot;
  yearGroup: number;
  times: string;
}) {
  return (
    <ConfirmedRemoveForm
      action={removeYearGroupTimesAction}
      focusId={slotHeadingId(slot.id)}
      field={{ name: "yearTimeId", value: yearTimeId }}
      openerLabel={`Remove Year ${yearGroup}'s own times for ${slot.name}…`}
      title={`Remove Year ${yearGroup}'s own times for ${slot.name} (${times})?`}
      description={`Year ${yearGroup} will have ${slot.name} at the usual times, ${slot.startTime}–${slot.endTime}. Their free times and pairings then use those times.`}
    />
  );
}

export function RetireDaySlotForm({ slot, pupilCount, pairingCount }: { slot: Slot; pupilCount: number; pairingCount: number }) {
  const kept = [
    pupilCount > 0 ? `${pupilCount} pupil${pupilCount === 1 ? " has" : "s have"} it as a free time` : null,
    pairingCount > 0 ? `${pairingCount} pairing${pairingCount === 1 ? " meets" : "s meet"} then` : null,
  ].filter(Boolean);
  return (
    <ConfirmedRemoveForm
      action={retireDaySlotAction}
      focusId={DAY_SLOTS_HEADING_ID}
      field={{ name: "slotId", value: slot.id }}
      verb="Retire"
      openerLabel={`Retire ${slot.name}…`}
      title={`Retire ${slot.name}?`}
      description={`Pupils will no longer be offered ${slot.name} as a free time. ${
        kept.length > 0 ? `${kept.join(", and ")}: they keep it, shown as retired.` : "Nobody has chosen it yet."
      } You can bring it back later.`}
    />
  );
}

export function RestoreDaySlotForm({ slot }: { slot: Slot }) {
  const { state, formAction } = useForm(useAnnouncedAction(restoreDaySlotAction, DAY_SLOTS_HEADING_ID));
  return (
    <form action={formAction}>
      {state.ok ? null : <FormMessage state={state} />}
      <input type="hidden" name="slotId" value={slot.id} />
      <SubmitButton variant="secondary" pendingText="Bringing back…">
        Bring back<span className="sr-only"> {slot.name}</span>
      </SubmitButton>
    </form>
  );
}
