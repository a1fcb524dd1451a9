import Link from "next/link";
import { Award } from "lucide-react";
import type { LeaderboardRow } from "@/lib/ranking";

/** The rosette everyone tied first gets (ADR 006), in words as well as a picture. */
export function Rosette() {
  return (
    <span className="inline-flex items-center gap-1 rounded-full bg-accent-soft px-2 text-sm text-accent-strong" data-testid="rosette">
      <Award aria-hidden="true" className="h-4 w-4" />
      First place
    </span>
  );
}

type Row = LeaderboardRow & { isOptedOut?: boolean; isHidden?: boolean };

/** Ranks, names as the school shows them, points, and a rosette for everyone in first place. */
export function Leaderboard({
  rows,
  highlightStudentId,
  caption,
  pointsLabel = "Points",
  staffMarks = false,
}: {
  rows: Row[];
  highlightStudentId?: string | null;
  caption: string;
  /** Pupil boards rank points earned (ADR 006) and say so. */
  pointsLabel?: string;
  /** Staff boards say who pupils do not see (opted out or hidden). */
  staffMarks?: boolean;
}) {
  if (rows.length === 0) return <p className="text-muted">Nobody is on the leaderboard yet.</p>;
  return (
    <table className="w-full border-collapse text-left">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-line text-sm text-muted">
          <th scope="col" className="py-2 pr-2">
            Place
          </th>
          <th scope="col" className="py-2 pr-2">
            Name
          </th>
          <th scope="col" className="py-2 text-right">
            {pointsLabel}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const isMe = row.studentId === highlightStudentId;
          return (
            <tr
              key={row.studentId}
              className={isMe ? "bg-accent-soft font-semibold" : "border-b border-line/60"}
              aria-current={isMe ? "true" : undefined}
            >
              <td className="py-2 pr-2">{row.rank}</td>
              <td className="py-2 pr-2">
                <span className="inline-flex items-center gap-2">
                  {staffMarks ? (
                    <Link href={`/staff/points/pupils/${row.studentId}`} className="text-accent underline">
                      {row.displayName}
                    </Link>
                  ) : (
                    row.displayName
                  )}
                  {isMe ? <span className="text-sm">(you)</span> : null}
                  {staffMarks && row.isOptedOut ? <span className="text-sm text-muted">(opted out of pupil boards)</span> : null}
                  {staffMarks && row.isHidden ? <span className="text-sm text-muted">(hidden from pupil boards)</span> : null}
                  {row.hasRosette ? <Rosette /> : null}
                </span>
              </td>
              <td className="py-2 text-right">{row.points}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
