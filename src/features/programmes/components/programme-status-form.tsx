"use client";

import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { useAnnouncedAction } from "@/components/ui/toast";
import type { ProgrammeStatus } from "@/generated/prisma/enums";
import { changeProgrammeStatusAction } from "../actions";
import { PROGRAMME_STATUS_HEADING } from "../headings";
import { nextProgrammeStatuses, statusChangeLabel } from "../labels";

/** One button per status the programme may move to; the answer is announced as the buttons change. */
export function ProgrammeStatusForms({ programmeId, version, status }: { programmeId: string; version: number; status: ProgrammeStatus }) {
  return (
    <div className="flex flex-wrap gap-3">
      {nextProgrammeStatuses(status).map((to) => (
        <StatusForm key={to} programmeId={programmeId} version={version} from={status} to={to} />
      ))}
    </div>
  );
}

function StatusForm({
  programmeId,
  version,
  from,
  to,
}: {
  programmeId: string;
  version: number;
  from: ProgrammeStatus;
  to: ProgrammeStatus;
}) {
  const { state, formAction } = useForm(useAnnouncedAction(changeProgrammeStatusAction, PROGRAMME_STATUS_HEADING));
  return (
    <form action={formAction} className="space-y-2" aria-label={statusChangeLabel(from, to)}>
      {state.ok ? null : <FormMessage state={state} />}
      <input type="hidden" name="programmeId" value={programmeId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="status" value={to} />
      <SubmitButton variant={to === "CLOSED" ? "secondary" : "primary"}>{statusChangeLabel(from, to)}</SubmitButton>
    </form>
  );
}
