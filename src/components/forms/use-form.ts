"use client";

import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/form-state";

export type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * useActionState plus readers for what was typed and what to fix, per field. `idempotencyKey` is the
 * key the page minted for a create (ADR 010); after each success the server sends a fresh one.
 */
export function useForm(action: FormAction, options: { idempotencyKey?: string } = {}) {
  const [state, formAction, isPending] = useActionState(action, initialFormState);
  const value = (name: string, fallback = "") => {
    const v = state.values?.[name];
    return typeof v === "string" ? v : fallback;
  };
  const values = (name: string, fallback: string[] = []) => {
    const v = state.values?.[name];
    return Array.isArray(v) ? v : typeof v === "string" ? [v] : fallback;
  };
  const errors = (name: string) => state.fieldErrors?.[name];
  // Remount the form's fields after each answer so defaultValue shows what the server kept.
  const key = String(state.savedAt ?? 0) + JSON.stringify(state.values ?? {});
  const idempotencyKey = state.idempotencyKey ?? options.idempotencyKey;
  return { state, formAction, isPending, value, values, errors, key, idempotencyKey };
}
