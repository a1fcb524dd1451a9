import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/components/app-shell";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/server/session";
import { hasRole, isStaff } from "@/server/actor";
import { formatPupilDate, formatStaffDate, todayIn } from "@/lib/dates";
import { getSessionForReader } from "@/features/sessions/queries";
import { EDIT_WINDOW_DAYS } from "@/features/sessions/policy";
import { LogSessionForm } from "@/features/sessions/components/log-session-form";
import { listPointCategories } from "@/features/points/queries";
import { SessionPointsForm } from "@/features/points/components/session-points-form";

export const metadata: Metadata = { title: "Session" };

const attendanceWords = { PRESENT: "came", LATE: "came late", ABSENT: "did not come" } as const;
const fitWords = { YES: "Yes", NOT_SURE: "Not sure", NO: "No" } as const;
const visibilityWords = { STAFF_ONLY: "Staff only", SHARED: "Shared with the mentee" } as const;

/**
 * One session log: its author changes it here while it is open; the coordinator, the DSL and the
 * supervising teacher read it whole, and the coordinator and DSL every earlier version too.
 */
export default async function SessionPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const actor = await requireActor();
  const { sessionId } = await params;
  const session = await getSessionForReader(actor, sessionId);
  const today = todayIn(actor.timezone);
  // Staff who give points may give "everyone who came" theirs from the log (issue 10).
  const canAward = hasRole(actor, "COORDINATOR", "TEACHER");
  const categories = canAward ? await listPointCategories(actor) : [];
  const staff = isStaff(actor);
  const day = staff ? formatStaffDate(session.heldOn) : formatPupilDate(session.heldOn, today);
  const back = staff
    ? { href: `/coordinator/pairings/${session.pairingId}`, label: "Back to the pairing" }
    : { href: "/mentor", label: "Back" };
  return (
    <AppShell actor={actor} current={staff ? "/staff" : "/mentor"}>
      {actor.roles.includes("COORDINATOR") || !staff ? (
        <p className="mb-2">
          <Link href={back.href} className="inline-flex min-h-11 items-center font-semibold text-accent underline">
            {back.label}
          </Link>
        </p>
      ) : null}
      <PageHeader
        title={`Session on ${day}`}
        description={session.onBehalfOf ? `Logged by ${session.loggedBy} for ${session.onBehalfOf}` : undefined}
      />
      <div className="max-w-2xl space-y-6">
        {session.isEditable ? (
          <Card title="Change this session">
            <p className="mb-4 text-muted">
              You can change it for {EDIT_WINDOW_DAYS} days after you logged it. Staff can still see what it said before.
            </p>
            <LogSessionForm
              pairingId={session.pairingId}
              mentees={session.attendances.map((a) => ({ studentId: a.studentId, firstName: a.name }))}
              today={today}
              plannedDay={session.heldOn}
              defaultMinutes={session.durationMinutes}
              activities={session.activities}
              isFirst={session.fitCheck !== null}
              isGroup={session.attendances.length > 1}
              editing={{
                sessionId: session.id,
                version: session.version,
                heldOn: session.heldOn,
                durationMinutes: session.durationMinutes,
                activityId: session.activityId,
                notes: session.notes,
                noteVisibility: session.noteVisibility,
                fitCheck: session.fitCheck,
                fitCheckNote: session.fitCheckNote,
                attendances: session.attendances,
              }}
            />
          </Card>
        ) : (
          <Card title="What was logged">
            {session.isAuthor ? (
              <p className="mb-2 text-muted">This session is locked now. Ask your coordinator if something is wrong.</p>
            ) : null}
            <p>
              {session.activity}, {session.durationMinutes} minutes
            </p>
            <ul className="mt-2 space-y-1">
              {session.attendances.map((a) => (
                <li key={a.studentId}>
                  {a.name} {attendanceWords[a.attendance]}
                  {staff && a.mood ? ` (mood ${a.mood} out of 5)` : ""}
                </li>
              ))}
            </ul>
            {session.fitCheck ? (
              <p className="mt-2">
                Good match? <strong>{fitWords[session.fitCheck]}</strong>
                {session.fitCheckNote ? ` — ${session.fitCheckNote}` : ""}
              </p>
            ) : null}
            {session.notes ? (
              <div className="mt-3">
                <p className="font-semibold">
                  Notes <Badge>{visibilityWords[session.noteVisibility]}</Badge>
                </p>
                <p className="whitespace-pre-wrap">{session.notes}</p>
              </div>
            ) : null}
          </Card>
        )}
        {canAward ? (
          <Card title="Points for this session">
            <SessionPointsForm
              sessionId={session.id}
              categories={categories}
              cameCount={session.attendances.filter((a) => a.attendance !== "ABSENT").length}
            />
          </Card>
        ) : null}
        {session.revisions.length > 0 ? (
          <Card title="Earlier versions">
            <p className="mb-2 text-muted">Kept for safeguarding: an edit never removes what a log said.</p>
            <ol className="divide-y divide-line">
              {session.revisions.map((r) => (
                <li key={r.version} className="py-2">
                  <p className="font-semibold">
                    Version {r.version}, written by {r.writtenBy} on {formatStaffDate(todayIn(actor.timezone, r.writtenAt))}
                  </p>
                  <p className="text-sm">
                    {formatStaffDate(r.heldOn)} · {r.activity} · {r.durationMinutes} min · {visibilityWords[r.noteVisibility]}
                    {r.fitCheck ? ` · good match? ${fitWords[r.fitCheck]}` : ""}
                  </p>
                  {r.notes ? <p className="mt-1 whitespace-pre-wrap text-sm">{r.notes}</p> : null}
                  {r.fitCheckNote ? <p className="mt-1 text-sm">{r.fitCheckNote}</p> : null}
                </li>
              ))}
            </ol>
          </Card>
        ) : null}
      </div>
    </AppShell>
  );
}
