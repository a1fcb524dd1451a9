import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { SearchForm } from "@/components/ui/search-form";
import { requireActor } from "@/server/session";
import { newIdempotencyKey } from "@/server/idempotency";
import { searchTerm } from "@/lib/schema-helpers";
import { listStaffForAdmin } from "@/features/admin/queries";
import { ROLE_LABELS } from "@/features/staff/labels";
import { AddStaffForm } from "@/features/staff/components/staff-forms";

export const metadata: Metadata = { title: "Staff" };

export default async function StaffPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("ADMIN");
  const q = searchTerm((await searchParams).q);
  const staff = await listStaffForAdmin(actor, { q });
  return (
    <AppShell actor={actor} current="/admin/staff">
      <PageHeader title="Staff" description="Who can use PeerPath at this school, and what they can do." />
      <div className="grid gap-6 lg:grid-cols-5">
        <Card
          className="lg:col-span-3"
          title={q ? `Staff matching “${q}” (${staff.length})` : `Staff (${staff.length})`}
          action={<SearchForm id="staff-search" label="Search by name" defaultValue={q} />}
        >
          {staff.length === 0 ? (
            <EmptyState title="No staff found">{q ? "Try a different name." : "Add the first member of staff with the form."}</EmptyState>
          ) : (
            <ul className="divide-y divide-line">
              {staff.map((s) => (
                <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                  <span>
                    <Link href={`/admin/staff/${s.id}`} className="font-semibold text-accent underline underline-offset-4">
                      {s.name}
                    </Link>{" "}
                    <span className="block text-sm text-muted sm:inline">{s.email}</span>
                  </span>
                  <span className="flex flex-wrap gap-1">
                    {s.roles.map((r) => (
                      <Badge key={r} tone="accent">
                        {ROLE_LABELS[r]}
                      </Badge>
                    ))}
                    {s.isDisabled ? <Badge>Disabled</Badge> : null}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card className="lg:col-span-2">
          <AddStaffForm idempotencyKey={newIdempotencyKey()} />
        </Card>
      </div>
    </AppShell>
  );
}
