import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  answerFields,
  answersFor,
  CHECK_IN_SCALE_KEY,
  CHECK_INS,
  mayReadAnswers,
  MENTEE_CHECK_IN,
  MENTOR_CHECK_IN,
  QUESTIONNAIRES,
  questionnaireByKey,
  unansweredRequired,
  type Questionnaire,
} from "./questionnaires";

describe("questionnaire definitions", () => {
  it("have unique keys, and each question a unique key", () => {
    const keys = QUESTIONNAIRES.map((q) => q.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const q of QUESTIONNAIRES) expect(new Set(q.questions.map((x) => x.key)).size, q.key).toBe(q.questions.length);
  });

  it("give every scale one point per value, each with words and a face", () => {
    for (const question of QUESTIONNAIRES.flatMap((q) => q.questions)) {
      if (question.kind !== "scale") continue;
      const values = question.points.map((p) => p.value);
      expect(values).toEqual(Array.from({ length: question.max - question.min + 1 }, (_, i) => question.min + i));
      for (const point of question.points) {
        expect(point.word.length).toBeGreaterThan(0);
        expect(point.face.length).toBeGreaterThan(0);
      }
    }
  });

  it("are two check-ins, one per member role, asking about the same relationship with the same scale first", () => {
    expect(CHECK_INS.MENTEE.respondent).toBe("MENTEE");
    expect(CHECK_INS.MENTOR.respondent).toBe("MENTOR");
    expect(MENTEE_CHECK_IN.questions[0]).toMatchObject({ key: CHECK_IN_SCALE_KEY, kind: "scale", min: 1, max: 5, isOptional: false });
    expect(MENTOR_CHECK_IN.questions).toEqual(MENTEE_CHECK_IN.questions);
    expect(MENTEE_CHECK_IN.questions[1]).toMatchObject({ kind: "text", isOptional: true });
    expect(questionnaireByKey("mentee-check-in")).toBe(MENTEE_CHECK_IN);
    expect(questionnaireByKey("nope")).toBeUndefined();
  });
});

describe("who may read the answers", () => {
  const maya = { roles: ["PUPIL", "MENTEE"], studentId: "maya" };
  const sam = { roles: ["PUPIL", "MENTOR"], studentId: "sam" };
  const staff = (role: string) => ({ roles: [role], studentId: null });

  it("lets the respondent, the coordinator and the DSL read a check-in, and never the other pupil", () => {
    expect(mayReadAnswers(MENTEE_CHECK_IN, maya, "maya")).toBe(true);
    expect(mayReadAnswers(MENTEE_CHECK_IN, sam, "maya")).toBe(false);
    expect(mayReadAnswers(MENTOR_CHECK_IN, sam, "sam")).toBe(true);
    expect(mayReadAnswers(MENTOR_CHECK_IN, maya, "sam")).toBe(false);
    expect(mayReadAnswers(MENTEE_CHECK_IN, staff("COORDINATOR"), "maya")).toBe(true);
    expect(mayReadAnswers(MENTEE_CHECK_IN, staff("DSL"), "maya")).toBe(true);
    expect(mayReadAnswers(MENTEE_CHECK_IN, staff("TEACHER"), "maya")).toBe(false);
    expect(mayReadAnswers(MENTEE_CHECK_IN, staff("ADMIN"), "maya")).toBe(false);
  });

  it("gives a pupil nothing of another's answers even if their roles were to name a staff reader", () => {
    expect(mayReadAnswers(MENTEE_CHECK_IN, { roles: ["COORDINATOR"], studentId: "sam" }, "maya")).toBe(false);
  });
});

describe("answer fields", () => {
  const schema = z.object(answerFields([MENTEE_CHECK_IN, MENTOR_CHECK_IN]));

  it("accepts a scale value and an optional sentence, and stores only what was answered", () => {
    const parsed = schema.parse({ going: "2", note: "  It is fine.  " });
    expect(answersFor(MENTEE_CHECK_IN, parsed)).toEqual([
      { questionKey: "going", scaleValue: 2, text: "" },
      { questionKey: "note", scaleValue: null, text: "It is fine." },
    ]);
    expect(answersFor(MENTEE_CHECK_IN, schema.parse({ going: "5", note: "" }))).toEqual([
      { questionKey: "going", scaleValue: 5, text: "" },
    ]);
  });

  it("says one plain thing for a missing or impossible scale value", () => {
    for (const going of [undefined, "", "0", "6", "2.5", "x"]) {
      const result = schema.safeParse({ going });
      expect(result.success).toBe(false);
      expect(result.error!.issues.map((i) => i.message)).toEqual(["Choose how mentoring is going, from 1 to 5."]);
    }
  });

  it("refuses two questionnaires that ask different things under one key on one form", () => {
    const other: Questionnaire = {
      ...MENTEE_CHECK_IN,
      key: "other",
      questions: [{ key: "going", kind: "text", text: "Say", isOptional: true, maxLength: 10 }],
    };
    expect(() => answerFields([MENTEE_CHECK_IN, other])).toThrow(/differs/);
  });

  it("lists required questions that have no answer", () => {
    expect(unansweredRequired(MENTEE_CHECK_IN, []).map((q) => q.key)).toEqual(["going"]);
    expect(unansweredRequired(MENTEE_CHECK_IN, [{ questionKey: "going", scaleValue: 3, text: "" }])).toEqual([]);
  });
});
