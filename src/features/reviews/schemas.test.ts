import { describe, expect, it } from "vitest";
import { z } from "zod";
import { REVIEW_DECISIONS, recordReviewSchema, reviewDecisionLabels } from "./schemas";

function fieldErrors(schema: z.ZodType, value: unknown): Record<string, string[]> {
  const result = schema.safeParse(value);
  if (result.success) return {};
  return z.flattenError(result.error).fieldErrors as Record<string, string[]>;
}

describe("recordReviewSchema", () => {
  const good = { pairingId: "p1", heldOn: "2026-11-02", progress: "4", notes: "Going well", decision: "CONTINUE" };

  it("accepts a review and coerces the rating", () => {
    expect(recordReviewSchema.parse(good)).toEqual({ ...good, progress: 4 });
    expect(recordReviewSchema.parse({ ...good, notes: undefined }).notes).toBe("");
  });

  it.each(["0", "6", "", "great"])("refuses a rating of %j with a message", (progress) => {
    const errors = fieldErrors(recordReviewSchema, { ...good, progress });
    expect(errors.progress?.length).toBeGreaterThan(0);
    expect(errors.progress?.every((m) => m.length > 0)).toBe(true);
  });

  it("says what to fix on an empty form", () => {
    const errors = fieldErrors(recordReviewSchema, {});
    expect(errors.pairingId).toEqual(["Choose one."]);
    expect(errors.heldOn).toEqual(["Enter a date."]);
    expect(errors.decision).toEqual(["Choose a decision."]);
    expect(errors.progress).toEqual(["Choose a rating from 1 to 5."]);
  });

  it("limits the notes", () => {
    expect(fieldErrors(recordReviewSchema, { ...good, notes: "x".repeat(4001) }).notes).toEqual(["Use at most 4000 characters."]);
  });

  it("labels every decision", () => {
    for (const decision of REVIEW_DECISIONS) expect(reviewDecisionLabels[decision]).toMatch(/\w/);
  });
});
