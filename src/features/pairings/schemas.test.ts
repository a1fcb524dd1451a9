import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  CLOSURE_REASONS,
  changePairingStatusSchema,
  closureReasonLabels,
  createPairingSchema,
  pauseMyPlaceSchema,
  pausePairingSchema,
  resumePauseSchema,
} from "./schemas";

function fieldErrors(schema: z.ZodType, value: unknown): Record<string, string[]> {
  const result = schema.safeParse(value);
  if (result.success) return {};
  return z.flattenError(result.error).fieldErrors as Record<string, string[]>;
}

describe("createPairingSchema", () => {
  const good = { programmeId: "prog1", kind: "ONE_TO_ONE", mentorIds: "m1", menteeIds: ["e1"], startsOn: "2026-11-02" };

  it("accepts a form with one mentor and one mentee, defaulting the name", () => {
    expect(createPairingSchema.parse(good)).toEqual({
      programmeId: "prog1",
      kind: "ONE_TO_ONE",
      mentorIds: ["m1"],
      menteeIds: ["e1"],
      name: "",
      startsOn: "2026-11-02",
      trainingOverrideReason: "",
    });
  });

  it("accepts a group with several of each", () => {
    const parsed = createPairingSchema.parse({
      ...good,
      kind: "GROUP",
      mentorIds: ["m1", "m2"],
      menteeIds: ["e1", "e2", "e3"],
      name: " Lunch club ",
    });
    expect(parsed.mentorIds).toHaveLength(2);
    expect(parsed.name).toBe("Lunch club");
  });

  it("says what to fix on an empty form", () => {
    expect(fieldErrors(createPairingSchema, {})).toEqual({
      programmeId: ["Choose one."],
      kind: ["Choose 1:1 pair or group."],
      mentorIds: ["Choose a mentor."],
      menteeIds: ["Choose a mentee."],
      startsOn: ["Enter a date."],
    });
  });

  it("refuses an unknown kind, a bad date and a long name", () => {
    const errors = fieldErrors(createPairingSchema, { ...good, kind: "TRIO", startsOn: "2026-02-31", name: "x".repeat(81) });
    expect(errors.kind).toEqual(["Choose 1:1 pair or group."]);
    expect(errors.startsOn).toEqual(["Enter a real date, like 2026-11-03."]);
    expect(errors.name).toEqual(["Use at most 80 characters."]);
  });
});

describe("changePairingStatusSchema", () => {
  it("accepts a change of status without a reason", () => {
    expect(changePairingStatusSchema.parse({ pairingId: "p1", status: "PAUSED", closureReason: "" })).toEqual({
      pairingId: "p1",
      status: "PAUSED",
      closureReason: undefined,
    });
  });

  it("needs a reason to end a pairing", () => {
    expect(fieldErrors(changePairingStatusSchema, { pairingId: "p1", status: "ENDED" }).closureReason).toEqual([
      "Choose why the pairing is ending.",
    ]);
    expect(fieldErrors(changePairingStatusSchema, { pairingId: "p1", status: "ENDED", closureReason: "" }).closureReason).toEqual([
      "Choose why the pairing is ending.",
    ]);
    expect(changePairingStatusSchema.parse({ pairingId: "p1", status: "ENDED", closureReason: "GOALS_MET" }).closureReason).toBe(
      "GOALS_MET",
    );
  });

  it("refuses an unknown status or reason", () => {
    expect(fieldErrors(changePairingStatusSchema, { pairingId: "p1", status: "DONE" }).status).toEqual(["Choose a status."]);
    expect(
      fieldErrors(changePairingStatusSchema, { pairingId: "p1", status: "ENDED", closureReason: "BORED" }).closureReason?.length,
    ).toBeGreaterThan(0);
  });

  it("labels every closure reason", () => {
    for (const reason of CLOSURE_REASONS) expect(closureReasonLabels[reason]).toMatch(/\w/);
  });
});

describe("pauseMyPlaceSchema", () => {
  it("needs no reason, and keeps one if the mentee gives it", () => {
    expect(pauseMyPlaceSchema.parse({ pairingId: "p1" })).toEqual({ pairingId: "p1", reason: "" });
    expect(pauseMyPlaceSchema.parse({ pairingId: "p1", reason: "  Too much homework  " })).toEqual({
      pairingId: "p1",
      reason: "Too much homework",
    });
  });

  it("says what to fix in a reason that is too long or has invisible characters", () => {
    expect(fieldErrors(pauseMyPlaceSchema, { pairingId: "p1", reason: "x".repeat(501) }).reason).toEqual(["Use at most 500 characters."]);
    expect(fieldErrors(pauseMyPlaceSchema, { pairingId: "p1", reason: "a\u0000b" }).reason).toEqual([
      "Remove the unusual invisible characters from this text.",
    ]);
    expect(fieldErrors(pauseMyPlaceSchema, {}).pairingId).toEqual(["Choose one."]);
  });
});

describe("pausePairingSchema", () => {
  it("pauses the whole pairing unless a mentee is chosen", () => {
    expect(pausePairingSchema.parse({ pairingId: "p1", studentId: "", reason: "Exams" })).toEqual({
      pairingId: "p1",
      studentId: undefined,
      reason: "Exams",
    });
    expect(pausePairingSchema.parse({ pairingId: "p1", studentId: "s1", reason: "Exams" }).studentId).toBe("s1");
  });

  it("needs a reason, and a real choice of mentee", () => {
    expect(fieldErrors(pausePairingSchema, { pairingId: "p1", reason: "  " }).reason).toEqual(["Say why you are pausing it."]);
    expect(fieldErrors(pausePairingSchema, { pairingId: "p1", reason: "x".repeat(501) }).reason).toEqual(["Use at most 500 characters."]);
    expect(fieldErrors(pausePairingSchema, { pairingId: "p1", studentId: "<script>", reason: "Exams" }).studentId).toEqual([
      "That is not a valid choice.",
    ]);
  });
});

describe("resumePauseSchema", () => {
  it("needs the pause", () => {
    expect(resumePauseSchema.parse({ pauseId: "x1" })).toEqual({ pauseId: "x1" });
    expect(fieldErrors(resumePauseSchema, { pauseId: "" }).pauseId).toEqual(["Choose one."]);
  });
});
