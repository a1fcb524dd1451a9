import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/server/session";
import { formatPupilDate, formatStaffDate, todayIn } from "@/lib/dates";
import { getMyCalendarLink } from "@/features/feed/queries";
import { FEED_ROLES } from "@/features/feed/policy";
import { CALENDAR_LINK_HEADING, CalendarLinkPanel } from "@/features/feed/components/calendar-link-panel";

export const metadata: Metadata = { title: "Calendar link" };

export default async function CalendarLinkPage() {
  const actor = await requireActor(...FEED_ROLES);
  const link = await getMyCalendarLink(actor);
  const today = todayIn(actor.timezone);
  const madeOn = link.madeOn ? (link.isStaff ? formatStaffDate(link.madeOn) : formatPupilDate(link.madeOn, today)) : null;
  return (
    <AppShell actor={actor} current="/account/calendar">
      <PageHeader
        title="Calendar link"
        description={
          link.isStaff
            ? "The sessions of the pairings you supervise, in your own calendar app, kept up to date."
            : "Your mentoring sessions in your phone's calendar, kept up to date."
        }
      />
      <div className="max-w-2xl space-y-5">
        <Card title="Your link" headingId={CALENDAR_LINK_HEADING}>
          <CalendarLinkPanel madeOn={madeOn} nothingToShow={link.nothingToShow} />
        </Card>
        <Card title="What your calendar shows">
          <ul className="list-disc space-y-1 pl-5">
            <li>Each session as “Mentoring”, with its time and place.</li>
            <li>No names and no notes.</li>
            <li>No sessions in the holidays. A moved session shows its new time; a cancelled one disappears.</li>
            <li>Your calendar checks for changes every few hours.</li>
          </ul>
          <p className="mt-3">
            Keep the link to yourself: anyone who has it can see when and where the sessions are. If you shared it by mistake, make a new
            link or turn it off.
          </p>
        </Card>
        <Card title="How to add it to your phone">
          <div className="space-y-4">
            <section>
              <h3 className="font-semibold">iPhone or iPad</h3>
              <ol className="mt-1 list-decimal space-y-1 pl-5">
                <li>Make your link on the phone, then tap “Add to this phone&apos;s calendar” and choose Subscribe.</li>
                <li>
                  Or copy the link, then open Settings, Calendar, Accounts, Add Account, Other, Add Subscribed Calendar, and paste it.
                </li>
              </ol>
            </section>
            <section>
              <h3 className="font-semibold">Android (Google Calendar)</h3>
              <ol className="mt-1 list-decimal space-y-1 pl-5">
                <li>Copy the link.</li>
                <li>
                  On a computer, open Google Calendar in a web browser. Next to “Other calendars” choose +, then “From URL”, paste the link
                  and choose “Add calendar”.
                </li>
                <li>The sessions then show in the Google Calendar app on your phone too.</li>
              </ol>
            </section>
            <section>
              <h3 className="font-semibold">Outlook</h3>
              <p className="mt-1">Choose Add calendar, then Subscribe from web, and paste the link.</p>
            </section>
          </div>
        </Card>
      </div>
    </AppShell>
  );
}
