import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/server/session";
import { todayIn } from "@/lib/dates";
import { chooseProgrammeForStaff } from "@/features/programmes/queries";
import { getGroupSuggestions } from "@/features/matching/queries";
import { AcceptGroupForm, SUGGESTIONS_HEADING } from "@/features/matching/components/accept-forms";
import { newIdempotencyKey } from "@/server/idempotency";

export const metadata: Metadata = { title: "Suggest groups" };

export default async function GroupSuggestionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor("COORDINATOR");
  const params = await searchParams;
  const { programme } = await chooseProgrammeForStaff(actor, typeof params.programme === "string" ? params.programme : undefined);
  if (!programme) {
    return (
      <AppShell actor={actor} current="/coordinator/matching">
        <PageHeader title="Suggest groups" />
        <EmptyState title="No programmes yet">
          Group suggestions appear once your school runs a programme with mentors and mentees.
        </EmptyState>
      </AppShell>
    );
  }
  const { result, names, waitingCount } = await getGroupSuggestions(actor, programme.id);
  const today = todayIn(actor.timezone);
  const label = (id: string) => `${names.get(id)?.name ?? "Unknown"} (Year ${names.get(id)?.yearGroup ?? "?"})`;
  return (
    <AppShell actor={actor} current="/coordinator/matching">
      <p className="mb-2">
        <Link href={`/coordinator/matching?programme=${programme.id}`} className="font-semibold text-accent underline">
          Back to 1:1 suggestions
        </Link>
      </p>
      <PageHeader
        title="Suggest groups"
        description={`Mixed-age groups for the ${waitingCount} mentee${waitingCount === 1 ? "" : "s"} waiting, with one or two mentors each, a time everyone is free, and the keep-apart list honoured.`}
      />
      {programme.format === "ONE_TO_ONE" ? (
        <p className="mb-4 text-muted">This programme runs 1:1 pairs only, so groups cannot be created for it.</p>
      ) : null}
      <div className="space-y-6">
        <h2 id={SUGGESTIONS_HEADING} tabIndex={-1} className="sr-only">
          Suggested groups
        </h2>
        {result.groups.length === 0 ? (
          <EmptyState title="No groups to suggest">
            {waitingCount === 0 ? "Every mentee has a mentor." : "No group can be formed under the rules. See why below."}
          </EmptyState>
        ) : (
          result.groups.map((g, index) => (
            <Card
              key={g.mentorIds.join() + g.menteeIds.join()}
              title={`Group ${index + 1} · ${g.slot || "a time to agree"} · score ${g.score}`}
              headingLevel={2}
            >
              <p>
                <span className="font-semibold">Mentors:</span> {g.mentorIds.map(label).join(", ")}
              </p>
              <p>
                <span className="font-semibold">Mentees:</span> {g.menteeIds.map(label).join(", ")}
              </p>
              <ul className="mt-2 flex flex-wrap gap-1" aria-label="Reasons">
                {g.reasons.map((r) => (
                  <li key={r.kind + r.text}>
                    <Badge tone="accent">{r.text}</Badge>
                  </li>
                ))}
              </ul>
              {programme.format === "ONE_TO_ONE" ? null : (
                <div className="mt-3">
                  <AcceptGroupForm
                    idempotencyKey={newIdempotencyKey()}
                    programmeId={programme.id}
                    mentorIds={g.mentorIds}
                    menteeIds={g.menteeIds}
                    name={g.slot ? `${g.slot} group` : `Group ${index + 1}`}
                    today={today}
                  />
                </div>
              )}
            </Card>
          ))
        )}
        {result.unplaced.length > 0 ? (
          <Card title={`Not placed in a group (${result.unplaced.length})`}>
            <ul className="divide-y divide-line">
              {result.unplaced.map((u) => (
                <li key={u.menteeId} className="py-2">
                  <span className="font-semibold">{names.get(u.menteeId)?.name}</span> — {u.message}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </div>
    </AppShell>
  );
}
