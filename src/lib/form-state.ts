/** A link a form's answer may carry, e.g. to the session that was already logged. */
export type FormLink = { href: string; label: string };

/** What every form action returns: the form keeps `values` and shows `fieldErrors` by its fields. */
export type FormState = {
  ok: boolean;
  message?: string;
  /** One plain-English message per field (ADR 010). */
  fieldErrors?: Record<string, string[] | undefined>;
  values?: Record<string, string | string[]>;
  link?: FormLink;
  /** Set on success so a form can reset itself for the next entry. */
  savedAt?: number;
  /** A fresh idempotency key after a success, so the form's next submit is a new create (ADR 010). */
  idempotencyKey?: string;
  /** Secrets the answer shows once and never again (two-factor's recovery codes). */
  shownOnce?: string[];
};

export const initialFormState: FormState = { ok: false };
