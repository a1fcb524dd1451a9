import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/server/session";
import { formatPupilDate, formatStaffDate, todayIn } from "@/lib/dates";
import { pageNumber } from "@/lib/schema-helpers";
import { listMyNotifications } from "@/features/notifications/queries";
import { MarkAllReadForm, OpenNotificationForm } from "@/features/notifications/components/notification-forms";
import { NOTIFICATIONS_HEADING_ID } from "@/features/notifications/headings";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Everyone signed in, pupils and staff alike: each sees their own.
  const actor = await requireActor();
  const page = pageNumber((await searchParams).page);
  const list = await listMyNotifications(actor, { page });
  const today = todayIn(actor.timezone);
  const dayOf = (at: Date) => {
    const day = todayIn(actor.timezone, at);
    if (day === today) return "Today";
    return actor.studentId ? formatPupilDate(day, today) : formatStaffDate(day);
  };
  return (
    <AppShell actor={actor} current="/notifications">
      <PageHeader
        title="Notifications"
        description={
          list.unread === 0
            ? "You are up to date. Each notification links to where you can do what it asks."
            : `You have ${list.unread} new notification${list.unread === 1 ? "" : "s"}. Each one links to where you can do what it asks.`
        }
        action={list.unread > 0 && list.newestId ? <MarkAllReadForm newestId={list.newestId} focusId={NOTIFICATIONS_HEADING_ID} /> : null}
      />
      <Card title="Newest first" headingId={NOTIFICATIONS_HEADING_ID}>
        {list.total === 0 ? (
          <EmptyState title="No notifications yet">
            When there is something for you to do, such as a session to log, it will appear here with a link to it.
          </EmptyState>
        ) : list.items.length === 0 ? (
          <EmptyState title="Nothing on this page">
            <Link href="/notifications" className="font-semibold text-accent underline">
              Go to the newest notifications
            </Link>
          </EmptyState>
        ) : (
          <ul className="divide-y divide-line">
            {list.items.map((n) => (
              <li key={n.id} className="flex flex-col gap-1 py-3">
                <OpenNotificationForm id={n.id} message={n.message} isRead={n.isRead} />
                <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
                  <span>{dayOf(n.createdAt)}</span>
                  {n.isRead ? <span>Read</span> : <Badge tone="accent">New</Badge>}
                </p>
              </li>
            ))}
          </ul>
        )}
        {list.pageCount > 1 ? (
          <nav aria-label="Notification pages" className="mt-3 flex flex-wrap items-center gap-3">
            {list.page > 1 ? (
              <Link
                href={`/notifications?page=${list.page - 1}`}
                className="inline-flex min-h-11 items-center font-semibold text-accent underline"
              >
                Newer
              </Link>
            ) : null}
            <span>
              Page {list.page} of {list.pageCount}
            </span>
            {list.page < list.pageCount ? (
              <Link
                href={`/notifications?page=${list.page + 1}`}
                className="inline-flex min-h-11 items-center font-semibold text-accent underline"
              >
                Older
              </Link>
            ) : null}
          </nav>
        ) : null}
      </Card>
    </AppShell>
  );
}
