import Link from "next/link";
import { formatStaffDate, type IsoDate } from "@/lib/dates";
import { meetingWords, type Meeting } from "../words";
import { UndoOccurrenceChangeForm, UPCOMING_HEADING } from "./schedule-forms";

type Change = {
  originalOn: IsoDate;
  change: "MOVED" | "CANCELLED";
  movedTo: IsoDate | null;
  startTime: string | null;
  place: string | null;
  reason: string;
};

/** The coordinator's "Coming up": the next meetings (each can be moved or cancelled) and the changes made. */
export function UpcomingMeetings({
  pairingId,
  upcoming,
  changes,
  today,
}: {
  pairingId: string;
  upcoming: Meeting[];
  changes: Change[];
  today: IsoDate;
}) {
  return (
    <div className="space-y-4">
      <h3 id={UPCOMING_HEADING} tabIndex={-1} className="sr-only">
        Coming up
      </h3>
      {upcoming.length === 0 ? (
        <p className="text-muted">Nothing is planned in the next ten weeks.</p>
      ) : (
        <ul className="divide-y divide-line">
          {upcoming.map((m) => {
            const words = meetingWords(m, today, "staff");
            return (
              <li key={m.plannedOn} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <span className="font-semibold">{words.when}</span> · {words.time}
                  {words.place ? ` · ${words.place}` : ""}
                  {m.isMoved ? <span className="block text-sm text-muted">Moved from {formatStaffDate(m.plannedOn)}</span> : null}
                </span>
                {m.isMoved ? null : (
                  <Link
                    href={`/coordinator/pairings/${pairingId}/meetings/${m.plannedOn}`}
                    className="inline-flex min-h-11 items-center font-semibold text-accent underline"
                    aria-label={`Move or cancel the meeting on ${words.when}`}
                  >
                    Move or cancel
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {changes.length > 0 ? (
        <div>
          <h3 className="font-semibold">Changes</h3>
          <ul className="divide-y divide-line">
            {changes.map((c) => {
              const label = formatStaffDate(c.originalOn);
              return (
                <li key={c.originalOn} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>
                    {c.change === "CANCELLED"
                      ? `${label}: cancelled`
                      : `${label}: moved to ${formatStaffDate(c.movedTo!)} at ${c.startTime}${c.place ? `, ${c.place}` : ""}`}
                    <span className="block text-sm text-muted">{c.reason}</span>
                  </span>
                  <UndoOccurrenceChangeForm pairingId={pairingId} originalOn={c.originalOn} label={label} />
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
