"use client";

import { Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { setMentorPreferencesAction } from "../actions";

type Choice = {
  programmeId: string;
  ranking: string[];
  hasNoPreference: boolean;
  mentors: { studentId: string; firstName: string; yearGroup: number; interests: string[]; aboutMe: string }[];
};

/** Short mentor profiles and up to three choices; "no preference" is always fine. */
export function MentorChoicesForm({ choice }: { choice: Choice }) {
  const { state, formAction, value, errors, key } = useForm(setMentorPreferencesAction);
  const options = choice.mentors.map((m) => ({ value: m.studentId, label: `${m.firstName} (Year ${m.yearGroup})` }));
  const places = [
    ["first", "First choice"],
    ["second", "Second choice (optional)"],
    ["third", "Third choice (optional)"],
  ] as const;
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Choose your mentor">
      <FormMessage state={state} />
      <input type="hidden" name="programmeId" value={choice.programmeId} />
      <ul className="space-y-2">
        {choice.mentors.map((m) => (
          <li key={m.studentId} className="rounded-lg border border-line p-3">
            <p className="font-semibold">
              {m.firstName}, Year {m.yearGroup}
            </p>
            {m.interests.length > 0 ? <p className="text-muted">Likes {m.interests.join(", ")}</p> : null}
            {m.aboutMe ? <p>“{m.aboutMe}”</p> : null}
          </li>
        ))}
      </ul>
      <div key={key} className="space-y-3">
        {places.map(([name, label], index) => (
          <Select
            key={name}
            id={`choice-${name}`}
            name={name}
            label={label}
            placeholder="No one"
            options={options}
            defaultValue={value(name, choice.ranking[index] ?? "")}
            errors={errors(name)}
          />
        ))}
        <label className="flex min-h-11 cursor-pointer items-center gap-3">
          <input
            type="checkbox"
            name="hasNoPreference"
            defaultChecked={value("hasNoPreference", choice.hasNoPreference ? "on" : "") === "on"}
            className="h-5 w-5"
          />
          No preference — I am happy with anyone
        </label>
      </div>
      <SubmitButton>Save my choices</SubmitButton>
    </form>
  );
}
