"use client";

import { Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { saveImportMappingAction } from "../actions";
import { columnFieldName } from "../kinds";

export type MappingField = { key: string; label: string; isRequired: boolean; column: number | null; problem: string | null };
export type FileColumn = { index: number; header: string; sample: string };

/** Which of the file's columns holds each field (guessed from the header), and whether it is the whole roll. */
export function MappingForm({
  draftId,
  fields,
  columns,
  isWholeRoll,
  wholeRollHint,
}: {
  draftId: string;
  fields: MappingField[];
  columns: FileColumn[];
  isWholeRoll: boolean;
  wholeRollHint: string;
}) {
  const { state, formAction, value, errors, key } = useForm(saveImportMappingAction);
  const options = columns.map((c) => ({
    value: String(c.index),
    label: c.sample ? `${c.header} (e.g. ${c.sample.slice(0, 30)})` : c.header,
  }));
  const isWholeRollNow = state.values ? state.values.isWholeRoll === "on" : isWholeRoll;
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="The file's columns">
      <FormMessage state={state} />
      <input type="hidden" name="draftId" value={draftId} />
      <div key={key} className="grid gap-4 sm:grid-cols-2">
        {fields.map((field) => {
          const name = columnFieldName(field.key);
          return (
            <Select
              key={field.key}
              id={`map-${field.key}`}
              name={name}
              label={field.isRequired ? field.label : `${field.label} (optional)`}
              placeholder={field.isRequired ? "Choose a column" : "Not in this file"}
              options={options}
              defaultValue={value(name, field.column === null ? "" : String(field.column))}
              errors={errors(name) ?? (state.values ? undefined : field.problem ? [field.problem] : undefined)}
            />
          );
        })}
      </div>
      <label className="flex min-h-11 items-start gap-2">
        <input
          type="checkbox"
          name="isWholeRoll"
          defaultChecked={isWholeRollNow}
          className="mt-1 h-5 w-5"
          aria-describedby="whole-roll-hint"
        />
        <span>
          <span className="font-semibold">This file is every pupil on roll</span>
          <span id="whole-roll-hint" className="block text-sm text-muted">
            {wholeRollHint}
          </span>
        </span>
      </label>
      <SubmitButton variant="secondary">Save columns</SubmitButton>
    </form>
  );
}
