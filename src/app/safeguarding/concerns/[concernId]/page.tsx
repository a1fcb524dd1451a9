import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell";
import { Badge, Card, Notice, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/server/session";
import { newIdempotencyKey } from "@/server/idempotency";
import { CATEGORY_LABELS, ROUTE_LABELS, STATUS_LABELS } from "@/lib/concerns";
import { describeEntry } from "@/lib/concern-entries";
import { formatStaffDateTime } from "@/lib/dates";
import { getConcernForReader } from "@/features/concerns/queries";
import {
  AddPupilForm,
  CategoryForm,
  CHRONOLOGY_HEADING,
  CorrectEntryForm,
  KeepApartFromConcernForm,
  PauseFromConcernForm,
  RecordActionForm,
  RemovePupilForm,
  ResumeFromConcernForm,
  RouteToStaffForm,
  ShareNoteForm,
  StatusForm,
} from "@/features/concerns/components/lead-forms";

export const metadata: Metadata = { title: "Concern" };

export default async function ConcernPage({ params }: { params: Promise<{ concernId: string }> }) {
  const actor = await requireActor("DSL", "HEAD", "CHAIR_OF_GOVERNORS");
  const { concernId } = await params;
  const c = await getConcernForReader(actor, concernId);
  const nameOf = (id: string) => c.pupilNames[id] ?? "a pupil";
  const corrected = new Set(c.entries.map((e) => e.correctsId).filter(Boolean));
  const at = (d: Date) => formatStaffDateTime(d, actor.timezone);
  const linked = c.pupils.map((p) => ({ value: p.id, label: p.name }));
  return (
    <AppShell actor={actor} current="/safeguarding">
      <PageHeader
        title={`${CATEGORY_LABELS[c.category]}${c.pupils.length > 0 ? ` — ${c.pupils.map((p) => p.name).join(", ")}` : ""}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {c.isUrgent ? <Badge tone="accent">Urgent</Badge> : null}
            <Badge>{STATUS_LABELS[c.status]}</Badge>
            <span>
              Raised by {c.reporter.name}
              {c.reporter.isPupil ? " (a pupil)" : ""}, {at(c.createdAt)} · {ROUTE_LABELS[c.route]}
            </span>
          </span>
        }
      />
      {c.aboutStaff ? <Notice tone="calm">This concern is about a member of staff: {c.aboutStaff}. They can never see it.</Notice> : null}
      {!c.isLead ? (
        <Notice tone="calm">
          You are reading this because no safeguarding lead opened this urgent concern in time. Your reading is recorded.
        </Notice>
      ) : null}
      <div className="mt-4 grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card title="Chronology" headingId={CHRONOLOGY_HEADING}>
          <ol className="space-y-4">
            {c.entries.map((e) => {
              const { title, facts } = describeEntry(e, nameOf);
              return (
                <li key={e.id} id={`entry-${e.id}`} className="rounded-lg border border-line p-3">
                  <p className="font-semibold">{title}</p>
                  <p className="text-sm text-muted">
                    Written {at(e.at)}
                    {corrected.has(e.id) ? " · corrected below" : ""}
                    {e.correctsId ? (
                      <>
                        {" · corrects "}
                        <a href={`#entry-${e.correctsId}`} className="underline">
                          an earlier entry
                        </a>
                      </>
                    ) : null}
                  </p>
                  {e.text ? <p className="mt-1 whitespace-pre-line">{e.text}</p> : null}
                  {facts.length > 0 ? (
                    <ul className="mt-1 text-sm">
                      {facts.map((f) => (
                        <li key={f}>{f}</li>
                      ))}
                    </ul>
                  ) : null}
                  {c.isLead ? <CorrectEntryForm concernId={c.id} entryId={e.id} idempotencyKey={newIdempotencyKey()} /> : null}
                </li>
              );
            })}
          </ol>
        </Card>
        <div className="space-y-6">
          <Card title="Pupils">
            {c.pupils.length === 0 ? <p className="text-muted">No pupil linked yet.</p> : null}
            <ul className="space-y-3">
              {c.pupils.map((p) => (
                <li key={p.id} className="space-y-1">
                  <p className="font-semibold">
                    {p.name} <span className="text-sm text-muted">({p.tutorGroup})</span>
                  </p>
                  {c.isLead && c.route === "SAFEGUARDING" ? (
                    <p className="flex flex-wrap gap-3">
                      <Link
                        href={`/safeguarding/concerns/${c.id}/pupils/${p.id}`}
                        className="inline-flex min-h-11 items-center font-semibold text-accent underline"
                      >
                        Mentoring record
                      </Link>
                      <Link
                        href={`/safeguarding/pupils/${p.id}`}
                        className="inline-flex min-h-11 items-center font-semibold text-accent underline"
                      >
                        Concern file
                      </Link>
                    </p>
                  ) : null}
                  {c.isLead ? <RemovePupilForm concernId={c.id} studentId={p.id} name={p.name} /> : null}
                </li>
              ))}
            </ul>
            {c.isLead ? (
              <div className="mt-4">
                <AddPupilForm concernId={c.id} pupils={c.roll} />
              </div>
            ) : null}
          </Card>
          {c.isLead ? (
            <>
              <Card title="Add an action">
                <RecordActionForm concernId={c.id} idempotencyKey={newIdempotencyKey()} />
              </Card>
              <Card title="Status">
                <StatusForm concernId={c.id} status={c.status} />
              </Card>
              <Card title="Category">
                <CategoryForm concernId={c.id} category={c.category} />
              </Card>
              {c.route === "SAFEGUARDING" ? (
                <>
                  <Card title="Tell coordinators">
                    <ShareNoteForm concernId={c.id} sharedNote={c.sharedNote} />
                  </Card>
                  {c.mentoring.length > 0 || c.pauses.length > 0 ? (
                    <Card title="Pause mentoring">
                      {c.pauses.length > 0 ? (
                        <ul className="mb-4 space-y-2">
                          {c.pauses.map((p) => (
                            <li key={p.id} className="space-y-1">
                              <p>Paused from this concern: {p.label}</p>
                              <ResumeFromConcernForm concernId={c.id} pauseId={p.id} label={p.label} />
                            </li>
                          ))}
                        </ul>
                      ) : null}
                      {c.mentoring.length > 0 ? <PauseFromConcernForm concernId={c.id} mentoring={c.mentoring} /> : null}
                    </Card>
                  ) : null}
                  {linked.length >= 2 ? (
                    <Card title="Keep pupils apart">
                      <KeepApartFromConcernForm concernId={c.id} pupils={linked} />
                    </Card>
                  ) : null}
                </>
              ) : null}
              {c.staff.length > 0 ? (
                <Card title="About a member of staff?">
                  <RouteToStaffForm concernId={c.id} staff={c.staff} />
                </Card>
              ) : null}
              <Card title="Who has viewed this">
                <ul className="space-y-1 text-sm">
                  {c.views.map((v, i) => (
                    <li key={i}>
                      {v.who}, {at(v.at)}
                      {v.isExport ? " (exported)" : ""}
                    </li>
                  ))}
                </ul>
              </Card>
            </>
          ) : null}
        </div>
      </div>
    </AppShell>
  );
}
