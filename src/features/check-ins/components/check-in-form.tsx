"use client";

import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import type { MemberRole } from "@/generated/prisma/enums";
import { Button } from "@/components/ui/button";
import { FieldError, RadioGroup } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useAnnouncedAction } from "@/components/ui/toast";
import { FormMessage } from "@/components/forms/form-message";
import { useForm, type FormAction } from "@/components/forms/use-form";
import { CHECK_INS, type Question, type ScaleQuestion, type TextQuestion } from "@/lib/questionnaires";
import { submitCheckInAction } from "../actions";

const headingId = (key: string) => `question-${key}-heading`;
const textId = (key: string) => `answer-${key}`;
/** Where a message about a question sends the focus: the scale's first point, or the text box. */
const fieldSelector = (question: Question) => (question.kind === "scale" ? `input[name="${question.key}"]` : `#${textId(question.key)}`);

/**
 * Set when this browser has just sent a check-in. The page then shows that it is sent instead of the
 * form (the server renders it), and `FocusAfterSend` puts the keyboard focus on that heading.
 */
let hasJustSent = false;

/** Beside the "sent" heading: takes the focus there, only straight after a send from this page. */
export function FocusAfterSend({ targetId }: { targetId: string }) {
  useEffect(() => {
    if (!hasJustSent) return;
    hasJustSent = false;
    document.getElementById(targetId)?.focus();
  }, [targetId]);
  return null;
}

/**
 * One question per screen (ADR 018): Next and Back move between them and put the keyboard focus on
 * the new question's heading; every answer stays in the one form, so nothing is lost between screens
 * or on a refused send, which returns to the first question that needs an answer.
 */
export function CheckInForm({ pairingId, role, periodStart }: { pairingId: string; role: MemberRole; periodStart: string }) {
  const questionnaire = CHECK_INS[role];
  const questions = questionnaire.questions;
  const last = questions.length - 1;
  const announced = useAnnouncedAction(submitCheckInAction);
  const send = useCallback<FormAction>(
    async (previous, formData) => {
      const result = await announced(previous, formData);
      if (result.ok) hasJustSent = true;
      return result;
    },
    [announced],
  );
  const { state, formAction, value, errors, key } = useForm(send);
  const formRef = useRef<HTMLFormElement>(null);
  const [step, setStep] = useState(0);
  const [missing, setMissing] = useState<Record<string, string>>({});
  // Where the keyboard focus goes next: set after a step change or an answer, never when the page opens.
  const [focusTarget, setFocusTarget] = useState<{ selector: string; n: number } | null>(null);
  const focus = (selector: string) => setFocusTarget((t) => ({ selector, n: (t?.n ?? 0) + 1 }));

  useEffect(() => {
    if (focusTarget) formRef.current?.querySelector<HTMLElement>(focusTarget.selector)?.focus();
  }, [focusTarget]);

  const goTo = (next: number) => {
    const to = Math.max(0, Math.min(last, next));
    setStep(to);
    focus(`#${headingId(questions[to]!.key)}`);
  };

  // A refusal that names questions goes back to the first of them.
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    const firstWithError = questions.findIndex((q) => state.fieldErrors?.[q.key]?.length);
    if (firstWithError >= 0) {
      setStep(firstWithError);
      focus(fieldSelector(questions[firstWithError]!));
    }
  }

  const isAnswered = (question: Question) => {
    if (question.isOptional || question.kind !== "scale") return true;
    return Boolean(formRef.current && new FormData(formRef.current).get(question.key));
  };

  const next = () => {
    const question = questions[step]!;
    if (!isAnswered(question)) {
      setMissing((m) => ({ ...m, [question.key]: question.kind === "scale" ? question.missing : "Answer this question." }));
      focus(fieldSelector(question));
      return;
    }
    goTo(step + 1);
  };

  // Enter in a field before the last question means "next", never "send".
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (step < last) {
      event.preventDefault();
      next();
    }
  };

  const errorFor = (question: Question) => {
    const fromServer = errors(question.key);
    if (fromServer?.length) return fromServer;
    return missing[question.key] ? [missing[question.key]!] : undefined;
  };

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate aria-label={questionnaire.title} className="space-y-5">
      <FormMessage state={state} />
      <input type="hidden" name="pairingId" value={pairingId} />
      <input type="hidden" name="questionnaireKey" value={questionnaire.key} />
      <input type="hidden" name="periodStart" value={periodStart} />
      <div key={key}>
        {questions.map((question, i) => (
          <div key={question.key} hidden={i !== step} className="space-y-3">
            <p className="text-muted">
              Question {i + 1} of {questions.length}
            </p>
            {question.kind === "scale" ? (
              <ScaleField
                question={question}
                defaultValue={value(question.key)}
                errors={errorFor(question)}
                onAnswer={() => setMissing((m) => ({ ...m, [question.key]: "" }))}
              />
            ) : (
              <TextField question={question} defaultValue={value(question.key)} errors={errorFor(question)} />
            )}
          </div>
        ))}
      </div>
      <div className="flex flex-wrap gap-3">
        {step > 0 ? (
          <Button variant="secondary" size="lg" onClick={() => goTo(step - 1)}>
            Back
          </Button>
        ) : null}
        {step < last ? (
          <Button size="lg" className="grow" onClick={next}>
            Next
          </Button>
        ) : (
          <SubmitButton size="lg" className="grow" pendingText="Sending…">
            Send
          </SubmitButton>
        )}
      </div>
    </form>
  );
}

/** The scale as radio buttons with faces, each announced as its number and words ("2, not so good"). */
function ScaleField({
  question,
  defaultValue,
  errors,
  onAnswer,
}: {
  question: ScaleQuestion;
  defaultValue: string;
  errors?: string[];
  onAnswer: () => void;
}) {
  return (
    <div onChange={onAnswer}>
      <RadioGroup
        name={question.key}
        legend={
          <h2 id={headingId(question.key)} tabIndex={-1} className="mb-2 text-xl font-bold">
            {question.text}
          </h2>
        }
        hint={question.hint}
        defaultValue={defaultValue}
        errors={errors}
        options={question.points.map((p) => ({ value: String(p.value), label: `${p.value}, ${p.word}`, face: p.face }))}
      />
    </div>
  );
}

function TextField({ question, defaultValue, errors }: { question: TextQuestion; defaultValue: string; errors?: string[] }) {
  const id = textId(question.key);
  const hintId = question.hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className="space-y-2">
      <h2 id={headingId(question.key)} tabIndex={-1} className="text-xl font-bold">
        <label htmlFor={id}>
          {question.text}
          {question.isOptional ? <span className="font-normal text-muted"> (optional)</span> : null}
        </label>
      </h2>
      {question.hint ? (
        <p id={hintId} className="text-muted">
          {question.hint}
        </p>
      ) : null}
      <textarea
        id={id}
        name={question.key}
        rows={3}
        maxLength={question.maxLength}
        defaultValue={defaultValue}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        aria-invalid={errorId ? true : undefined}
        className="block min-h-11 w-full rounded-lg border border-line bg-surface px-3 py-2 text-base text-ink aria-[invalid=true]:border-danger"
      />
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}
