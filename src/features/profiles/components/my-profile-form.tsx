"use client";

import { FieldError, TextArea, TextInput } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { SLOTS } from "@/lib/slots";
import { updateMyProfileAction } from "../actions";

export function MyProfileForm({ profile }: { profile: { interests: string[]; availability: string[]; aboutMe: string } }) {
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
        <fieldset aria-describedby={errors("availability") ? "availability-error" : undefined}>
          <legend className="font-semibold">When are you free to meet?</legend>
          <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-5">
            {SLOTS.map((slot) => (
              <label
                key={slot.id}
                className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-line bg-surface px-3 has-[:checked]:border-accent has-[:checked]:bg-accent-soft"
              >
                <input type="checkbox" name="availability" value={slot.id} defaultChecked={chosen.includes(slot.id)} className="h-5 w-5" />
                {slot.label}
              </label>
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
