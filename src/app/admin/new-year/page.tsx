import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell";
import { Badge, Card, EmptyState, Notice, PageHeader, Stat } from "@/components/ui/card";
import { Select, RadioGroup } from "@/components/ui/field";
import { requireActor } from "@/server/session";
import { formatStaffDate } from "@/lib/dates";
import type { ProgrammeChoice } from "@/lib/rollover";
import { getRolloverPreview } from "@/features/rollover/queries";
import { RunRolloverForm } from "@/features/rollover/components/run-rollover-form";
import { CALENDAR_KIND_LABELS } from "@/features/calendar/labels";

export const metadata: Metadata = { title: "A new school year" };

type Params = Record<string, string | string[] | undefined>;

const span = (p: { startsOn: string; endsOn: string }) =>
  p.startsOn === p.endsOn ? formatStaffDate(p.startsOn) : `${formatStaffDate(p.startsOn)} to ${formatStaffDate(p.endsOn)}`;
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The admin's choices from the address: anything else is ignored, never passed on. */
function choicesFrom(params: Params): { finalYearGroup?: 11 | 13; choices: Record<string, ProgrammeChoice> } {
  const year = params.finalYearGroup;
  const finalYearGroup = year === "11" ? 11 : year === "13" ? 13 : undefined;
  const choices: Record<string, ProgrammeChoice> = {};
  for (const [key, value] of Object.entries(params)) {
    const id = /^choice-([A-Za-z0-9_-]{1,40})$/.exec(key)?.[1];
    if (id && (value === "CLOSE" || value === "CARRY")) choices[id] = value;
  }
  return { finalYearGroup, choices };
}

