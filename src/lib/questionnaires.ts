// Questionnaires are defined here, in code; only the answers are stored (QuestionnaireResponse and
// QuestionnaireAnswer, append-only). ADR 018 says why, and how a later survey adds one. Pure, so the
// pupil's form, the command and the staff page read the same definition.
import { z } from "zod";
import type { MemberRole } from "@/generated/prisma/enums";
import { FACE_SCALE } from "./faces";
import { optionalText, wholeNumber } from "./schema-helpers";

/** A point of a scale: its number, its words (what a screen reader announces) and a face beside them. */
export type ScalePoint = { value: number; word: string; face: string };

type QuestionBase = {
  /** Stored with each answer and used as the form field's name: never changed once answers exist. */
  key: string;
  text: string;
  hint?: string;
  isOptional: boolean;
};

export type ScaleQuestion = QuestionBase & {
  kind: "scale";
  min: number;
  max: number;
  /** One point per value from min to max, in order. */
  points: readonly ScalePoint[];
  /** What the form says when a required scale is not answered. */
  missing: string;
};

export type TextQuestion = QuestionBase & { kind: "text"; maxLength: number };

export type Question = ScaleQuestion | TextQuestion;

/**
 * Who may read a questionnaire's answers: the pupil who answered, and staff by role. There is no way
 * to name another pupil here, so a mentee's answers can never be given to their mentor, nor the other
 * way round.
 */
export type AnswerReader = "RESPONDENT" | "ADMIN" | "COORDINATOR" | "TEACHER" | "DSL";

export type Questionnaire = {
  /** Stored with each response: never changed or reused once answers exist (ADR 018). */
  key: string;
  title: string;
  /** Who answers: the pupil with this role in the pairing. */
  respondent: MemberRole;
  readers: readonly AnswerReader[];
  questions: readonly Question[];
};

/** The check-in scale: the pupils' 1–5 faces (faces.ts), with words about how mentoring is going. */
const CHECK_IN_WORDS = ["really not good", "not so good", "okay", "good", "really good"] as const;
const HOW_IT_IS_GOING: readonly ScalePoint[] = FACE_SCALE.map((f, i) => ({ value: f.value, face: f.face, word: CHECK_IN_WORDS[i]! }));

/** The scale question every check-in asks first: its answers raise the coordinator's to-do rows. */
export const CHECK_IN_SCALE_KEY = "going";
/** The optional sentence every check-in asks last. */
export const CHECK_IN_NOTE_KEY = "note";

const CHECK_IN_READERS = ["RESPONDENT", "COORDINATOR", "DSL"] as const satisfies readonly AnswerReader[];

/** Both check-ins ask about the same relationship, in the same words and scale. */
const CHECK_IN_QUESTIONS: readonly Question[] = [
  {
    key: CHECK_IN_SCALE_KEY,
    kind: "scale",
    text: "How is mentoring going?",
    isOptional: false,
    min: 1,
    max: 5,
    points: HOW_IT_IS_GOING,
    missing: "Choose how mentoring is going, from 1 to 5.",
  },
  {
    key: CHECK_IN_NOTE_KEY,
    kind: "text",
    text: "Is there anything you want to tell us?",
    hint: "You can write one sentence, or leave this empty.",
    isOptional: true,
    maxLength: 500,
  },
];

export const MENTEE_CHECK_IN: Questionnaire = {
  key: "mentee-check-in",
  title: "Your check-in",
  respondent: "MENTEE",
  readers: CHECK_IN_READERS,
  questions: CHECK_IN_QUESTIONS,
};

export const MENTOR_CHECK_IN: Questionnaire = {
  key: "mentor-check-in",
  title: "Your check-in",
  respondent: "MENTOR",
  readers: CHECK_IN_READERS,
  questions: CHECK_IN_QUESTIONS,
};

/** Every questionnaire, by key. A later survey adds its definition here. */
export const QUESTIONNAIRES: readonly Questionnaire[] = [MENTEE_CHECK_IN, MENTOR_CHECK_IN];

/** The check-in each member of a pairing answers. */
export const CHECK_INS: Record<MemberRole, Questionnaire> = { MENTEE: MENTEE_CHECK_IN, MENTOR: MENTOR_CHECK_IN };
export const CHECK_IN_KEYS = [MENTEE_CHECK_IN.key, MENTOR_CHECK_IN.key] as const;

export function questionnaireByKey(key: string): Questionnaire | undefined {
  return QUESTIONNAIRES.find((q) => q.key === key);
}

/** The point of a scale with this value, if it is one. */
export function scalePoint(question: ScaleQuestion, value: number): ScalePoint | undefined {
  return question.points.find((p) => p.value === value);
}

/** A staff member with one of these roles, or the pupil who answered, may read the answers. */
export function mayReadAnswers(
  questionnaire: Questionnaire,
  reader: { roles: readonly string[]; studentId: string | null },
  respondentStudentId: string,
): boolean {
  if (reader.studentId !== null && reader.studentId === respondentStudentId) return questionnaire.readers.includes("RESPONDENT");
  if (reader.studentId !== null) return false;
  return questionnaire.readers.some((r) => r !== "RESPONDENT" && reader.roles.includes(r));
}

/** The staff roles that may read a questionnaire's answers (the respondent aside). */
export function staffReaders(questionnaire: Questionnaire): AnswerReader[] {
  return questionnaire.readers.filter((r) => r !== "RESPONDENT");
}

/**
 * The form fields of some questionnaires' answers, one per question key, each with its own message.
 * Questionnaires that share a key must ask the same kind of question there.
 */
export function answerFields(questionnaires: readonly Questionnaire[]): Record<string, z.ZodType> {
  const byKey = new Map<string, Question>();
  for (const question of questionnaires.flatMap((q) => q.questions)) {
    const seen = byKey.get(question.key);
    if (seen && JSON.stringify(seen) !== JSON.stringify(question))
      throw new Error(`Question "${question.key}" differs between questionnaires that share a form`);
    byKey.set(question.key, question);
  }
  return Object.fromEntries([...byKey.values()].map((q) => [q.key, answerField(q)]));
}

function answerField(question: Question): z.ZodType {
  if (question.kind === "text") return optionalText(question.maxLength);
  const scale = wholeNumber({ min: question.min, max: question.max, message: question.missing });
  // A radio group that was not touched sends nothing; an optional scale may stay unanswered.
  return question.isOptional
    ? z.preprocess((v) => (v === "" || v === undefined ? undefined : v), scale.optional())
    : z.preprocess((v) => (v === "" ? undefined : v), scale);
}

/** One stored answer: a scale's value or a text. */
export type AnswerValue = { questionKey: string; scaleValue: number | null; text: string };

/**
 * The answers to store for a questionnaire, from parsed form fields: one per question answered (an
 * optional scale left empty and an empty optional text are not stored).
 */
export function answersFor(questionnaire: Questionnaire, fields: Record<string, unknown>): AnswerValue[] {
  const out: AnswerValue[] = [];
  for (const question of questionnaire.questions) {
    const value = fields[question.key];
    if (question.kind === "scale" && typeof value === "number") out.push({ questionKey: question.key, scaleValue: value, text: "" });
    if (question.kind === "text" && typeof value === "string" && value !== "")
      out.push({ questionKey: question.key, scaleValue: null, text: value });
  }
  return out;
}

/** Required questions with no answer in `answers` (the schema refuses these first; this is the command's check). */
export function unansweredRequired(questionnaire: Questionnaire, answers: AnswerValue[]): Question[] {
  return questionnaire.questions.filter((q) => !q.isOptional && !answers.some((a) => a.questionKey === q.key));
}
