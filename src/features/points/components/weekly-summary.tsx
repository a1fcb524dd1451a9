import Link from "next/link";
import { addDaysIso, formatStaffDate } from "@/lib/dates";

type Line = { key: string; label: string; given: number; taken: number; entries: number };
type Summary = {
  programme: { id: string; name: string };
  weekStart: string;
  weekEnd: string;
  byCategory: Line[];
  byGiver: Line[];
  totals: { given: number; taken: number; entries: number };
};

function Table({ caption, first, lines }: { caption: string; first: string; lines: Line[] }) {
  return (
    <table className="w-full border-collapse text-left">
      <caption className="py-1 text-left font-semibold">{caption}</caption>
      <thead>
        <tr className="border-b border-line text-sm text-muted">
          <th scope="col" className="py-2 pr-2">
            {first}
          </th>
          <th scope="col" className="py-2 pr-2 text-right">
            Given
          </th>
          <th scope="col" className="py-2 pr-2 text-right">
            Taken away
          </th>
          <th scope="col" className="py-2 text-right">
            Entries
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={l.key} className="border-b border-line/60">
            <td className="py-2 pr-2">{l.label}</td>
            <td className="py-2 pr-2 text-right">{l.given}</td>
            <td className="py-2 pr-2 text-right">{l.taken}</td>
            <td className="py-2 text-right">{l.entries}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A programme's week of points, by category and by who gave them, with the week before and after and a CSV download. */
export function WeeklySummary({ summary, path, today }: { summary: Summary; path: string; today: string }) {
  const week = (start: string) => `${path}${path.includes("?") ? "&" : "?"}week=${start}#weekly-summary`;
  const next = addDaysIso(summary.weekStart, 7);
  return (
    <div className="space-y-4">
      <p>
        {formatStaffDate(summary.weekStart)} to {formatStaffDate(summary.weekEnd)}: {summary.totals.given} given, {summary.totals.taken}{" "}
        taken away, in {summary.totals.entries} entr{summary.totals.entries === 1 ? "y" : "ies"}.
      </p>
      <p className="flex flex-wrap gap-4">
        <Link
          href={week(addDaysIso(summary.weekStart, -7))}
          className="inline-flex min-h-11 items-center font-semibold text-accent underline"
        >
          Week before
        </Link>
        {next <= today ? (
          <Link href={week(next)} className="inline-flex min-h-11 items-center font-semibold text-accent underline">
            Week after
          </Link>
        ) : null}
        <a
          href={`/staff/points/${summary.programme.id}/summary.csv?week=${summary.weekStart}`}
          className="inline-flex min-h-11 items-center font-semibold text-accent underline"
          download
        >
          Download as CSV
        </a>
      </p>
      {summary.totals.entries === 0 ? (
        <p className="text-muted">No points this week.</p>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          <Table caption="By category" first="Category" lines={summary.byCategory} />
          <Table caption="By who gave them" first="Given by" lines={summary.byGiver} />
        </div>
      )}
    </div>
  );
}
