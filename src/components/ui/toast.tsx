"use client";

import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import type { FormState } from "@/lib/form-state";

type Toast = { message: string; id: number; focusId?: string };
type Announce = (message: string, focusId?: string) => void;
const ToastContext = createContext<Announce>(() => {});

/**
 * A polite live region that outlives the form that spoke (ADR 010): when a row or a form goes away
 * after its action (an accepted suggestion, an ended pairing, a corrected entry), the confirmation
 * stays here until the next one or until dismissed, and the keyboard focus moves to a chosen heading
 * rather than falling to the top of the page. It never times out (WCAG 2.2.1) and sits at the bottom
 * of the screen, so nothing moves.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<Toast | null>(null);
  const announce = useCallback<Announce>(
    (message, focusId) => setToast((previous) => ({ message, focusId, id: (previous?.id ?? 0) + 1 })),
    [],
  );
  useEffect(() => {
    if (toast?.focusId) document.getElementById(toast.focusId)?.focus();
    // Once per announcement.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [toast?.id]);
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

type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * Wraps a form's action so its success is announced in the page's live region, which stays mounted
 * when the form itself leaves the page; `focusId` names where the keyboard focus goes then.
 */
export function useAnnouncedAction(action: FormAction, focusId?: string): FormAction {
  const announce = useContext(ToastContext);
  return useCallback(
    async (state: FormState, formData: FormData) => {
      const result = await action(state, formData);
      if (result.ok && result.message) announce(result.message, focusId);
      return result;
    },
    [action, announce, focusId],
  );
}
