import clsx from "clsx";
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

const control =
  "block w-full rounded-lg border border-line bg-surface px-3 py-2 text-base text-ink min-h-11 aria-[invalid=true]:border-danger";

type FieldProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
  className?: string;
};

/** Label, hint and error wired to the control with aria-describedby. */
export function Field({ id, label, hint, errors, children, className }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={clsx("space-y-1", className)}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {children(describedBy, Boolean(errorId))}
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

export function FieldError({ id, errors }: { id?: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="text-sm font-semibold text-danger">
      {errors.join(" ")}
    </p>
  );
}

export function TextInput({
  label,
  hint,
  errors,
  id,
  className,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { id: string; label: ReactNode; hint?: ReactNode; errors?: string[] }) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors} className={className}>
      {(describedBy, invalid) => (
        <input id={id} className={control} aria-describedby={describedBy} aria-invalid={invalid || undefined} {...props} />
      )}
    </Field>
  );
}

export function TextArea({
  label,
  hint,
  errors,
  id,
  className,
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string; label: ReactNode; hint?: ReactNode; errors?: string[] }) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors} className={className}>
      {(describedBy, invalid) => (
        <textarea id={id} rows={3} className={control} aria-describedby={describedBy} aria-invalid={invalid || undefined} {...props} />
      )}
    </Field>
  );
}

export function Select({
  label,
  hint,
  errors,
  id,
  className,
  options,
  placeholder,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  options: { value: string; label: string }[];
  placeholder?: string;
}) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors} className={className}>
      {(describedBy, invalid) => (
        <select id={id} className={control} aria-describedby={describedBy} aria-invalid={invalid || undefined} {...props}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A group of radio buttons with a legend; each option is a large target. */
export function RadioGroup({
  name,
  legend,
  options,
  defaultValue,
  errors,
  hint,
  inline,
}: {
  name: string;
  legend: ReactNode;
  /** `face`: a picture beside the words (hidden from screen readers, which read the words). */
  options: { value: string; label: string; face?: string }[];
  defaultValue?: string;
  errors?: string[];
  hint?: ReactNode;
  inline?: boolean;
}) {
  const errorId = errors?.length ? `${name}-error` : undefined;
  const hintId = hint ? `${name}-hint` : undefined;
  return (
    <fieldset className="space-y-2" aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}>
      <legend className="font-semibold">{legend}</legend>
      {hint ? (
        <p id={hintId} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <div className={clsx("gap-2", inline ? "flex flex-wrap" : "grid")}>
        {options.map((o) => (
          <label
            key={o.value}
            className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-line bg-surface px-3 py-2 has-[:checked]:border-accent has-[:checked]:bg-accent-soft"
          >
            <input
              type="radio"
              name={name}
              value={o.value}
              defaultChecked={defaultValue === o.value}
              className="h-5 w-5 accent-[var(--color-accent)]"
            />
            {o.face ? (
              <span aria-hidden="true" className="text-2xl leading-none">
                {o.face}
              </span>
            ) : null}
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <FieldError id={errorId} errors={errors} />
    </fieldset>
  );
}
