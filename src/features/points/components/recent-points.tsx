import { formatStaffDate, todayIn } from "@/lib/dates";
import { ReversePointsForm } from "./reverse-points-form";

type Entry = {
  id: string;
  amount: number;
  categoryName: string;
  reason: string;
  createdAt: Date;
  studentName: string;
  awardedByName: string;
  reversesId: string | null;
  isReversed: boolean;
};

export function RecentPoints({ entries, canCorrect, timezone }: { entries: Entry[]; canCorrect: boolean; timezone: string }) {
  if (entries.length === 0) return <p className="text-muted">No points yet. Points you award appear here.</p>;
  return (
    <ul className="divide-y divide-line">
      {entries.map((e) => (
        <li key={e.id} className="py-2">
          <p>
            <span className="font-semibold">{e.amount > 0 ? `+${e.amount}` : e.amount}</span> {e.studentName} · {e.categoryName}
          </p>
          <p className="text-sm text-muted">
            {e.reason} — {e.awardedByName}, {formatStaffDate(todayIn(timezone, e.createdAt))}
            {e.isReversed ? " · corrected" : ""}
          </p>
          {canCorrect && !e.isReversed && !e.reversesId ? (
            <ReversePointsForm entryId={e.id} summary={`${e.amount > 0 ? `+${e.amount}` : e.amount} ${e.studentName}, ${e.categoryName}`} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
