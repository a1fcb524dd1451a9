"use client";

import { useState } from "react";
import { Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { awardSessionPointsAction } from "../actions";

/** "Give everyone who came +1 Attendance": the category's usual points to each pupil marked as there, once per session. */
export function SessionPointsForm({
  sessionId,
  categories,
  cameCount,
}: {
  sessionId: string;
  categories: { id: string; name: string; defaultAmount: number }[];
  cameCount: number;
}) {
  const { state, formAction, errors } = useForm(awardSessionPointsAction);
  const giving = categories.filter((c) => c.defaultAmount > 0);
  const [chosenId, setChosenId] = useState(giving.find((c) => c.name === "Attendance")?.id ?? giving[0]?.id ?? "");
  const chosen = giving.find((c) => c.id === chosenId);
  if (cameCount === 0) return <p className="text-muted">Nobody was marked as coming, so there is nobody to give points to.</p>;
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label="Points for this session">
      <FormMessage state={state} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <Select
        id="session-category"
        name="categoryId"
        label="Category"
        value={chosenId}
        onChange={(e) => setChosenId(e.target.value)}
        errors={errors("categoryId")}
        options={giving.map((c) => ({ value: c.id, label: `${c.name} (+${c.defaultAmount})` }))}
      />
      <SubmitButton>
        {chosen ? `Give everyone who came +${chosen.defaultAmount} ${chosen.name}` : "Give everyone who came points"}
      </SubmitButton>
      <p className="text-sm text-muted">
        {cameCount === 1 ? "1 pupil came." : `${cameCount} pupils came.`} Each gets it once, however many times this is pressed.
      </p>
    </form>
  );
}
