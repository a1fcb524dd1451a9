import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { SearchForm } from "@/components/ui/search-form";
import { hasRole } from "@/server/actor";
import { requireActor } from "@/server/session";
import { newIdempotencyKey } from "@/server/idempotency";
import { formatStaffDate } from "@/lib/dates";
import { listAlumniForStaff } from "@/features/alumni/queries";
import { volunteerCheckLabels } from "@/features/alumni/schemas";
import { ALUMNI_HEADING, AlumnusInvitation, RecordCheckForm } from "@/features/alumni/components/alumni-forms";

export const metadata: Metadata = { title: "Alumni mentors" };

export default async function AlumniPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("ADMIN", "COORDINATOR", "DSL");
  const { q } = await searchParams;
  const search = typeof q === "string" ? q : "";
  const alumni = await listAlumniForStaff(actor, { q: search });
  const recordsChecks = hasRole(actor, "ADMIN", "DSL");
  const invites = hasRole(actor, "COORDINATOR");
  return (
    <AppShell actor={actor} current="/staff/alumni">
      <PageHeader
        title="Alumni mentors"
        description="Former pupils who mentored can come back as adult volunteers once their safeguarding check is recorded. They see only pairings they mentor that a member of staff supervises."
      />
      <div className="max-w-3xl space-y-5">
        <SearchForm id="alumni-search" label="Search by name" defaultValue={search} />
        <h2 id={ALUMNI_HEADING} tabIndex={-1} className="text-xl font-semibold">
          Former mentors {alumni.length === 50 ? "(the 50 who left most recently; search to find others)" : null}
        </h2>
        {alumni.length === 0 ? (
          <EmptyState title={search ? "Nobody matches that search" : "No former mentors yet"}>
            Pupils who mentored appear here after they leave, at the end of the school year.
          </EmptyState>
        ) : (
          alumni.map((a) => (
            <Card key={a.id} title={a.name} headingLevel={3}>
              <p className="text-muted">
                {a.leftOn ? `Left on ${formatStaffDate(a.leftOn)}. ` : null}
                {a.check
                  ? `${volunteerCheckLabels[a.check.kind]} dated ${formatStaffDate(a.check.checkedOn)}${a.check.reference ? `, number ${a.check.reference}` : ""}.`
                  : "No safeguarding check recorded."}
              </p>
              {a.isInvited ? (
                <p className="mt-2">
                  <Badge tone="good">Alumni mentor</Badge> {a.personalEmail ? `Signs in as ${a.personalEmail}.` : null}
                </p>
              ) : null}
              <div className="mt-3 space-y-4">
                {recordsChecks ? <RecordCheckForm studentId={a.id} name={a.name} idempotencyKey={newIdempotencyKey()} /> : null}
                {invites && a.check ? <AlumnusInvitation studentId={a.id} name={a.name} isInvited={a.isInvited} /> : null}
              </div>
            </Card>
          ))
        )}
      </div>
    </AppShell>
  );
}
