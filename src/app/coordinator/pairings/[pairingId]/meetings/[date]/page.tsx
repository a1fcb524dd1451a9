import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppShell } from "@/components/app-shell";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/server/session";
import { formatStaffDate, isIsoDate, todayIn } from "@/lib/dates";
import { getPairingScheduleForStaff } from "@/features/meetings/queries";
import { meetingWords } from "@/features/meetings/words";
import { ChangeOccurrenceForms } from "@/features/meetings/components/schedule-forms";

export const metadata: Metadata = { title: "Move or cancel a meeting" };

export default async function ChangeMeetingPage({ params }: { params: Promise<{ pairingId: string; date: string }> }) {
  const actor = await requireActor("COORDINATOR");
  const { pairingId, date } = await params;
  const schedule = await getPairingScheduleForStaff(actor, pairingId);
  const meeting = isIsoDate(date) ? schedule.upcoming.find((m) => m.plannedOn === date && !m.isMoved) : undefined;
  // Once moved or cancelled (here, just now, or before), the page says so; undoing is on the pairing's page.
  const change = isIsoDate(date) ? schedule.changes.find((c) => c.originalOn === date) : undefined;
  if (!meeting && !change) notFound();
  if (!meeting) {
    return (
      <AppShell actor={actor} current="/coordinator">
        <PageHeader title="Move or cancel a meeting" description={`The meeting planned for ${formatStaffDate(date)}`} />
        <div className="max-w-xl">
          <Card title={change!.change === "CANCELLED" ? "This meeting is cancelled" : "This meeting has moved"}>
            <p role="status">
              {change!.change === "CANCELLED"
                ? `This meeting is cancelled: ${change!.reason}.`
                : `This meeting has moved to ${formatStaffDate(change!.movedTo!)} at ${change!.startTime}, ${change!.place}: ${change!.reason}.`}
            </p>
            <p className="mt-3">
              <Link
                href={`/coordinator/pairings/${pairingId}`}
                className="inline-flex min-h-11 items-center font-semibold text-accent underline"
              >
                Back to the pairing, where you can undo it
              </Link>
            </p>
          </Card>
        </div>
      </AppShell>
    );
  }
  const words = meetingWords(meeting, todayIn(actor.timezone), "staff");
  return (
    <AppShell actor={actor} current="/coordinator">
      <p className="mb-2">
        <Link href={`/coordinator/pairings/${pairingId}`} className="inline-flex min-h-11 items-center font-semibold text-accent underline">
          Back to the pairing
        </Link>
      </p>
      <PageHeader title="Move or cancel a meeting" description={`${words.when} · ${words.time}${words.place ? ` · ${words.place}` : ""}`} />
      <div className="max-w-xl">
        <Card title="This meeting only">
          <p className="mb-4 text-muted">The regular slot stays the same. The mentor and mentee see the change on their pages.</p>
          <ChangeOccurrenceForms pairingId={pairingId} originalOn={meeting.plannedOn} startTime={meeting.startTime} place={meeting.place} />
        </Card>
      </div>
    </AppShell>
  );
}
