import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { buttonClasses } from "@/components/ui/button";
import { requireActor } from "@/server/session";
import { newIdempotencyKey } from "@/server/idempotency";
import { listMyConcernReceipts } from "@/features/concerns/queries";
import { AddToMyConcernForm } from "@/features/concerns/components/add-to-my-concern-form";

export const metadata: Metadata = { title: "What you told us" };

export default async function MyConcernsPage() {
  const actor = await requireActor();
  const receipts = await listMyConcernReceipts(actor);
  return (
    <AppShell actor={actor} current="/concerns">
      <PageHeader
        title="What you told us"
        description="Staff read everything you send. You can add more at any time."
        action={
          <Link href="/concerns/new" className={buttonClasses("primary")}>
            Tell someone something new
          </Link>
        }
      />
      {receipts.length === 0 ? (
        <EmptyState title="Nothing sent yet">When you tell us about something, it will be listed here.</EmptyState>
      ) : (
        <div className="space-y-4">
          {receipts.map((r) => (
            <Card key={r.id} title={r.receipt}>
              <ul className="mb-4 space-y-2">
                {r.own.map((e) => (
                  <li key={e.id} className="rounded-lg bg-calm-soft p-3">
                    <p className="text-sm font-semibold text-muted">{e.isAddition ? "You added" : "You wrote"}</p>
                    <p className="whitespace-pre-line">{e.text}</p>
                  </li>
                ))}
              </ul>
              <AddToMyConcernForm concernId={r.id} idempotencyKey={newIdempotencyKey()} />
            </Card>
          ))}
        </div>
      )}
    </AppShell>
  );
}
