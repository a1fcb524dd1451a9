"use client";

import { useRef, useState, useTransition, type ReactNode } from "react";
import { CheckboxList } from "@/components/ui/checkbox-list";
import { RadioGroup, Select, TextArea, TextInput } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/forms/form-message";
import { IdempotencyKeyField } from "@/components/forms/idempotency-key-field";
import { useForm } from "@/components/forms/use-form";
import { initialFormState } from "@/lib/form-state";
import { CATEGORY_LABELS, CONCERN_CATEGORIES } from "@/lib/concerns";
import { raiseConcernAction, saveConcernDraftAction } from "../actions";
import type { ConcernDraftValues } from "../schemas";

type Option = { id: string; name: string };

const categoryOptions = CONCERN_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }));

/**
 * One short form for anyone (issue 9). A pupil's version fits one phone screen and needs at most five
 * interactions with its defaults: write what happened, and send. What is typed is kept as a draft on
 * the server whenever a field is left (never in the browser: school devices are shared).
 */
export function RaiseConcernForm({
  isStaff,
  draft,
  pupils,
  staff,
  danger,
  idempotencyKey,
}: {
  isStaff: boolean;
  draft: ConcernDraftValues | null;
  pupils: Option[];
  staff: Option[];
  danger: { instruction: string; outOfHours: string };
  idempotencyKey: string;
}) {
  const {
    state,
    formAction,
    isPending,
    value,
    values,
    errors,
    key,
    idempotencyKey: formKey,
  } = useForm(raiseConcernAction, { idempotencyKey });
  const formRef = useRef<HTMLFormElement>(null);
  const [draftNote, setDraftNote] = useState(draft ? "We kept what you wrote last time." : "");
  const [, startSaving] = useTransition();
  const start = (name: keyof ConcernDraftValues, fallback = "") => value(name, (draft?.[name] as string | undefined) || fallback);
  const [inDanger, setInDanger] = useState(start("inDanger", "no"));
  const sent = state.ok;

  const saveDraft = () => {
    const form = formRef.current;
    // Never while it is being sent: a draft saved after the concern would bring its words back.
    if (!form || sent || isPending) return;
    const data = new FormData(form);
    data.delete("idempotencyKey");
    startSaving(async () => {
      const result = await saveConcernDraftAction(initialFormState, data);
      setDraftNote(result.ok ? "Draft saved." : "");
    });
  };

  if (sent) {
    return (
      <div className="space-y-4">
        <FormMessage state={state} />
        {inDanger === "yes" ? <DangerNotice danger={danger} /> : null}
      </div>
    );
  }

  return (
    <form
      ref={formRef}
      action={formAction}
      onBlur={saveDraft}
      onChange={(event) => {
        const target: EventTarget = event.target;
        if (target instanceof HTMLInputElement && target.name === "inDanger") setInDanger(target.value);
      }}
      className="space-y-5"
      noValidate
      aria-label="Raise a concern"
    >
      <FormMessage state={state} />
      <IdempotencyKeyField value={formKey} />
      <div key={key} className="space-y-5">
        <TextArea
          id="concern-what"
          name="what"
          label="What happened?"
          hint={
            isStaff ? "In the words you heard or saw, as exactly as you can." : "In your own words. Write as much or as little as you like."
          }
          rows={isStaff ? 5 : 3}
          defaultValue={start("what")}
          errors={errors("what")}
        />
        <RadioGroup
          name="inDanger"
          legend="Is someone in danger right now?"
          options={[
            { value: "no", label: "No" },
            { value: "yes", label: "Yes" },
          ]}
          defaultValue={inDanger}
          errors={errors("inDanger")}
          inline
        />
        {/* Read out as soon as "Yes" is chosen; the form can still be sent afterwards. */}
        <div aria-live="polite">{inDanger === "yes" ? <DangerNotice danger={danger} /> : null}</div>
        {isStaff ? (
          <Select
            id="concern-category"
            name="category"
            label="What is it about?"
            options={categoryOptions}
            defaultValue={start("category", "OTHER")}
            errors={errors("category")}
          />
        ) : (
          <RadioGroup
            name="category"
            legend="What is it about?"
            options={categoryOptions}
            defaultValue={start("category", "OTHER")}
            errors={errors("category")}
            inline
          />
        )}
        {isStaff ? (
          <>
            <Select
              id="concern-pupil-1"
              name="pupilIds"
              label="Pupil it is about (optional)"
              placeholder="No pupil, or not sure"
              options={pupils.map((p) => ({ value: p.id, label: p.name }))}
              defaultValue={values("pupilIds", draft?.pupilIds ?? [])[0] ?? ""}
              errors={errors("pupilIds")}
            />
            <Select
              id="concern-pupil-2"
              name="pupilIds"
              label="Another pupil (optional)"
              placeholder="No other pupil"
              options={pupils.map((p) => ({ value: p.id, label: p.name }))}
              defaultValue={values("pupilIds", draft?.pupilIds ?? [])[1] ?? ""}
            />
            <Select
              id="concern-staff"
              name="aboutStaffId"
              label="Is it about a member of staff? (optional)"
              hint="If so, it goes to the headteacher (or to the chair of governors if it is about the headteacher), never to the person you name."
              placeholder="No"
              options={staff.map((s) => ({ value: s.id, label: s.name }))}
              defaultValue={start("aboutStaffId")}
              errors={errors("aboutStaffId")}
            />
          </>
        ) : (
          <>
            {pupils.length > 0 ? (
              <CheckboxList
                name="pupilIds"
                legend="Is it about someone in your mentoring? (optional)"
                options={pupils.map((p) => ({ value: p.id, label: p.name }))}
                selected={values("pupilIds", draft?.pupilIds ?? [])}
                errors={errors("pupilIds")}
              />
            ) : null}
          </>
        )}
        {/* Optional details fold away on a pupil's phone, so the form stays one screen. */}
        <Details
          isOpen={isStaff || Boolean(start("names") || start("when") || start("where") || start("aboutAdult") === "yes")}
          isStaff={isStaff}
        >
          {isStaff ? null : (
            <RadioGroup
              name="aboutAdult"
              legend="Is it about an adult who works at the school?"
              hint="If so, it goes to the headteacher."
              options={[
                { value: "no", label: "No" },
                { value: "yes", label: "Yes" },
              ]}
              defaultValue={start("aboutAdult", "no")}
              errors={errors("aboutAdult")}
              inline
            />
          )}
          {isStaff ? null : (
            <TextInput
              id="concern-names"
              name="names"
              label="Who is it about? (optional)"
              hint="Write names in your own words."
              defaultValue={start("names")}
              errors={errors("names")}
            />
          )}
          <div className="grid gap-4 sm:grid-cols-2">
            <TextInput
              id="concern-when"
              name="when"
              label="When did it happen? (optional)"
              defaultValue={start("when")}
              errors={errors("when")}
            />
            <TextInput
              id="concern-where"
              name="where"
              label="Where did it happen? (optional)"
              defaultValue={start("where")}
              errors={errors("where")}
            />
          </div>
        </Details>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton size="lg" pendingText="Sending…">
          {isStaff ? "Raise concern" : "Send to staff"}
        </SubmitButton>
        <p className="text-sm text-muted" aria-live="polite">
          {draftNote}
        </p>
      </div>
    </form>
  );
}

function DangerNotice({ danger }: { danger: { instruction: string; outOfHours: string } }) {
  return (
    <div className="space-y-2 rounded-lg border-l-4 border-danger bg-danger-soft px-4 py-3 text-ink">
      <p className="font-bold">{danger.instruction}</p>
      <p>{danger.outOfHours}</p>
      <p>You can still send this, so staff have it in writing.</p>
    </div>
  );
}

function Details({ isOpen, isStaff, children }: { isOpen: boolean; isStaff: boolean; children: ReactNode }) {
  if (isStaff) return <div className="space-y-4">{children}</div>;
  return (
    <details open={isOpen} className="rounded-lg border border-line px-3">
      <summary className="flex min-h-11 cursor-pointer items-center font-semibold">More details (optional)</summary>
      <div className="space-y-4 pb-3">{children}</div>
    </details>
  );
}