export default async function NewYearPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requireActor("ADMIN");
  const preview = await getRolloverPreview(actor, choicesFrom(await searchParams));
  return (
    <AppShell actor={actor} current="/admin">
      <PageHeader
        title="A new school year"
        description="See who leaves and what ends before anything changes. Year groups move up on their own; this page deals with leavers, pairings, programmes and next year's dates."
      />
      {preview.kind === "NO_YEAR" ? (
        <EmptyState title="No school year yet">
          Add this school year and its terms on the{" "}
          <Link href="/admin/calendar" className="underline">
            calendar
          </Link>{" "}
          first: the rollover starts from it.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          {preview.alreadyRolledOver ? (
            <Notice tone="calm">
              {preview.fromName} has been rolled over. Check {preview.toName}&rsquo;s dates on the{" "}
              <Link href="/admin/calendar" className="underline">
                calendar
              </Link>
              , then confirm them.
            </Notice>
          ) : null}
          <Card title="Your choices">
            <form action="" className="space-y-4" aria-label="Rollover choices">
              <Select
                id="finalYearGroup"
                name="finalYearGroup"
                label="The school's final year group"
                hint="Pupils in this year group leave at the end of the year: Year 13 if the school has a sixth form."
                options={[
                  { value: "11", label: "Year 11" },
                  { value: "13", label: "Year 13" },
                ]}
                defaultValue={String(preview.finalYearGroup)}
              />
              {preview.programmes.map((p) => (
                <RadioGroup
                  key={p.id}
                  name={`choice-${p.id}`}
                  legend={p.name}
                  hint={p.endsOn ? `Ends ${formatStaffDate(p.endsOn)}.` : "No end date."}
                  inline
                  options={[
                    { value: "CARRY", label: "Carry on next year" },
                    { value: "CLOSE", label: "Close it (its pairings end)" },
                  ]}
                  defaultValue={p.choice}
                />
              ))}
              <button type="submit" className="min-h-11 rounded-lg border border-accent bg-surface px-4 font-semibold text-accent">
                Update the preview
              </button>
            </form>
          </Card>

          <dl className="grid grid-cols-2 gap-3 md:grid-cols-5">
            <Stat label="Pupils leaving" value={preview.leavers.length} />
            <Stat label="Becoming alumni" value={preview.leavers.filter((l) => l.becomes === "ALUMNI").length} />
            <Stat label="Accounts closing" value={preview.accountsClosing} />
            <Stat label="Pairings ending" value={preview.pairingsEnding.length} />
            <Stat label="Places paused" value={preview.placesPaused.length} />
          </dl>

          {preview.warnings.length > 0 ? (
            <Card title="Check before you run it">
              <ul className="list-disc space-y-1 pl-5">
                {preview.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </Card>
          ) : null}

          <Card title={`Pupils leaving (${preview.leavers.length})`}>
            {preview.leavers.length === 0 ? (
              <EmptyState title="Nobody leaves">No pupil is in the final year group or has a leaving date before the new year.</EmptyState>
            ) : (
              <ul className="divide-y divide-line">
                {preview.leavers.map((l) => (
                  <li key={l.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span>
                      <span className="font-semibold">{l.name}</span> <span className="text-sm text-muted">Year {l.yearGroup}</span>
                      {l.why === "LEAVING_DATE" ? <span className="text-sm text-muted"> · leaving date</span> : null}
                    </span>
                    <Badge tone={l.becomes === "ALUMNI" ? "accent" : "neutral"}>
                      {l.becomes === "ALUMNI" ? "Alumni (mentored)" : "Left"}
                    </Badge>
                  </li>
                ))}
              </ul>
            )}
          </Card>

          <div className="grid gap-6 lg:grid-cols-2">
            <Card title={`Pairings ending (${preview.pairingsEnding.length})`}>
              {preview.pairingsEnding.length === 0 ? (
                <EmptyState title="No pairing ends" />
              ) : (
                <ul className="divide-y divide-line">
                  {preview.pairingsEnding.map((p) => (
                    <li key={p.id} className="py-2">
                      <span className="font-semibold">{p.names}</span> <span className="text-sm text-muted">{p.programme}</span>{" "}
                      <Badge>{p.reason === "PUPIL_LEFT" ? "Pupil left" : "Programme ended"}</Badge>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
            <Card title={`Places paused (${preview.placesPaused.length})`}>
              {preview.placesPaused.length === 0 ? (
                <EmptyState title="No place is paused">
                  A leaving mentee&rsquo;s place is paused when the rest of the group still meets.
                </EmptyState>
              ) : (
                <ul className="divide-y divide-line">
                  {preview.placesPaused.map((p) => (
                    <li key={`${p.pairingId}-${p.name}`} className="py-2">
                      <span className="font-semibold">{p.name}</span>{" "}
                      <span className="text-sm text-muted">in a group of {p.programme}</span>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
            <Card title="Programmes">
              <p className="mb-2">
                Closing:{" "}
                {preview.programmes
                  .filter((p) => p.choice === "CLOSE")
                  .map((p) => p.name)
                  .join(", ") || "none"}
                .
              </p>
              <p>
                Carrying on:{" "}
                {preview.programmes
                  .filter((p) => p.choice === "CARRY")
                  .map((p) => p.name)
                  .join(", ") || "none"}
                .
              </p>
            </Card>
            <Card title={`${preview.toName}: ${preview.calendar.isNew ? "draft dates" : "dates in the calendar"}`}>
              <p className="mb-2 text-sm text-muted">
                {preview.calendar.isNew
                  ? "Moved from this year's dates. It is saved as a draft for you to check and confirm on the calendar; until then it plans nothing."
                  : preview.calendar.isDraft
                    ? "A draft: check its dates and confirm it on the calendar."
                    : "Already confirmed on the calendar."}
              </p>
              {preview.calendar.periods.length === 0 ? (
                <EmptyState title="No dates yet" />
              ) : (
                <ul className="divide-y divide-line">
                  {preview.calendar.periods.map((p) => (
                    <li key={`${p.kind}-${p.startsOn}`} className="flex flex-wrap items-center justify-between gap-2 py-1">
                      <span>
                        <span className="font-semibold">{p.name}</span> <span className="text-sm text-muted">{span(p)}</span>{" "}
                        <Badge tone="calm">{CALENDAR_KIND_LABELS[p.kind]}</Badge>
                      </span>
                      {p.check ? <Badge tone="accent">Check this date</Badge> : null}
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </div>

          {preview.alreadyRolledOver ? null : (
            <Card title="Run the rollover">
              <p className="mb-3">
                Runs exactly what this page shows, once, for {preview.fromName}. Leavers&rsquo; accounts close at once.
              </p>
              <RunRolloverForm
                finalYearGroup={preview.finalYearGroup}
                close={preview.programmes.filter((p) => p.choice === "CLOSE").map((p) => p.id)}
                basis={preview.fingerprint}
                fromName={preview.fromName}
                summary={`${count(preview.leavers.length, "pupil leaves", "pupils leave")}, ${count(preview.pairingsEnding.length, "pairing ends", "pairings end")} and ${count(preview.placesPaused.length, "place is", "places are")} paused.`}
              />
            </Card>
          )}
        </div>
      )}
    </AppShell>
  );
}
