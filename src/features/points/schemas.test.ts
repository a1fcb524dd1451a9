import { describe, expect, it } from "vitest";
import { z } from "zod";
import { awardPointsSchema, reversePointsSchema } from "./schemas";

function fieldErrors(schema: z.ZodType, value: unknown): Record<string, string[]> {
  const result = schema.safeParse(value);
  if (result.success) return {};
  return z.flattenError(result.error).fieldErrors as Record<string, string[]>;
}

describe("awardPointsSchema", () => {
  const good = { programmeId: "prog1", studentIds: ["s1", "s2"], amount: "5", categoryId: "cat1", reason: "Helped a new pupil" };

  it("coerces the amount from the form", () => {
    expect(awardPointsSchema.parse(good)).toEqual({ ...good, amount: 5 });
    expect(awardPointsSchema.parse({ ...good, amount: "-2" }).amount).toBe(-2);
  });

  it.each([
    ["0", "Enter a number other than 0."],
    ["11", "At most 10 points can be given at once."],
    ["-11", "At most 10 points can be taken away at once."],
    ["2.5", "Use a whole number."],
    ["lots", "Enter a number of points, like 5 or -2."],
  ])("refuses an amount of %s", (amount, message) => {
    expect(fieldErrors(awardPointsSchema, { ...good, amount }).amount).toEqual([message]);
  });

  it("needs pupils and a category; the amount and reason may be left empty (the award rules decide)", () => {
    const errors = fieldErrors(awardPointsSchema, { programmeId: "prog1", amount: "1", categoryId: "", reason: " a " });
    expect(errors.studentIds).toEqual(["Choose at least one pupil."]);
    expect(errors.categoryId).toEqual(["Choose a category."]);
    expect(errors.reason).toBeUndefined();
    expect(awardPointsSchema.parse({ ...good, amount: "", reason: "" })).toMatchObject({ amount: undefined, reason: "" });
  });

  it("refuses a reason over 200 characters", () => {
    expect(fieldErrors(awardPointsSchema, { ...good, reason: "x".repeat(201) }).reason).toEqual(["Use at most 200 characters."]);
  });
});

describe("reversePointsSchema", () => {
  it("accepts an entry and a reason", () => {
    expect(reversePointsSchema.parse({ entryId: "e1", reason: " Given to the wrong pupil " })).toEqual({
      entryId: "e1",
      reason: "Given to the wrong pupil",
    });
  });

  it("says what to fix", () => {
    expect(fieldErrors(reversePointsSchema, { entryId: "", reason: "no" })).toEqual({
      entryId: ["Choose one."],
      reason: ["Say why this is being corrected."],
    });
  });
});
