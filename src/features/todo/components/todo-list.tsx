import Link from "next/link";
import { Card } from "@/components/ui/card";
import { formatStaffDate, todayIn } from "@/lib/dates";
import type { TodoRow } from "../load";
import { DismissTodoForm } from "./dismiss-todo-form";

/** The coordinator's to-do: one row per pairing that needs action, its reasons, and where to act. */
export function TodoList({
  programmeId,
  open,
  setAside,
  timezone,
}: {
  programmeId: string;
  open: TodoRow[];
  setAside: TodoRow[];
  timezone: string;
}) {
  return (
    <Card title={`To do (${open.length})`} className="mb-6">
      {open.length === 0 ? (
        <p className="text-muted">Nothing needs you right now. Every pairing is on track.</p>
      ) : (
        <ul className="divide-y divide-line" aria-label="Pairings that need action">
          {open.map((row) => (
            <li key={row.pairingId} className="py-3">
              <p className="font-semibold">
                <Link href={`/coordinator/pairings/${row.pairingId}`} className="text-accent underline">
                  {row.title}
                </Link>
              </p>
              <ul className="mt-1 list-disc space-y-1 pl-5">
                {row.reasons.map((r) => (
                  <li key={r.cause}>{r.text}</li>
                ))}
              </ul>
              <DismissTodoForm pairingId={row.pairingId} programmeId={programmeId} cause={row.cause} title={row.title} />
            </li>
          ))}
        </ul>
      )}
      {setAside.length > 0 ? (
        <details className="mt-3">
          <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold">Set aside ({setAside.length})</summary>
          <ul className="divide-y divide-line">
            {setAside.map((row) => (
              <li key={row.pairingId} className="py-2 text-sm">
                <Link href={`/coordinator/pairings/${row.pairingId}`} className="font-semibold text-accent underline">
                  {row.title}
                </Link>
                : {row.reasons.map((r) => r.text).join(" ")}
                <span className="block text-muted">
                  Set aside on {formatStaffDate(todayIn(timezone, row.dismissal!.at))}: {row.dismissal!.note}
                </span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </Card>
  );
}
