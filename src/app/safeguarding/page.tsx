import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { SearchForm } from "@/components/ui/search-form";
import { requireActor } from "@/server/session";
import { pageNumber, searchTerm } from "@/lib/schema-helpers";
import { CATEGORY_LABELS, STATUS_LABELS, waitedFor } from "@/lib/concerns";
import { formatStaffDateTime } from "@/lib/dates";
import { listConcernsForLead } from "@/features/concerns/queries";

export const metadata: Metadata = { title: "Concerns" };

export default async function SafeguardingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("DSL", "HEAD", "CHAIR_OF_GOVERNORS");
  const params = await searchParams;
  const list = await listConcernsForLead(actor, { q: searchTerm(params.q), page: pageNumber(params.page) });
  const now = new Date();
  const pageLink = (n: number) => `/safeguarding?${new URLSearchParams({ ...(list.q ? { q: list.q } : {}), page: String(n) })}`;
  return (
    <AppShell actor={actor} current="/safeguarding">
      <PageHeader
        title="Concerns"
        description="Open concerns first, urgent ones at the top. Opening a concern is recorded."
        action={<SearchForm id="concern-search" label="Search by pupil or reporter" defaultValue={list.q} />}
      />
      <div className="space-y-6">
        <Card title={`Open (${list.open.length})`}>
          {list.open.length === 0 ? (
            <EmptyState title="No open concerns">
              {list.q ? "No open concern matches that search." : "New concerns appear here the moment they are raised."}
            </EmptyState>
          ) : (
            <ConcernList rows={list.open} now={now} timezone={actor.timezone} />
          )}
        </Card>
        <Card title={`Closed (${list.closedTotal})`}>
          {list.closed.length === 0 ? (
            <EmptyState title="No closed concerns">
              {list.q ? "No closed concern matches that search." : "Closed concerns are kept here."}
            </EmptyState>
          ) : (
            <>
              <ConcernList rows={list.closed} now={null} timezone={actor.timezone} />
              {list.pageCount > 1 ? (
                <nav aria-label="Closed concerns pages" className="mt-4 flex gap-4">
                  {list.page > 1 ? (
                    <Link href={pageLink(list.page - 1)} className="font-semibold text-accent underline">
                      Previous page
                    </Link>
                  ) : null}
                  <span>
                    Page {list.page} of {list.pageCount}
                  </span>
                  {list.page < list.pageCount ? (
                    <Link href={pageLink(list.page + 1)} className="font-semibold text-accent underline">
                      Next page
                    </Link>
                  ) : null}
                </nav>
              ) : null}
            </>
          )}
        </Card>
      </div>
    </AppShell>
  );
}

type Row = Awaited<ReturnType<typeof listConcernsForLead>>["open"][number];

function ConcernList({ rows, now, timezone }: { rows: Row[]; now: Date | null; timezone: string }) {
  return (
    <ul className="divide-y divide-line">
      {rows.map((c) => (
        <li key={c.id} className={c.isUrgent && now ? "-mx-2 rounded-lg border-l-4 border-danger bg-danger-soft px-2 py-3" : "py-3"}>
          <p className="flex flex-wrap items-center gap-2">
            <Link href={`/safeguarding/concerns/${c.id}`} className="font-semibold text-accent underline">
              {CATEGORY_LABELS[c.category]}
              {c.pupils.length > 0 ? ` — ${c.pupils.join(", ")}` : ""}
            </Link>
            {c.isUrgent ? <Badge tone="accent">Urgent</Badge> : null}
            <Badge>{STATUS_LABELS[c.status]}</Badge>
            {!c.isOpened && now ? <Badge tone="calm">Not opened yet</Badge> : null}
            {c.isEscalated ? <Badge>Escalated to the head</Badge> : null}
            {c.route !== "SAFEGUARDING" ? <Badge>About a member of staff</Badge> : null}
          </p>
          <p className="text-sm text-muted">
            Raised by {c.reporter}, {formatStaffDateTime(c.createdAt, timezone)}
            {now ? ` · waiting ${waitedFor(c.createdAt, now)}` : ""}
          </p>
        </li>
      ))}
    </ul>
  );
}
