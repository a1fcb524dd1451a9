import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/server/session";
import { formatStaffDate, todayIn } from "@/lib/dates";
import { listKeepApart, listPupilsForKeepApart } from "@/features/keep-apart/queries";
import { AddKeepApartForm, KEEP_APART_HEADING, RemoveKeepApartForm } from "@/features/keep-apart/components/keep-apart-forms";

export const metadata: Metadata = { title: "Keep apart" };

export default async function KeepApartPage() {
  const actor = await requireActor("COORDINATOR", "DSL");
  const [rows, pupils] = await Promise.all([listKeepApart(actor), listPupilsForKeepApart(actor)]);
  return (
    <AppShell actor={actor} current="/staff/keep-apart">
      <PageHeader
        title="Keep apart"
        description="Pupils on this list are never suggested, paired or grouped together. There is no override."
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Add a pair">
          <AddKeepApartForm pupils={pupils} />
        </Card>
        <Card title={`Pairs kept apart (${rows.length})`} headingId={KEEP_APART_HEADING}>
          {rows.length === 0 ? (
            <EmptyState title="No pairs yet">Add two pupils who must never be matched, for example after a bullying incident.</EmptyState>
          ) : (
            <ul className="divide-y divide-line">
              {rows.map((r) => (
                <li key={r.id} className="space-y-1 py-3">
                  <p className="font-semibold">{r.pupils.join(" and ")}</p>
                  <p className="text-sm">{r.reason}</p>
                  <p className="text-sm text-muted">
                    Added by {r.createdBy}, {formatStaffDate(todayIn(actor.timezone, r.createdAt))}
                  </p>
                  {r.canRemove ? <RemoveKeepApartForm keepApartId={r.id} pupils={r.pupils.join(" and ")} /> : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </AppShell>
  );
}
