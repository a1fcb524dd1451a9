"use client";

import { Select, TextInput } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { ConfirmedRemoveForm } from "@/components/forms/confirmed-remove-form";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { WEEKDAYS } from "@/lib/day-slots";
import { cancelOccurrenceAction, moveOccurrenceAction, setPairingSlotAction, undoOccurrenceChangeAction } from "../actions";

export const UPCOMING_HEADING = "upcoming-meetings";

type SlotFormProps = {
  pairingId: string;
  values: {
    weekday: number | null;
    slotId: string | null;
    place: string;
    minutes: number;
    cadence: "WEEKLY" | "FORTNIGHTLY";
    week: "A" | "B" | null;
    supervisorId: string | null;
  };
  daySlots: { id: string; name: string; times: string; isArchived: boolean }[];
  staff: { userId: string; name: string }[];
  hasTwoWeekTimetable: boolean;
};

/** The pairing's regular slot and its supervising teacher, started from the programme's default. */
export function PairingSlotForm({ pairingId, values, daySlots, staff, hasTwoWeekTimetable }: SlotFormProps) {
  const { state, formAction, value, errors, key } = useForm(setPairingSlotAction);
  const initial = (name: keyof SlotFormProps["values"], fallback: string) =>
    state.values ? value(name) : (values[name]?.toString() ?? fallback);
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Regular slot">
      <FormMessage state={state} />
      <input type="hidden" name="pairingId" value={pairingId} />
      <div key={key} className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <Select
            id="weekday"
            name="weekday"
            label="Day"
            placeholder="Choose a day"
            options={WEEKDAYS.map((d) => ({ value: String(d.weekday), label: d.long }))}
            defaultValue={initial("weekday", "")}
            errors={errors("weekday")}
          />
          <Select
            id="slotId"
            name="slotId"
            label="Time of day"
            placeholder="Choose a time"
            options={daySlots.map((s) => ({ value: s.id, label: `${s.name} (${s.times})${s.isArchived ? " — retired" : ""}` }))}
            defaultValue={initial("slotId", "")}
            errors={errors("slotId")}
          />
        </div>
        <TextInput id="place" name="place" label="Place" defaultValue={initial("place", "")} errors={errors("place")} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextInput
            id="minutes"
            name="minutes"
            type="number"
            inputMode="numeric"
            label="Minutes"
            defaultValue={initial("minutes", "20")}
            errors={errors("minutes")}
          />
          <Select
            id="cadence"
            name="cadence"
            label="How often"
            options={[
              { value: "WEEKLY", label: "Every week" },
              { value: "FORTNIGHTLY", label: "Every other week" },
            ]}
            defaultValue={initial("cadence", "WEEKLY")}
            errors={errors("cadence")}
          />
        </div>
        {hasTwoWeekTimetable ? (
          <Select
            id="week"
            name="week"
            label="Two-week timetable: which week (every other week only)"
            placeholder="Not needed (every week)"
            options={[
              { value: "A", label: "Week A" },
              { value: "B", label: "Week B" },
            ]}
            defaultValue={initial("week", "")}
            errors={errors("week")}
          />
        ) : null}
        <Select
          id="supervisorId"
          name="supervisorId"
          label="Supervising teacher (optional)"
          hint="They see this pairing's sessions and may log one for the mentor."
          placeholder="Nobody"
          options={staff.map((s) => ({ value: s.userId, label: s.name }))}
          defaultValue={initial("supervisorId", "")}
          errors={errors("supervisorId")}
        />
      </div>
      <SubmitButton>Save regular slot</SubmitButton>
    </form>
  );
}

/** Move one meeting (within its week or fortnight) or cancel it, each with a reason. */
export function ChangeOccurrenceForms({
  pairingId,
  originalOn,
  startTime,
  place,
}: {
  pairingId: string;
  originalOn: string;
  startTime: string;
  place: string;
}) {
  const move = useForm(moveOccurrenceAction);
  const cancel = useForm(cancelOccurrenceAction);
  return (
    <div className="space-y-6">
      <form action={move.formAction} className="space-y-4" noValidate aria-label="Move this meeting">
        <h3 className="font-semibold">Move it</h3>
        <FormMessage state={move.state} />
        <input type="hidden" name="pairingId" value={pairingId} />
        <input type="hidden" name="originalOn" value={originalOn} />
        <div key={move.key} className="space-y-4">
          <TextInput
            id="movedTo"
            name="movedTo"
            type="date"
            label="New day"
            hint="A school day in the same week (or fortnight)."
            defaultValue={move.value("movedTo", originalOn)}
            errors={move.errors("movedTo")}
          />
          <TextInput
            id="startTime"
            name="startTime"
            type="time"
            label="Time"
            defaultValue={move.value("startTime", startTime)}
            errors={move.errors("startTime")}
          />
          <TextInput id="movePlace" name="place" label="Place" defaultValue={move.value("place", place)} errors={move.errors("place")} />
          <TextInput id="moveReason" name="reason" label="Why" defaultValue={move.value("reason")} errors={move.errors("reason")} />
        </div>
        <SubmitButton>Move this meeting</SubmitButton>
      </form>
      <form action={cancel.formAction} className="space-y-4" noValidate aria-label="Cancel this meeting">
        <h3 className="font-semibold">Or cancel it</h3>
        <FormMessage state={cancel.state} />
        <input type="hidden" name="pairingId" value={pairingId} />
        <input type="hidden" name="originalOn" value={originalOn} />
        <div key={cancel.key}>
          <TextInput id="cancelReason" name="reason" label="Why" defaultValue={cancel.value("reason")} errors={cancel.errors("reason")} />
        </div>
        <SubmitButton variant="secondary">Cancel this meeting</SubmitButton>
      </form>
    </div>
  );
}

export function UndoOccurrenceChangeForm({ pairingId, originalOn, label }: { pairingId: string; originalOn: string; label: string }) {
  return (
    <ConfirmedRemoveForm
      action={undoOccurrenceChangeAction}
      focusId={UPCOMING_HEADING}
      field={{ name: "pairingId", value: pairingId }}
      extraFields={[{ name: "originalOn", value: originalOn }]}
      verb="Undo"
      openerLabel={`Undo the change to ${label}`}
      title="Undo this change?"
      description={`The meeting planned for ${label} goes back to its usual day, time and place, and both pupils see that.`}
    />
  );
}
