import { describe, expect, it } from "vitest";
import { z } from "zod";
import { changePasswordSchema, signInSchema, switchSchoolSchema } from "./schemas";

function fieldErrors(schema: z.ZodType, value: unknown): Record<string, string[]> {
  const result = schema.safeParse(value);
  if (result.success) return {};
  return z.flattenError(result.error).fieldErrors as Record<string, string[]>;
}

describe("signInSchema", () => {
  it("normalises the email", () => {
    expect(signInSchema.parse({ email: "  Head@School.ORG ", password: "x" })).toEqual({ email: "head@school.org", password: "x" });
  });

  it("says what is missing", () => {
    expect(fieldErrors(signInSchema, { email: "", password: "" })).toEqual({
      email: ["Enter your email address."],
      password: ["Enter your password."],
    });
  });

  it("refuses something that is not an email", () => {
    expect(fieldErrors(signInSchema, { email: "not-an-email", password: "x" }).email).toEqual([
      "Enter an email address like name@school.org.",
    ]);
  });

  it("refuses a very long password", () => {
    expect(fieldErrors(signInSchema, { email: "a@b.org", password: "x".repeat(201) }).password).toEqual(["That password is too long."]);
  });
});

describe("changePasswordSchema", () => {
  const good = { currentPassword: "old password 1", newPassword: "a brand new passphrase", confirmPassword: "a brand new passphrase" };

  it("accepts a good change", () => {
    expect(changePasswordSchema.safeParse(good).success).toBe(true);
  });

  it("needs at least 12 characters", () => {
    expect(fieldErrors(changePasswordSchema, { ...good, newPassword: "short", confirmPassword: "short" }).newPassword).toEqual([
      "Use at least 12 characters.",
    ]);
  });

  it("needs the two new passwords to match", () => {
    expect(fieldErrors(changePasswordSchema, { ...good, confirmPassword: "something else entirely" }).confirmPassword).toEqual([
      "The two new passwords do not match.",
    ]);
  });

  it("refuses the current password as the new one", () => {
    const same = { currentPassword: good.newPassword, newPassword: good.newPassword, confirmPassword: good.newPassword };
    expect(fieldErrors(changePasswordSchema, same).newPassword).toEqual(["Choose a password you have not used here."]);
  });

  it("asks for the current password", () => {
    expect(fieldErrors(changePasswordSchema, { ...good, currentPassword: "" }).currentPassword).toEqual(["Enter your current password."]);
  });
});

describe("switchSchoolSchema", () => {
  it("needs a school id", () => {
    expect(switchSchoolSchema.safeParse({ schoolId: "abc" }).success).toBe(true);
    expect(fieldErrors(switchSchoolSchema, { schoolId: "" }).schoolId?.length).toBeGreaterThan(0);
    expect(fieldErrors(switchSchoolSchema, {}).schoolId?.length).toBeGreaterThan(0);
  });
});
