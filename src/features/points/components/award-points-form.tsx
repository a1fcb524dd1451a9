"use client";

import { Select, TextInput, FieldError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { awardPointsAction } from "../actions";
import { POINT_CATEGORIES, pointCategoryLabels } from "../schemas";

export function AwardPointsForm({ programmeId, pupils }: { programmeId: string; pupils: { studentId: string; label: string; detail: string }[] }) {
  const { state, formAction, value, values, errors, key } = useForm(awardPointsAction);
  const selected = values("studentIds");
  const pupilErrors = errors("studentIds");
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Award points">
      <FormMessage state={state} />
      <input type="hidden" name="programmeId" value={programmeId} />
      <div key={key} className="space-y-4">
        <fieldset aria-describedby={pupilErrors ? "studentIds-error" : undefined}>
          <legend className="font-semibold">Pupils</legend>
          <ul className="mt-2 max-h-64 space-y-1 overflow-y-auto rounded-lg border border-line p-2">
            {pupils.map((p) => (
              <li key={p.studentId}>
                <label className="flex min-h-11 cursor-pointer items-center gap-3 rounded px-2 hover:bg-accent-soft">
                  <input type="checkbox" name="studentIds" value={p.studentId} defaultChecked={selected.includes(p.studentId)} className="h-5 w-5" />
                  <span>
                    <span className="font-semibold">{p.label}</span> <span className="text-sm text-muted">{p.detail}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <FieldError id="studentIds-error" errors={pupilErrors} />
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextInput id="amount" name="amount" type="number" inputMode="numeric" min={-10} max={10} label="Points" hint="From -10 to 10. Use a minus sign to take points away." defaultValue={value("amount", "1")} errors={errors("amount")} />
          <Select id="category" name="category" label="Category" defaultValue={value("category", "EFFORT")} errors={errors("category")} options={POINT_CATEGORIES.map((c) => ({ value: c, label: pointCategoryLabels[c] }))} />
        </div>
        <TextInput id="reason" name="reason" label="Reason" hint="The pupil sees this." defaultValue={value("reason")} errors={errors("reason")} maxLength={200} />
      </div>
      <SubmitButton>Award points</SubmitButton>
    </form>
  );
}
