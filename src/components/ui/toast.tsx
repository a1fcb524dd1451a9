"use client";

import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import type { FormState } from "@/lib/form-state";

type Toast = { message: string; id: number };
const ToastContext = createContext<(message: string) => void>(() => {});

/**
 * A polite live region that outlives the form that spoke: when a row goes away after its action
 * (an accepted suggestion), the confirmation stays here until the next one or until dismissed.
 * It never times out (WCAG 2.2.1) and sits at the bottom of the screen, so nothing moves.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<Toast | null>(null);
  const announce = useCallback((message: string) => setToast((previous) => ({ message, id: (previous?.id ?? 0) + 1 })), []);
  return (
    <ToastContext.Provider value={announce}>
      {children}
      <div className="pointer-events-none fixed inset-x-0 bottom-4 z-40 flex justify-center px-4">
        <div role="status" aria-live="polite" aria-atomic="true" data-testid="toast">
          {toast ? (
            <div
              key={toast.id}
              className="pointer-events-auto flex max-w-xl items-center gap-3 rounded-lg bg-ink px-4 py-2 text-white shadow-lg"
            >
              <p>{toast.message}</p>
              <button type="button" onClick={() => setToast(null)} className="min-h-11 rounded-lg px-3 font-semibold underline">
                Dismiss
              </button>
            </div>
          ) : null}
        </div>
      </div>
    </ToastContext.Provider>
  );
}

export function useToast() {
  return useContext(ToastContext);
}

/** Announces a form's success in the page's toast region, once per answer. */
export function useToastOnSuccess(state: FormState, onSuccess?: () => void) {
  const announce = useToast();
  useEffect(() => {
    if (state.ok && state.message) {
      announce(state.message);
      onSuccess?.();
    }
    // Once per answer: savedAt changes with each success.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.savedAt]);
}
