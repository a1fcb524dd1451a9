import type { PairingKind, PairingStatus, PauseSource } from "@/generated/prisma/enums";
import { Card } from "@/components/ui/card";
import { ConfirmedRemoveForm } from "@/components/forms/confirmed-remove-form";
import { resumePauseAction } from "../actions";
import { NOT_RESUMABLE_MESSAGE, pauseSourceLabels } from "../pause-words";
import { PAUSE_HEADING, PausePairingForm } from "./pause-pairing-form";

type Pause = {
  id: string;
  scope: "PAIRING" | "PLACE";
  menteeName: string | null;
  source: PauseSource;
  reason: string | null;
  pausedBy: string;
  pausedOn: string;
  isLive: boolean;
  endedBy: string | null;
  endedOn: string | null;
  canResume: boolean;
};

const what = (p: Pause) => (p.scope === "PAIRING" ? "The whole pairing" : `${p.menteeName}'s place`);

function Why({ pause }: { pause: Pause }) {
  if (pause.reason === null) return <p className="text-sm text-muted">The reason is in the concern, with the safeguarding lead.</p>;
  if (pause.reason === "") return <p className="text-sm text-muted">No reason given.</p>;
  return <p className="text-sm whitespace-pre-line">Why: {pause.reason}</p>;
}

/**
 * The coordinator's view of a pairing's pauses (ADR 022): each live one with who paused it, when,
 * where from and why, and Resume where the coordinator may end it; a form to pause while it is live;
 * earlier pauses folded away.
 */
export function PairingPauses({
  pairingId,
  kind,
  status,
  members,
  pauses,
}: {
  pairingId: string;
  kind: PairingKind;
  status: PairingStatus;
  members: { studentId: string; name: string; role: "MENTOR" | "MENTEE"; isPaused: boolean }[];
  pauses: Pause[];
}) {
  const live = pauses.filter((p) => p.isLive);
  const earlier = pauses.filter((p) => !p.isLive);
  const isLive = status === "TRIAL" || status === "ACTIVE";
  const places = kind === "GROUP" ? members.filter((m) => m.role === "MENTEE" && !m.isPaused) : null;
  return (
    <Card title="Pauses" headingId={PAUSE_HEADING}>
      <div className="space-y-4">
        {live.length > 0 ? (
          <ul className="space-y-3">
            {live.map((p) => (
              <li key={p.id} className="space-y-1 rounded-lg border border-line p-3">
                <p className="font-semibold">{what(p)} is paused</p>
                <p className="text-sm">
                  Since {p.pausedOn}, by {p.pausedBy} · {pauseSourceLabels[p.source]}
                </p>
                <Why pause={p} />
                {p.canResume ? (
                  <ConfirmedRemoveForm
                    action={resumePauseAction}
                    focusId={PAUSE_HEADING}
                    field={{ name: "pauseId", value: p.id }}
                    verb="Resume"
                    openerLabel={p.scope === "PAIRING" ? "Resume the pairing…" : `Resume ${p.menteeName}'s place…`}
                    title={p.scope === "PAIRING" ? "Resume this pairing?" : `Resume ${p.menteeName}'s place?`}
                    description={
                      p.scope === "PAIRING"
                        ? "It goes back to how it was before the pause, and meetings are planned again."
                        : `${p.menteeName} is back in the group's meetings and session logs.`
                    }
                    confirmVariant="primary"
                  />
                ) : (
                  <p className="text-sm text-muted">{NOT_RESUMABLE_MESSAGE[p.source]}</p>
                )}
              </li>
            ))}
          </ul>
        ) : status === "PAUSED" ? (
          <p className="text-muted">Paused, with no record of who paused it. Change its status below to let it go on.</p>
        ) : (
          <p className="text-muted">Not paused.</p>
        )}
        {isLive ? <PausePairingForm pairingId={pairingId} places={places} /> : null}
        {earlier.length > 0 ? (
          <details>
            <summary className="flex min-h-11 cursor-pointer items-center font-semibold text-accent">
              Earlier pauses ({earlier.length})
            </summary>
            <ul className="mt-2 divide-y divide-line">
              {earlier.map((p) => (
                <li key={p.id} className="py-2 text-sm">
                  <p className="font-semibold">
                    {what(p)}: {p.pausedOn} to {p.endedOn}
                  </p>
                  <p>
                    Paused by {p.pausedBy} ({pauseSourceLabels[p.source]}){p.endedBy ? `; ended by ${p.endedBy}` : ""}
                  </p>
                  <Why pause={p} />
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
    </Card>
  );
}
