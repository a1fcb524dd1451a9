import Link from "next/link";

/** Under a session log: a worry heard in a session goes to staff in one step, not into the notes. */
export function RaiseFromLog() {
  return (
    <p className="mt-6 rounded-lg border border-line bg-calm-soft px-4 py-3">
      Worried about something you saw or heard?{" "}
      <Link href="/concerns/new" className="inline-flex min-h-11 items-center font-semibold text-accent-strong underline">
        Tell someone now
      </Link>{" "}
      — it goes straight to the staff who keep pupils safe.
    </p>
  );
}
