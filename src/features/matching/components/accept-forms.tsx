"use client";

import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { IdempotencyKeyField } from "@/components/forms/idempotency-key-field";
import { useAnnouncedAction } from "@/components/ui/toast";
import { createPairingAction } from "@/features/pairings/actions";
import { acceptSuggestionsAction, saveMatchWeightsAction } from "../actions";

/** The heading of the list of suggestions: focus returns here when an accepted row leaves the list. */
export const SUGGESTIONS_HEADING = "suggestions-heading";

/** Accept the suggested mentor, or swap to another who meets every hard rule, as a trial pairing. */
export function AcceptSuggestionForm({
  programmeId,
  menteeId,
  menteeName,
  suggestedMentorId,
  options,
  today,
  idempotencyKey,
}: {
  programmeId: string;
  menteeId: string;
  menteeName: string;
  suggestedMentorId: string;
  options: { mentorId: string; label: string }[];
  today: string;
  idempotencyKey: string;
}) {
  // The row leaves the list once its mentee has a mentor: the confirmation goes to the page's polite
  // live region, and the keyboard focus to the list's heading rather than to the top of the page.
  const action = useAnnouncedAction(createPairingAction, SUGGESTIONS_HEADING);
  const { state, formAction, idempotencyKey: formKey } = useForm(action, { idempotencyKey });
  const selectId = `mentor-for-${menteeId}`;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
      <IdempotencyKeyField value={formKey} />
      <input type="hidden" name="programmeId" value={programmeId} />
      <input type="hidden" name="kind" value="ONE_TO_ONE" />
      <input type="hidden" name="menteeIds" value={menteeId} />
      <input type="hidden" name="startsOn" value={today} />
      <div>
        <label htmlFor={selectId} className="block text-sm font-semibold">
          Mentor for {menteeName}
        </label>
        <select
          id={selectId}
          name="mentorIds"
          defaultValue={suggestedMentorId}
          className="min-h-11 rounded-lg border border-line bg-surface px-2"
        >
          {options.map((o) => (
            <option key={o.mentorId} value={o.mentorId}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <SubmitButton variant="secondary">Accept</SubmitButton>
      {state.ok ? null : (
        <div className="basis-full">
          <FormMessage state={state} />
        </div>
      )}
    </form>
  );
}

export function AcceptAllForm({ programmeId, pairs, idempotencyKey }: { programmeId: string; pairs: string[]; idempotencyKey: string }) {
  const action = useAnnouncedAction(acceptSuggestionsAction, SUGGESTIONS_HEADING);
  const { state, formAction, idempotencyKey: formKey } = useForm(action, { idempotencyKey });
  return (
    <form action={formAction} className="space-y-2">
      {state.ok ? null : <FormMessage state={state} />}
      <IdempotencyKeyField value={formKey} />
      <input type="hidden" name="programmeId" value={programmeId} />
      {pairs.map((pair) => (
        <input key={pair} type="hidden" name="pairs" value={pair} />
      ))}
      {state.ok ? null : <SubmitButton>Accept all {pairs.length} suggestions</SubmitButton>}
    </form>
  );
}

export function SaveWeightsForm({ programmeId, weights }: { programmeId: string; weights: Record<string, number> }) {
  const { state, formAction } = useForm(saveMatchWeightsAction);
  return (
    <form action={formAction} className="space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="programmeId" value={programmeId} />
      {Object.entries(weights).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant="quiet">Save these weights for the programme</SubmitButton>
    </form>
  );
}

export function AcceptGroupForm({
  programmeId,
  mentorIds,
  menteeIds,
  name,
  today,
  idempotencyKey,
}: {
  programmeId: string;
  mentorIds: string[];
  menteeIds: string[];
  name: string;
  today: string;
  idempotencyKey: string;
}) {
  const action = useAnnouncedAction(createPairingAction, SUGGESTIONS_HEADING);
  const { state, formAction, idempotencyKey: formKey } = useForm(action, { idempotencyKey });
  return (
    <form action={formAction} className="space-y-2">
      {state.ok ? null : <FormMessage state={state} />}
      <IdempotencyKeyField value={formKey} />
      <input type="hidden" name="programmeId" value={programmeId} />
      <input type="hidden" name="kind" value="GROUP" />
      <input type="hidden" name="name" value={name} />
      <input type="hidden" name="startsOn" value={today} />
      {mentorIds.map((id) => (
        <input key={id} type="hidden" name="mentorIds" value={id} />
      ))}
      {menteeIds.map((id) => (
        <input key={id} type="hidden" name="menteeIds" value={id} />
      ))}
      {state.ok ? null : <SubmitButton variant="secondary">Accept group</SubmitButton>}
    </form>
  );
}
