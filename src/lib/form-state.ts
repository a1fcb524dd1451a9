/** What every form action returns: the form keeps `values` and shows `fieldErrors` by its fields. */
export type FormState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  values?: Record<string, string | string[]>;
  /** Set on success so a form can reset itself for the next entry. */
  savedAt?: number;
};

export const initialFormState: FormState = { ok: false };
