import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/server/session";
import { todayIn } from "@/lib/dates";
import { chooseProgrammeForStaff } from "@/features/programmes/queries";
import { getSuggestions } from "@/features/matching/queries";
import { toMatchWeights, weightsSchema } from "@/features/matching/schemas";
import { AcceptAllForm, AcceptSuggestionForm, SaveWeightsForm, SUGGESTIONS_HEADING } from "@/features/matching/components/accept-forms";
import { newIdempotencyKey } from "@/server/idempotency";
import { WeightsFilter } from "@/features/matching/components/weights-form";

export const metadata: Metadata = { title: "Suggest matches" };

type Search = Promise<Record<string, string | string[] | undefined>>;

const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export default async function MatchingPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireActor("COORDINATOR");
  const params = await searchParams;
  const { programme } = await chooseProgrammeForStaff(actor, typeof params.programme === "string" ? params.programme : undefined);
  if (!programme) {
    return (
      <AppShell actor={actor} current="/coordinator/matching">
        <PageHeader title="Suggest matches" />
        <EmptyState title="No programmes yet">Suggestions appear once your school runs a programme with mentors and mentees.</EmptyState>
      </AppShell>
    );
  }
  const hasWeights = Object.keys(params).some((k) => k in weightsSchema.shape);
  const parsedWeights = weightsSchema.safeParse(params);
  const weights = hasWeights && parsedWeights.success ? toMatchWeights(parsedWeights.data) : undefined;
  const rejected = list(params.reject).filter((r) => /^[\w-]+:[\w-]+$/.test(r));
  const {
    result,
    names,
    alternatives,
    weights: shownWeights,
    waitingCount,
  } = await getSuggestions(actor, programme.id, { weights, rejected: rejected.map((r) => r.split(":") as [string, string]) });
  const today = todayIn(actor.timezone);
  const nameOf = (id: string) => names.get(id)?.name ?? "Unknown";
  const yearOf = (id: string) => names.get(id)?.yearGroup;
  const rejectLink = (pair: string) => {
    const query = new URLSearchParams();
    query.set("programme", programme.id);
    for (const [key, value] of Object.entries(params))
      if (key !== "programme" && key !== "reject" && typeof value === "string") query.set(key, value);
    for (const r of [...rejected, pair]) query.append("reject", r);
    return `/coordinator/matching?${query}`;
  };
  return (
    <AppShell actor={actor} current="/coordinator/matching">
      <p className="mb-2 flex flex-wrap gap-4">
        <Link href={`/coordinator?programme=${programme.id}`} className="font-semibold text-accent underline">
          Back to {programme.name}
        </Link>
        {programme.format !== "ONE_TO_ONE" ? (
          <Link href={`/coordinator/matching/groups?programme=${programme.id}`} className="font-semibold text-accent underline">
            Suggest mixed-age groups instead
          </Link>
        ) : null}
      </p>
      <PageHeader
        title="Suggest matches"
        description={`${waitingCount} mentee${waitingCount === 1 ? "" : "s"} waiting for a mentor. Every suggestion keeps the hard rules: the mentor is older and trained, has room, shares a free time, and is never on the keep-apart list.`}
      />
      {!hasWeights || parsedWeights.success ? null : (
        <p role="alert" className="mb-4 font-semibold text-danger">
          Some weights were not whole numbers from 0 to 50, so the programme&apos;s weights were used.
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card
            title={`Suggestions (${result.suggestions.length})`}
            headingId={SUGGESTIONS_HEADING}
            action={
              result.suggestions.length > 1 ? (
                <AcceptAllForm
                  programmeId={programme.id}
                  idempotencyKey={newIdempotencyKey()}
                  pairs={result.suggestions.map((s) => `${s.menteeId}:${s.mentorId}`)}
                />
              ) : null
            }
          >
            {result.suggestions.length === 0 ? (
              <EmptyState title="No suggestions">
                {waitingCount === 0 ? "Every mentee has a mentor." : "No mentor can take these mentees under the rules. See why below."}
              </EmptyState>
            ) : (
              <ul className="divide-y divide-line">
                {result.suggestions.map((s) => (
                  <li key={s.menteeId} className="space-y-2 py-3" data-testid="suggestion">
                    <p>
                      <span className="font-semibold">{nameOf(s.menteeId)}</span>{" "}
                      <span className="text-sm text-muted">Year {yearOf(s.menteeId)}</span> with{" "}
                      <span className="font-semibold">{nameOf(s.mentorId)}</span>{" "}
                      <span className="text-sm text-muted">Year {yearOf(s.mentorId)}</span> · score {s.score}
                    </p>
                    <ul className="flex flex-wrap gap-1" aria-label="Reasons">
                      {s.reasons.map((r) => (
                        <li key={r.kind + r.text}>
                          <Badge tone="accent">{r.text}</Badge>
                        </li>
                      ))}
                    </ul>
                    <div className="flex flex-wrap items-end gap-3">
                      <AcceptSuggestionForm
                        // A new suggestion for the row (after a reject or an accept) is a new form: its
                        // select must show the mentor now suggested, not the one picked before.
                        key={`${s.menteeId}:${s.mentorId}`}
                        programmeId={programme.id}
                        menteeId={s.menteeId}
                        menteeName={nameOf(s.menteeId)}
                        suggestedMentorId={s.mentorId}
                        today={today}
                        idempotencyKey={newIdempotencyKey()}
                        options={(alternatives.get(s.menteeId) ?? []).map((a) => ({
                          mentorId: a.mentorId,
                          label: `${a.name} (score ${a.score})${a.mentorId === s.mentorId ? " — suggested" : ""}`,
                        }))}
                      />
                      <Link
                        href={rejectLink(`${s.menteeId}:${s.mentorId}`)}
                        className="inline-flex min-h-11 items-center font-semibold text-accent underline"
                      >
                        Reject this match
                      </Link>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          {result.unmatched.length > 0 ? (
            <Card title={`Cannot be matched now (${result.unmatched.length})`}>
              <ul className="divide-y divide-line">
                {result.unmatched.map((u) => (
                  <li key={u.menteeId} className="py-2">
                    <span className="font-semibold">{nameOf(u.menteeId)}</span> — {u.message}
                  </li>
                ))}
              </ul>
              <p className="mt-2 text-sm text-muted">They stay on the waiting list on your dashboard.</p>
            </Card>
          ) : null}
        </div>
        <Card title="Weights">
          <p className="mb-3 text-sm text-muted">How much each reason counts. Change a number and run the suggestions again.</p>
          <WeightsFilter weights={shownWeights} programmeId={programme.id} rejected={rejected} />
          <div className="mt-3">
            <SaveWeightsForm programmeId={programme.id} weights={shownWeights} />
          </div>
        </Card>
      </div>
    </AppShell>
  );
}
