"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { FormAction } from "@/components/forms/use-form";
import type { FormState } from "@/lib/form-state";

// A new secret link in a form's answer, shown once: set-password links (ADR 025: staff accounts and
// alumni invites) and noticeboard links (ADR 024).

type Fresh = { path: string; message: string; id: number };

/** Wraps a form's action so a new link in its answer is kept to show once, and anything else clears it. */
export function useFreshLink() {
  const [fresh, setFresh] = useState<Fresh | null>(null);
  const wrap = useCallback(
    (action: FormAction): FormAction =>
      async (state: FormState, formData: FormData) => {
        const result = await action(state, formData);
        if (result.ok)
          setFresh((previous) =>
            result.link ? { path: result.link.href, message: result.message ?? "", id: (previous?.id ?? 0) + 1 } : null,
          );
        return result;
      },
    [],
  );
  return { fresh, wrap };
}

/** The answer without the link: the link shows in ShownLink instead, once. */
export const withoutLink = (state: FormState): FormState => ({
  ...state,
  link: undefined,
  message: state.ok && state.link ? undefined : state.message,
});

const SET_PASSWORD_LINK = {
  id: "set-password-link",
  label: "Set-password link",
  hint: "Only the person it is for should open it: whoever opens it first can choose the password.",
};

/** A new link, once: the full address to copy (a set-password link unless told otherwise). */
export function ShownLink({
  path,
  message,
  field: { id, label, hint } = SET_PASSWORD_LINK,
}: {
  path: string;
  message: string;
  field?: { id: string; label: string; hint: string };
}) {
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const url = new URL(path, window.location.origin).toString();
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("Copied.");
    } catch {
      field.current?.select();
      setCopied("Your browser did not let us copy it: the link is selected, so copy it yourself.");
    }
  }
  return (
    <div className="space-y-3 rounded-lg border border-good bg-good-soft p-4">
      <p role="status" className="font-semibold text-good">
        {message}
      </p>
      <div className="space-y-1">
        <label htmlFor={id} className="block font-semibold">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-sm text-ink">
          {hint}
        </p>
        <input
          ref={field}
          id={id}
          readOnly
          value={url}
          aria-describedby={`${id}-hint`}
          className="block min-h-11 w-full rounded-lg border border-line bg-surface px-3 py-2 font-mono text-sm text-ink"
          onFocus={(event) => event.currentTarget.select()}
        />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={copy}>Copy link</Button>
        <span aria-live="polite" className="text-sm">
          {copied}
        </span>
      </div>
    </div>
  );
}
