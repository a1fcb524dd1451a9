"use client";

import { TextInput } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { dismissTodoAction } from "../actions";

/** "Set aside": a note, and the row stays hidden until its reasons change. */
export function DismissTodoForm({
  pairingId,
  programmeId,
  cause,
  title,
}: {
  pairingId: string;
  programmeId: string;
  cause: string;
  title: string;
}) {
  const { state, formAction, value, errors, key } = useForm(dismissTodoAction);
  const id = `note-${pairingId}`;
  return (
    <details className="mt-2">
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-accent underline">
        Set aside with a note
      </summary>
      <form action={formAction} className="mt-2 space-y-3" noValidate aria-label={`Set aside: ${title}`}>
        <FormMessage state={state} />
        <input type="hidden" name="pairingId" value={pairingId} />
        <input type="hidden" name="programmeId" value={programmeId} />
        <input type="hidden" name="cause" value={cause} />
        <div key={key}>
          <TextInput
            id={id}
            name="note"
            label="Why it can wait"
            hint="It comes back if anything new comes up for this pairing."
            defaultValue={value("note")}
            errors={errors("note")}
          />
        </div>
        <SubmitButton variant="secondary">Set aside</SubmitButton>
      </form>
    </details>
  );
}
