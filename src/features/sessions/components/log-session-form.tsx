"use client";

import { RadioGroup, Select, TextArea, TextInput } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { logSessionAction } from "../actions";

const MOODS = [
  { value: "1", label: "1 · Very low" },
  { value: "2", label: "2 · Low" },
  { value: "3", label: "3 · OK" },
  { value: "4", label: "4 · Good" },
  { value: "5", label: "5 · Great" },
];

/** One screen on a phone: with the defaults, a 1:1 session is two taps (open, save). */
export function LogSessionForm({
  pairingId,
  mentees,
  today,
  defaultMinutes,
  activities,
}: {
  pairingId: string;
  mentees: { studentId: string; firstName: string }[];
  today: string;
  defaultMinutes: number;
  activities: { id: string; name: string }[];
}) {
  const { state, formAction, value, errors, key } = useForm(logSessionAction);
  return (
    <form action={formAction} className="space-y-5" noValidate aria-label="Log a session">
      <FormMessage state={state} />
      {state.ok ? (
        <p className="text-muted">Your coordinator can see it now. You can log another session below, or go back to your page.</p>
      ) : null}
      <input type="hidden" name="pairingId" value={pairingId} />
      <div key={key} className="space-y-5">
        <TextInput
          id="heldOn"
          name="heldOn"
          type="date"
          label="Date"
          defaultValue={value("heldOn", today)}
          max={today}
          errors={errors("heldOn")}
        />
        {mentees.map((m) => (
          <div key={m.studentId} className="space-y-3 rounded-lg border border-line p-3">
            <RadioGroup
              name={`attendance_${m.studentId}`}
              legend={`Did ${m.firstName} come?`}
              inline
              defaultValue={value(`attendance_${m.studentId}`, "PRESENT")}
              options={[
                { value: "PRESENT", label: "Came" },
                { value: "LATE", label: "Came late" },
                { value: "ABSENT", label: "Did not come" },
              ]}
            />
            <Select
              id={`mood_${m.studentId}`}
              name={`mood_${m.studentId}`}
              label={`How did ${m.firstName} seem? (optional)`}
              placeholder="Not sure"
              defaultValue={value(`mood_${m.studentId}`)}
              options={MOODS}
            />
          </div>
        ))}
        {errors("pupils") ? (
          <p role="alert" className="font-semibold text-danger">
            {errors("pupils")!.join(" ")}
          </p>
        ) : null}
        <Select
          id="activityId"
          name="activityId"
          label="What did you do?"
          defaultValue={value("activityId", activities[0]?.id ?? "")}
          errors={errors("activityId")}
          options={activities.map((a) => ({ value: a.id, label: a.name }))}
        />
        <TextInput
          id="durationMinutes"
          name="durationMinutes"
          type="number"
          inputMode="numeric"
          label="Minutes"
          defaultValue={value("durationMinutes", String(defaultMinutes))}
          errors={errors("durationMinutes")}
        />
        <TextArea
          id="notes"
          name="notes"
          label="Notes (optional)"
          hint="Only staff can read these. If you are worried about someone, tell a member of staff today."
          defaultValue={value("notes")}
          errors={errors("notes")}
        />
      </div>
      <SubmitButton size="lg" className="w-full">
        Save session
      </SubmitButton>
    </form>
  );
}
