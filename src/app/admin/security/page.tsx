import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/server/session";
import { formatStaffDateTime } from "@/lib/dates";
import { securityEventFilters } from "@/features/security-log/filters";
import { listSecurityEventsForAdmin } from "@/features/security-log/queries";

export const metadata: Metadata = { title: "Security events" };

const field = "min-h-11 rounded-lg border border-line bg-surface px-2";

export default async function SecurityEventsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor("ADMIN");
  const filters = securityEventFilters(await searchParams);
  const log = await listSecurityEventsForAdmin(actor, filters);
  const query = (page?: number) => {
    const params = new URLSearchParams();
    if (filters.personId) params.set("person", filters.personId);
    if (filters.from) params.set("from", filters.from);
    if (filters.to) params.set("to", filters.to);
    if (page && page > 1) params.set("page", String(page));
    return params.toString();
  };
  return (
    <AppShell actor={actor} current="/admin/security">
      <PageHeader
        title="Security events"
        description="Refused attempts, failed and paused sign-ins, and sign-outs everywhere, for people in your school. Newest first."
      />
      <Card title="Events">
        <form className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter the events">
          <div>
            <label htmlFor="person" className="block text-sm font-semibold">
              Person
            </label>
            <select id="person" name="person" defaultValue={filters.personId ?? ""} className={field}>
              <option value="">Everyone</option>
              {log.people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="from" className="block text-sm font-semibold">
              From
            </label>
            <input id="from" name="from" type="date" defaultValue={filters.from ?? ""} className={field} />
          </div>
          <div>
            <label htmlFor="to" className="block text-sm font-semibold">
              To
            </label>
            <input id="to" name="to" type="date" defaultValue={filters.to ?? ""} className={field} />
          </div>
          <button type="submit" className="min-h-11 rounded-lg border border-accent bg-surface px-3 font-semibold text-accent">
            Show
          </button>
        </form>
        <p className="mb-3 flex flex-wrap items-center gap-4">
          <span aria-live="polite">
            {log.total} event{log.total === 1 ? "" : "s"}
            {log.pages > 1 ? `, page ${log.page} of ${log.pages}` : ""}.
          </span>
          <a
            href={`/admin/security/events.csv?${query()}`}
            className="inline-flex min-h-11 items-center font-semibold text-accent underline"
            download
          >
            Download as CSV
          </a>
        </p>
        {log.events.length === 0 ? (
          <p className="text-muted">No security events match these choices.</p>
        ) : (
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">Security events, newest first</caption>
            <thead>
              <tr className="border-b border-line text-sm text-muted">
                <th scope="col" className="py-2 pr-2">
                  When
                </th>
                <th scope="col" className="py-2 pr-2">
                  Who
                </th>
                <th scope="col" className="py-2">
                  What happened
                </th>
              </tr>
            </thead>
            <tbody>
              {log.events.map((e) => (
                <tr key={e.id} className="border-b border-line/60 align-top">
                  <td className="py-2 pr-2 whitespace-nowrap">{formatStaffDateTime(e.at, actor.timezone)}</td>
                  <td className="py-2 pr-2">
                    {e.person}
                    {e.email && e.email !== e.person ? <span className="block text-sm text-muted">{e.email}</span> : null}
                  </td>
                  <td className="py-2">{e.words}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {log.pages > 1 ? (
          <nav aria-label="Pages" className="mt-4 flex gap-4">
            {log.page > 1 ? (
              <Link
                href={`/admin/security?${query(log.page - 1)}`}
                className="inline-flex min-h-11 items-center font-semibold text-accent underline"
              >
                Newer
              </Link>
            ) : null}
            {log.page < log.pages ? (
              <Link
                href={`/admin/security?${query(log.page + 1)}`}
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
