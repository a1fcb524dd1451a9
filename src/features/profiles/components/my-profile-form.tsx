"use client";

import { FieldError, TextArea, TextInput } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { WEEKDAYS, type FreeTimeChoice } from "@/lib/day-slots";
import { updateMyProfileAction } from "../actions";

export function MyProfileForm({
  profile,
}: {
  profile: { interests: string[]; availability: string[]; aboutMe: string; freeTimes: FreeTimeChoice[] };
}) {
  const { state, formAction, value, values, errors, key } = useForm(updateMyProfileAction);
  const chosen = state.values ? values("availability") : profile.availability;
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="About me">
      <FormMessage state={state} />
      <div key={key} className="space-y-4">
        <TextInput
          id="interests"
          name="interests"
          label="Things you like"
          hint="Separate them with commas, like: football, drawing, music"
          defaultValue={value("interests", profile.interests.join(", "))}
          errors={errors("interests")}
        />
        <fieldset aria-describedby={errors("availability") ? "availability-hint availability-error" : "availability-hint"}>
          <legend className="font-semibold">When are you free to meet?</legend>
          <p id="availability-hint" className="text-sm text-muted">
            Tick every time you could meet your mentor or mentee.
          </p>
          <div className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
            {WEEKDAYS.map((day) => (
              <div key={day.weekday} className="space-y-2">
                {profile.freeTimes
                  .filter((time) => time.weekday === day.weekday)
                  .map((time) => (
                    <label
                      key={time.id}
                      className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-line bg-surface px-3 py-1 has-[:checked]:border-accent has-[:checked]:bg-accent-soft"
                    >
                      <input
                        type="checkbox"
                        name="availability"
                        value={time.id}
                        defaultChecked={chosen.includes(time.id)}
                        className="h-5 w-5 shrink-0"
                      />
                      <span>
                        {time.dayAndSlot} <span className="block text-sm">{time.when}</span>
                      </span>
                    </label>
                  ))}
              </div>
            ))}
          </div>
          <FieldError id="availability-error" errors={errors("availability")} />
        </fieldset>
        <TextArea
          id="aboutMe"
          name="aboutMe"
          label="A sentence about you (optional)"
          hint="Mentees may see this if you are a mentor. 200 characters at most."
          maxLength={200}
          defaultValue={value("aboutMe", profile.aboutMe)}
          errors={errors("aboutMe")}
        />
      </div>
      <SubmitButton>Save</SubmitButton>
    </form>
  );
}
