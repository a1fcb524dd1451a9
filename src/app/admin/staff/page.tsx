import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { SearchForm } from "@/components/ui/search-form";
import { requireActor } from "@/server/session";
import { newIdempotencyKey } from "@/server/idempotency";
import { searchTerm } from "@/lib/schema-helpers";
import { listStaffForAdmin } from "@/features/admin/queries";
import { StaffList } from "@/features/staff/components/staff-list";
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
            <StaffList staff={staff} />
          )}
        </Card>
        <Card className="lg:col-span-2">
          <AddStaffForm idempotencyKey={newIdempotencyKey()} />
        </Card>
      </div>
    </AppShell>
  );
}
