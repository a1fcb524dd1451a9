import { FieldError } from "./field";

export type CheckboxOption = { value: string; label: string; detail?: string };

/** A labelled, scrollable list of large checkboxes (pupil pickers), with its error. */
export function CheckboxList({
  name,
  legend,
  options,
  selected,
  errors,
  emptyText = "Nobody is available yet.",
  idPrefix = "",
}: {
  name: string;
  legend: string;
  options: CheckboxOption[];
  selected: string[];
  errors?: string[];
  emptyText?: string;
  /** Keeps the error's id unique when one page has several lists of the same name. */
  idPrefix?: string;
}) {
  const errorId = errors?.length ? `${idPrefix}${name}-error` : undefined;
  return (
    <fieldset className="space-y-2" aria-describedby={errorId}>
      <legend className="font-semibold">{legend}</legend>
      {options.length === 0 ? <p className="text-muted">{emptyText}</p> : null}
      <ul className="max-h-72 space-y-1 overflow-y-auto rounded-lg border border-line p-2">
        {options.map((o) => (
          <li key={o.value}>
            <label className="flex min-h-11 cursor-pointer items-center gap-3 rounded px-2 py-1 hover:bg-accent-soft">
              <input type="checkbox" name={name} value={o.value} defaultChecked={selected.includes(o.value)} className="h-5 w-5" />
              <span>
                <span className="font-semibold">{o.label}</span>
                {o.detail ? (
                  <>
                    {" "}
                    <span className="text-sm text-muted">{o.detail}</span>
                  </>
                ) : null}
              </span>
            </label>
          </li>
        ))}
      </ul>
      <FieldError id={errorId} errors={errors} />
    </fieldset>
  );
}
