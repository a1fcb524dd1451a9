"use client";

import { useState, type FormEvent } from "react";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { uploadImportFileAction } from "../actions";
import { IMPORT_MAX_BYTES, type ImportKind } from "../kinds";

const TOO_LARGE = "This file is larger than 3 MB. Split it into smaller files.";

/**
 * Choose a CSV file and upload it; on success the action goes on to the draft's page. The size is
 * checked here first: a body over Next's limit is answered with a bare 413, never a form answer.
 */
export function UploadForm({ kind, hint }: { kind: ImportKind; hint: string }) {
  const { state, formAction, errors } = useForm(uploadImportFileAction);
  const [tooLarge, setTooLarge] = useState(false);
  const check = (event: FormEvent<HTMLFormElement>) => {
    const input = event.currentTarget.elements.namedItem("file");
    const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    const isTooLarge = (file?.size ?? 0) > IMPORT_MAX_BYTES;
    setTooLarge(isTooLarge);
    if (isTooLarge) event.preventDefault();
  };
  const fileErrors = tooLarge ? [TOO_LARGE] : errors("file");
  return (
    <form action={formAction} onSubmit={check} className="space-y-4" noValidate aria-label="Upload a file">
      <FormMessage state={tooLarge ? { ok: false } : state} />
      <input type="hidden" name="kind" value={kind} />
      <Field id={`upload-${kind}`} label="CSV file" hint={hint} errors={fileErrors}>
        {(describedBy, invalid) => (
          <input
            id={`upload-${kind}`}
            name="file"
            type="file"
            accept=".csv,.txt,text/csv"
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            onChange={() => setTooLarge(false)}
            className="block w-full rounded-lg border border-line bg-surface px-3 py-2 text-base min-h-11 file:mr-3 file:rounded-md file:border-0 file:bg-accent-soft file:px-3 file:py-1 file:font-semibold"
          />
        )}
      </Field>
      <SubmitButton pendingText="Uploading…">Upload and check</SubmitButton>
    </form>
  );
}
