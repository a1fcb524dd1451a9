import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { hasRole } from "@/server/actor";
import { requireActor } from "@/server/session";
import { listActivitiesForStaff } from "@/features/activities/queries";
import { ACTIVE_ACTIVITIES_HEADING, activityNameId, RETIRED_ACTIVITIES_HEADING } from "@/features/activities/headings";
import {
  AddActivityForm,
  MoveActivityForm,
  RenameActivityForm,
  RestoreActivityForm,
  RetireActivityForm,
} from "@/features/activities/components/activity-forms";

export const metadata: Metadata = { title: "Activities" };

const used = (n: number) => (n === 0 ? "not used yet" : `used in ${n} session${n === 1 ? "" : "s"}`);

export default async function ActivitiesPage() {
  const actor = await requireActor("COORDINATOR", "ADMIN");
  const { active, retired } = await listActivitiesForStaff(actor);
  return (
    <AppShell actor={actor} current="/coordinator/activities">
      {hasRole(actor, "COORDINATOR") ? (
        <p className="mb-2">
          <Link href="/coordinator/programmes" className="font-semibold text-accent underline">
            Programmes
          </Link>
        </p>
      ) : null}
      <PageHeader
        title="Activities"
        description="What mentors choose from when they log a session (“What did you do?”), in this order. The list is the whole school's."
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title={`Offered to mentors (${active.length})`} headingId={ACTIVE_ACTIVITIES_HEADING}>
            <ol className="divide-y divide-line">
              {active.map((a, index) => (
                <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                  <span>
                    <span id={activityNameId(a.id)} tabIndex={-1} className="font-semibold">
                      {index + 1}. {a.name}
                    </span>{" "}
                    <span className="text-sm text-muted">{used(a.sessions)}</span>
                  </span>
                  <span className="flex flex-wrap items-center gap-2">
                    {index > 0 ? <MoveActivityForm activityId={a.id} name={a.name} direction="up" /> : null}
                    {index < active.length - 1 ? <MoveActivityForm activityId={a.id} name={a.name} direction="down" /> : null}
                    {active.length > 1 ? <RetireActivityForm activityId={a.id} name={a.name} /> : null}
                  </span>
                  <RenameActivityForm activityId={a.id} name={a.name} />
                </li>
              ))}
            </ol>
            {active.length === 1 ? (
              <p className="mt-3 text-sm text-muted">Mentors need at least one activity: add another before retiring this one.</p>
            ) : null}
          </Card>
          <Card title={`Retired (${retired.length})`} headingId={RETIRED_ACTIVITIES_HEADING}>
            {retired.length === 0 ? (
              <EmptyState title="Nothing retired">
                A retired activity stays on the sessions that used it, and is not offered to mentors.
              </EmptyState>
            ) : (
              <ul className="divide-y divide-line">
                {retired.map((a) => (
                  <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                    <span>
                      <span className="font-semibold">{a.name}</span> <span className="text-sm text-muted">{used(a.sessions)}</span>
                    </span>
                    <RestoreActivityForm activityId={a.id} name={a.name} />
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
        <Card title="Add an activity">
          <AddActivityForm />
        </Card>
      </div>
    </AppShell>
  );
}
