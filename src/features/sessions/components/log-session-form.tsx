"use client";

import { RadioGroup, Select, TextArea, TextInput } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { faceOptions } from "@/lib/faces";
import { editSessionAction, logSessionAction } from "../actions";

type Mentee = { studentId: string; firstName: string };

/** What an edit starts from: the log as it is now. */
export type SessionValues = {
  sessionId: string;
  version: number;
  heldOn: string;
  durationMinutes: number;
  activityId: string;
  notes: string;
  noteVisibility: "STAFF_ONLY" | "SHARED";
  fitCheck: "YES" | "NOT_SURE" | "NO" | null;
  fitCheckNote: string;
  attendances: { studentId: string; attendance: string; mood: number | null }[];
};

/**
 * One screen on a phone: with the defaults (the planned day, everyone came), a 1:1 session is two taps
 * (open, save). A new pairing's first session also asks whether it felt like a good match. The same
 * form edits a log while it is open (`editing`).
 */
export function LogSessionForm({
  pairingId,
  mentees,
  today,
  plannedDay,
  defaultMinutes,
  activities,
  isFirst,
  isGroup,
  editing,
}: {
  pairingId: string;
  mentees: Mentee[];
  today: string;
  /** The planned day of this week's meeting, if it has come; else today. */
  plannedDay: string;
  defaultMinutes: number;
  activities: { id: string; name: string }[];
  isFirst: boolean;
  isGroup: boolean;
  editing?: SessionValues;
}) {
  const { state, formAction, value, errors, key } = useForm(editing ? editSessionAction : logSessionAction);
  const was = (name: string) => editing?.attendances.find((a) => `attendance_${a.studentId}` === name || `mood_${a.studentId}` === name);
  const initial = (name: string, fallback: string) => {
    if (state.values) return value(name, fallback);
    return fallback;
  };
  const sharedWith = isGroup ? "Share with the group's mentees" : `Share with ${mentees[0]?.firstName ?? "my mentee"}`;
  return (
    <form action={formAction} className="space-y-5" noValidate aria-label={editing ? "Change this session" : "Log a session"}>
      <FormMessage state={state} />
      {state.ok && !editing ? (
        <p className="text-muted">Your coordinator can see it now. You can log another session below, or go back to your page.</p>
      ) : null}
      {editing ? (
        <>
          <input type="hidden" name="sessionId" value={editing.sessionId} />
          {/* The page is rendered again after a save, so this is always the version on screen. */}
          <input type="hidden" name="version" value={String(editing.version)} />
        </>
      ) : (
        <input type="hidden" name="pairingId" value={pairingId} />
      )}
      <div key={key} className="space-y-5">
        <TextInput
          id="heldOn"
          name="heldOn"
          type="date"
          label="Date"
          defaultValue={initial("heldOn", editing?.heldOn ?? plannedDay)}
          max={today}
          errors={errors("heldOn")}
        />
        {mentees.map((m) => (
          <div key={m.studentId} className="space-y-3 rounded-lg border border-line p-3">
            <RadioGroup
              name={`attendance_${m.studentId}`}
              legend={`Did ${m.firstName} come?`}
              inline
              defaultValue={initial(`attendance_${m.studentId}`, was(`attendance_${m.studentId}`)?.attendance ?? "PRESENT")}
              options={[
                { value: "PRESENT", label: "Came" },
                { value: "LATE", label: "Came late" },
                { value: "ABSENT", label: "Did not come" },
              ]}
            />
            <RadioGroup
              name={`mood_${m.studentId}`}
              legend={`How did ${m.firstName} seem? (optional)`}
              inline
              defaultValue={initial(`mood_${m.studentId}`, was(`mood_${m.studentId}`)?.mood?.toString() ?? "")}
              options={[{ value: "", label: "Not sure" }, ...faceOptions()]}
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
          defaultValue={initial("activityId", editing?.activityId ?? activities[0]?.id ?? "")}
          errors={errors("activityId")}
          options={activities.map((a) => ({ value: a.id, label: a.name }))}
        />
        <TextInput
          id="durationMinutes"
          name="durationMinutes"
          type="number"
          inputMode="numeric"
          label="Minutes"
          defaultValue={initial("durationMinutes", String(editing?.durationMinutes ?? defaultMinutes))}
          errors={errors("durationMinutes")}
        />
        {isFirst ? (
          <div className="space-y-3 rounded-lg border border-line p-3">
            <RadioGroup
              name="fitCheck"
              legend="Did this feel like a good match?"
              hint="Your first session together. Only staff see this answer."
              inline
              defaultValue={initial("fitCheck", editing?.fitCheck ?? "")}
              errors={errors("fitCheck")}
              options={[
                { value: "YES", label: "Yes" },
                { value: "NOT_SURE", label: "Not sure" },
                { value: "NO", label: "No" },
              ]}
            />
            <TextInput
              id="fitCheckNote"
              name="fitCheckNote"
              label="Say a sentence about it (optional)"
              defaultValue={initial("fitCheckNote", editing?.fitCheckNote ?? "")}
              errors={errors("fitCheckNote")}
            />
          </div>
        ) : null}
        <TextArea
          id="notes"
          name="notes"
          label="Notes (optional)"
          hint="If you are worried about someone, tell a member of staff today."
          defaultValue={initial("notes", editing?.notes ?? "")}
          errors={errors("notes")}
        />
        <RadioGroup
          name="noteVisibility"
          legend="Who can read the notes?"
          defaultValue={initial("noteVisibility", editing?.noteVisibility ?? "STAFF_ONLY")}
          errors={errors("noteVisibility")}
          options={[
            { value: "STAFF_ONLY", label: "Only staff" },
            { value: "SHARED", label: sharedWith },
          ]}
        />
      </div>
      <SubmitButton size="lg" className="w-full">
        {editing ? "Save changes" : "Save session"}
      </SubmitButton>
    </form>
  );
}
