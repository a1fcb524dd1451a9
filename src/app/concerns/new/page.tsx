import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/server/session";
import { newIdempotencyKey } from "@/server/idempotency";
import { getRaiseConcernForm } from "@/features/concerns/queries";
import { RaiseConcernForm } from "@/features/concerns/components/raise-concern-form";

export const metadata: Metadata = { title: "Tell someone" };

export default async function RaiseConcernPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Everyone signed in: pupils and staff alike can raise a concern, from any page.
  const actor = await requireActor();
  const params = await searchParams;
  const form = await getRaiseConcernForm(actor, { aboutStudentId: typeof params.about === "string" ? params.about : undefined });
  return (
    <AppShell actor={actor} current="/concerns/new">
      <PageHeader
        title={form.isStaff ? "Raise a concern" : "Tell someone"}
        description={
          form.isStaff
            ? "It goes straight to the school's safeguarding leads. Record what you saw or heard, not what you think it means."
            : "If something is wrong, or you are worried about someone, tell us here. Only the staff who keep pupils safe will read it. You will not be in trouble."
        }
      />
      <Card title={form.isStaff ? "The concern" : "Your message"}>
        <RaiseConcernForm
          isStaff={form.isStaff}
          draft={form.draft}
          pupils={form.pupils}
          staff={form.staff}
          danger={form.danger}
          idempotencyKey={newIdempotencyKey()}
        />
      </Card>
    </AppShell>
  );
}
