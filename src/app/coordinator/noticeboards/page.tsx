import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/server/session";
import { newIdempotencyKey } from "@/server/idempotency";
import { formatStaffDate } from "@/lib/dates";
import { listProgrammesForCoordinator } from "@/features/programmes/queries";
import { listNoticeboardLinks } from "@/features/noticeboards/queries";
import { NoticeboardLinks } from "@/features/noticeboards/components/noticeboard-links";

export const metadata: Metadata = { title: "Noticeboards" };

export default async function NoticeboardsPage() {
  const actor = await requireActor("COORDINATOR");
  const [links, programmes] = await Promise.all([listNoticeboardLinks(actor), listProgrammesForCoordinator(actor)]);
  const open = programmes.filter((p) => p.status !== "CLOSED").map((p) => ({ id: p.id, name: p.name }));
  return (
    <AppShell actor={actor} current="/coordinator/noticeboards">
      <PageHeader
        title="Noticeboards"
        description="A board for a classroom screen, in large type, with no sign-in. It updates every minute."
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <NoticeboardLinks
            idempotencyKey={newIdempotencyKey()}
            programmes={open}
            links={links.map((l) => ({
              ...l,
              madeOn: formatStaffDate(l.madeOn),
              turnedOffOn: l.turnedOffOn ? formatStaffDate(l.turnedOffOn) : null,
            }))}
          />
        </div>
        <Card title="What the screen shows">
          <ul className="list-disc space-y-1 pl-5">
            <li>Only what pupils see on their own boards: names as the school shows them, and no figure below zero.</li>
            <li>Nobody who opted out of boards, and nobody staff have hidden.</li>
            <li>The top ten places, a rosette for first place, most improved, and climbs pupils chose to share.</li>
          </ul>
          <p className="mt-3">
            Anyone with a link can see its board, so keep links to staff. If one is shared by mistake, replace it or turn it off: the old
            address stops at once.
          </p>
        </Card>
      </div>
    </AppShell>
  );
}
