import Link from "next/link";
import { Badge } from "@/components/ui/card";
import { formatStaffDate } from "@/lib/dates";
import { pairingStatusLabels } from "../status";

type Row = {
  id: string;
  kind: string;
  name: string | null;
  status: string;
  mentors: string[];
  mentees: string[];
  lastSession: string | null;
  sessionCount: number;
  trialEndsOn: string | null;
};

const statusTone = { TRIAL: "accent", ACTIVE: "good", PAUSED: "calm", ENDED: "neutral" } as const;

export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge tone={statusTone[status as keyof typeof statusTone] ?? "neutral"}>
      {pairingStatusLabels[status as keyof typeof pairingStatusLabels] ?? status}
    </Badge>
  );
}

/** A table on wide screens, a list of cards on phones. */
export function PairingsTable({ rows }: { rows: Row[] }) {
  return (
    <table className="w-full border-collapse text-left">
      <caption className="sr-only">Pairings and groups</caption>
      <thead className="hidden md:table-header-group">
        <tr className="border-b border-line text-sm text-muted">
          <th scope="col" className="py-2 pr-3">
            Mentor(s)
          </th>
          <th scope="col" className="py-2 pr-3">
            Mentee(s)
          </th>
          <th scope="col" className="py-2 pr-3">
            Status
          </th>
          <th scope="col" className="py-2 pr-3">
            Last session
          </th>
          <th scope="col" className="py-2">
            Sessions
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.id} className="block border-b border-line py-2 md:table-row">
            <td className="block py-1 pr-3 md:table-cell">
              <Link href={`/coordinator/pairings/${p.id}`} className="font-semibold text-accent underline-offset-4 hover:underline">
                {p.mentors.join(", ")}
              </Link>
              {p.name ? <span className="block text-sm text-muted">{p.name}</span> : null}
            </td>
            <td className="block py-1 pr-3 md:table-cell">
              <span className="md:hidden text-sm text-muted">Mentees: </span>
              {p.mentees.join(", ")}
            </td>
            <td className="block py-1 pr-3 md:table-cell">
              <StatusBadge status={p.status} />
              {p.status === "TRIAL" && p.trialEndsOn ? (
                <span className="block text-sm text-muted">Review by {formatStaffDate(p.trialEndsOn)}</span>
              ) : null}
            </td>
            <td className="block py-1 pr-3 md:table-cell">
              <span className="md:hidden text-sm text-muted">Last session: </span>
              {p.lastSession ? formatStaffDate(p.lastSession) : "None yet"}
            </td>
            <td className="block py-1 md:table-cell">
              <span className="md:hidden text-sm text-muted">Sessions: </span>
              {p.sessionCount}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
