"use client";

import Link from "next/link";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Annoyed, Frown, Laugh, Meh, Smile, type LucideIcon } from "lucide-react";
import type { MemberRole } from "@/generated/prisma/enums";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/forms/form-message";
import { useForm } from "@/components/forms/use-form";
import { CHECK_INS, type Face, type Question, type ScaleQuestion, type TextQuestion } from "@/lib/questionnaires";
import { submitCheckInAction } from "../actions";
import { checkInHomeFor } from "../paths";

const FACES: Record<Face, LucideIcon> = { "very-sad": Frown, sad: Annoyed, neutral: Meh, happy: Smile, "very-happy": Laugh };

export const THANK_YOU_HEADING = "check-in-sent";
const headingId = (key: string) => `question-${key}-heading`;
const optionId = (key: string, value: number) => `answer-${key}-${value}`;
/** The control a message about this question sends the focus to: the scale's first point, or the text box. */
const fieldId = (question: Question) =>
  question.kind === "scale" ? optionId(question.key, question.points[0]!.value) : `answer-${question.key}`;

/**
 * One question per screen (ADR 018): Next and Back move between them and put the keyboard focus on
 * the new question's heading; every answer stays in the one form, so nothing is lost between screens
 * or on a refused send, which returns to the first question that needs an answer.
 */
export function CheckInForm({ pairingId, role, periodStart }: { pairingId: string; role: MemberRole; periodStart: string }) {
  const questionnaire = CHECK_INS[role];
  const questions = questionnaire.questions;
  const last = questions.length - 1;
  const { state, formAction, value, errors, key } = useForm(submitCheckInAction);
  const formRef = useRef<HTMLFormElement>(null);
  const [step, setStep] = useState(0);
  const [missing, setMissing] = useState<Record<string, string>>({});
  // Where the keyboard focus goes next: set after a step change or an answer, never when the page opens.
  const [focusTarget, setFocusTarget] = useState<{ id: string; n: number } | null>(null);
  const focus = (id: string) => setFocusTarget((t) => ({ id, n: (t?.n ?? 0) + 1 }));

  useEffect(() => {
    if (focusTarget) document.getElementById(focusTarget.id)?.focus();
  }, [focusTarget]);

  const goTo = (next: number) => {
    const to = Math.max(0, Math.min(last, next));
    setStep(to);
    focus(headingId(questions[to]!.key));
  };

  // After an answer from the server: thanks, or back to the first question it asks about.
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    const firstWithError = questions.findIndex((q) => state.fieldErrors?.[q.key]?.length);
    if (state.ok) focus(THANK_YOU_HEADING);
    else if (firstWithError >= 0) {
      setStep(firstWithError);
      focus(fieldId(questions[firstWithError]!));
    }
  }

  const isAnswered = (question: Question) => {
    if (question.isOptional || question.kind !== "scale") return true;
    const data = formRef.current ? new FormData(formRef.current) : null;
    return Boolean(data?.get(question.key));
  };

  const next = () => {
    const question = questions[step]!;
    if (!isAnswered(question)) {
      setMissing((m) => ({ ...m, [question.key]: question.kind === "scale" ? question.missing : "Answer this question." }));
      focus(fieldId(question));
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

  if (state.ok) {
    return (
      <div className="space-y-4 rounded-[var(--radius-card)] border border-line bg-surface p-5">
        <h2 id={THANK_YOU_HEADING} tabIndex={-1} className="text-xl font-bold">
          Thank you!
        </h2>
        <p role="status">{state.message}</p>
        <p>Your coordinator will read it. If something is wrong, you can always tell a member of staff.</p>
        <Link href={checkInHomeFor(role)} className="inline-flex min-h-11 items-center font-semibold text-accent underline">
          Back to your page
        </Link>
      </div>
    );
  }

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

/** 1 to 5 as radio buttons, each announced as its number and words ("2, Not so good"); the face is decoration. */
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
  const errorId = errors?.length ? `${question.key}-error` : undefined;
  return (
    <fieldset aria-describedby={errorId} className="space-y-3">
      <legend className="mb-3">
        <h2 id={headingId(question.key)} tabIndex={-1} className="text-xl font-bold">
          {question.text}
        </h2>
      </legend>
      <div className="grid gap-2">
        {question.points.map((point) => {
          const Icon = FACES[point.face];
          return (
            <label
              key={point.value}
              className="flex min-h-14 cursor-pointer items-center gap-3 rounded-lg border border-line bg-surface px-4 py-2 text-lg has-[:checked]:border-2 has-[:checked]:border-accent has-[:checked]:bg-accent-soft"
            >
              <input
                id={optionId(question.key, point.value)}
                type="radio"
                name={question.key}
                value={point.value}
                defaultChecked={defaultValue === String(point.value)}
                onChange={onAnswer}
                className="h-6 w-6 shrink-0 accent-[var(--color-accent)]"
              />
              <Icon aria-hidden="true" className="h-8 w-8 shrink-0 text-accent-strong" strokeWidth={1.75} />
              <span>
                <span className="font-bold">{point.value}</span>
                <span className="sr-only">,</span> {point.word}
              </span>
            </label>
          );
        })}
      </div>
      <FieldError id={errorId} errors={errors} />
    </fieldset>
  );
}

function TextField({ question, defaultValue, errors }: { question: TextQuestion; defaultValue: string; errors?: string[] }) {
  const id = fieldId(question);
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
