"use client";

import { useActionState } from "react";
import { initialFormState } from "@/lib/form-state";
import { signOutAction, signOutEverywhereAction, switchSchoolAction } from "../actions";

export function SignOutButton({ label = "Sign out" }: { label?: string }) {
  const [, action] = useActionState(signOutAction, initialFormState);
  return (
    <form action={action}>
      <button type="submit" className="min-h-11 rounded-lg px-3 font-semibold text-accent underline-offset-4 hover:underline">
        {label}
      </button>
    </form>
  );
}

/** Ends every session of this account, on every device (a lost phone, a shared computer left signed in). */
export function SignOutEverywhereButton() {
  const [, action] = useActionState(signOutEverywhereAction, initialFormState);
  return (
    <form action={action}>
      <button type="submit" className="min-h-11 rounded-lg px-3 text-sm font-semibold text-accent underline-offset-4 hover:underline">
        Sign out everywhere
      </button>
    </form>
  );
}

export function SchoolSwitcher({ schools, currentId }: { schools: { id: string; name: string }[]; currentId: string }) {
  const [state, action] = useActionState(switchSchoolAction, initialFormState);
  if (schools.length < 2) return null;
  return (
    <form action={action} className="flex items-center gap-2">
      <label htmlFor="schoolId" className="text-sm text-muted">
        School
      </label>
      <select id="schoolId" name="schoolId" defaultValue={currentId} className="min-h-11 rounded-lg border border-line bg-surface px-2">
        {schools.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      <button type="submit" className="min-h-11 rounded-lg border border-accent px-3 font-semibold text-accent">
        Switch
      </button>
      {state.message && !state.ok ? (
        <span role="alert" className="text-sm text-danger">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
