import { describe, expect, it } from "vitest";
import { z } from "zod";
import { logSessionSchema } from "./schemas";

function fieldErrors(schema: z.ZodType, value: unknown): Record<string, string[]> {
  const result = schema.safeParse(value);
  if (result.success) return {};
  return z.flattenError(result.error).fieldErrors as Record<string, string[]>;
}

describe("logSessionSchema", () => {
  const form = { pairingId: "p1", heldOn: "2026-11-02", durationMinutes: "20", activityId: "act1", notes: "Read a chapter" };

  it("gathers attendance_<id> and mood_<id> fields from a form into pupils", () => {
    const parsed = logSessionSchema.parse({ ...form, attendance_s1: "PRESENT", mood_s1: "4", attendance_s2: "LATE", mood_s2: "" });
    expect(parsed).toEqual({
      pairingId: "p1",
      heldOn: "2026-11-02",
      durationMinutes: 20,
      activityId: "act1",
      notes: "Read a chapter",
      noteVisibility: "STAFF_ONLY",
      fitCheckNote: "",
      pupils: [
        { studentId: "s1", attendance: "PRESENT", mood: 4 },
        { studentId: "s2", attendance: "LATE", mood: undefined },
      ],
    });
  });

  it("accepts pupils given as a list", () => {
    const parsed = logSessionSchema.parse({ ...form, pupils: [{ studentId: "s1", attendance: "ABSENT" }] });
    expect(parsed.pupils).toEqual([{ studentId: "s1", attendance: "ABSENT" }]);
  });

  it("says who came is missing", () => {
    expect(fieldErrors(logSessionSchema, form).pupils).toEqual(["Say who came."]);
  });

  it.each([
    ["4", "At least 5 minutes."],
    ["181", "At most 180 minutes."],
    ["20.5", "Use whole minutes."],
    ["twenty", "Enter the minutes, like 20."],
  ])("refuses %s minutes", (durationMinutes, message) => {
    expect(fieldErrors(logSessionSchema, { ...form, durationMinutes, attendance_s1: "PRESENT" }).durationMinutes).toEqual([message]);
  });

  it("refuses a missing activity, a bad date and a bad attendance", () => {
    const result = logSessionSchema.safeParse({ ...form, activityId: "", heldOn: "yesterday", attendance_s1: "MAYBE" });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => i.message);
    expect(messages).toContain("Choose what you did.");
    expect(messages).toContain("Enter a real date, like 2026-11-03.");
    expect(messages).toContain("Choose present, late or absent.");
  });

  it("refuses a mood outside 1 to 5", () => {
    expect(logSessionSchema.safeParse({ ...form, attendance_s1: "PRESENT", mood_s1: "9" }).success).toBe(false);
  });
});
