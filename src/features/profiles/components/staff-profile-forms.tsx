"use client";

import { FieldError, TextInput } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import type { FreeTimeChoice } from "@/lib/day-slots";
import { updateMatchingDetailsAction, updateMenteeProfileAction, updateMentorProfileAction } from "../actions";
import { FOCUS_AREAS, focusAreaLabels, LIVED_EXPERIENCES } from "../schemas";

function Checks({
  name,
  legend,
  options,
  chosen,
  hint,
  errors,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  chosen: string[];
  hint?: string;
  errors?: string[];
}) {
  return (
    <fieldset>
      <legend className="font-semibold">{legend}</legend>
      {hint ? <p className="text-sm text-muted">{hint}</p> : null}
      <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
        {options.map((o) => (
          <label key={o.value} className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-line px-2">
            <input type="checkbox" name={name} value={o.value} defaultChecked={chosen.includes(o.value)} className="h-5 w-5" />
            {o.label}
          </label>
        ))}
      </div>
      <FieldError errors={errors} />
    </fieldset>
  );
}

export function MatchingDetailsForm({
  studentId,
  details,
}: {
  studentId: string;
  details: { interests: string[]; availability: string[]; livedExperience: string[]; freeTimes: FreeTimeChoice[] };
}) {
  const { state, formAction, value, values, errors, key } = useForm(updateMatchingDetailsAction);
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Matching details">
      <FormMessage state={state} />
      <input type="hidden" name="studentId" value={studentId} />
      <div key={key} className="space-y-4">
        <TextInput
          id="staff-interests"
          name="interests"
          label="Interests"
          hint="Separated by commas."
          defaultValue={value("interests", details.interests.join(", "))}
          errors={errors("interests")}
        />
        <Checks
          name="availability"
          legend="Free to meet"
          hint="At this pupil's year group's times."
          options={details.freeTimes.map((t) => ({ value: t.id, label: t.label }))}
          chosen={state.values ? values("availability") : details.availability}
          errors={errors("availability")}
        />
        <Checks
          name="livedExperience"
          legend="Lived experience (opted in)"
          hint="Tick only what the pupil has agreed to share for matching."
          options={LIVED_EXPERIENCES.map((l) => ({ value: l, label: l }))}
          chosen={state.values ? values("livedExperience") : details.livedExperience}
          errors={errors("livedExperience")}
        />
      </div>
      <SubmitButton>Save matching details</SubmitButton>
    </form>
  );
}

export function MentorProfileForm({
  programmeId,
  studentId,
  profile,
}: {
  programmeId: string;
  studentId: string;
  profile: { capacity: number; trainingComplete: boolean; strengths: Record<string, number> };
}) {
  const { state, formAction, value, errors, key } = useForm(updateMentorProfileAction);
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Mentor details">
      <FormMessage state={state} />
      <input type="hidden" name="programmeId" value={programmeId} />
      <input type="hidden" name="studentId" value={studentId} />
      <div key={key} className="space-y-4">
        <TextInput
          id={`capacity-${programmeId}`}
          name="capacity"
          type="number"
          min={1}
          max={6}
          label="Most mentees at once"
          defaultValue={value("capacity", String(profile.capacity))}
          errors={errors("capacity")}
        />
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" name="trainingComplete" defaultChecked={profile.trainingComplete} className="h-5 w-5" />
          Required training finished
        </label>
        <fieldset>
          <legend className="font-semibold">Strengths</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {FOCUS_AREAS.map((area) => (
              <div key={area} className="flex items-center justify-between gap-2">
                <label htmlFor={`strength-${programmeId}-${area}`}>{focusAreaLabels[area]}</label>
                <select
                  id={`strength-${programmeId}-${area}`}
                  name={`strength_${area}`}
                  defaultValue={value(`strength_${area}`, String(profile.strengths[area] ?? 0))}
                  className="min-h-11 rounded-lg border border-line px-2"
                >
                  <option value="0">—</option>
                  <option value="1">Can help</option>
                  <option value="2">Good at</option>
                  <option value="3">Strong on</option>
                </select>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <SubmitButton>Save mentor details</SubmitButton>
    </form>
  );
}

export function MenteeProfileForm({
  programmeId,
  studentId,
  focusAreas,
}: {
  programmeId: string;
  studentId: string;
  focusAreas: string[];
}) {
  const { state, formAction, values, errors } = useForm(updateMenteeProfileAction);
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Mentee details">
      <FormMessage state={state} />
      <input type="hidden" name="programmeId" value={programmeId} />
      <input type="hidden" name="studentId" value={studentId} />
      <Checks
        name="focusAreas"
        legend="Focus areas"
        options={FOCUS_AREAS.map((a) => ({ value: a, label: focusAreaLabels[a] }))}
        chosen={state.values ? values("focusAreas") : focusAreas}
        errors={errors("focusAreas")}
      />
      <SubmitButton>Save mentee details</SubmitButton>
    </form>
  );
}
