import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isoDate, optionalText, recordId, recordIdList } from "./schema-helpers";

function messages(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => issue.message);
}

describe("recordId", () => {
  it("accepts an id and trims it", () => {
    expect(recordId.parse("  clx123  ")).toBe("clx123");
  });

  it.each([
    ["empty", "", "Choose one."],
    ["blank", "   ", "Choose one."],
    ["missing", undefined, "Choose one."],
    ["a number", 42, "Choose one."],
    ["too long", "x".repeat(41), "That is not a valid choice."],
  ])("refuses %s with a message", (_label, value, message) => {
    expect(messages(recordId, value)).toEqual([message]);
  });
});

describe("isoDate", () => {
  it.each(["2026-11-03", "2024-02-29", " 2026-01-01 "])("accepts %s", (value) => {
    expect(isoDate.parse(value)).toBe(value.trim());
  });

  it("asks for a date when empty", () => {
    expect(messages(isoDate, "")).toContain("Enter a date.");
    expect(messages(isoDate, undefined)).toContain("Enter a date.");
  });

  it.each(["2026-02-30", "2025-02-29", "03/11/2026", "2026-1-3", "tomorrow", "2026-13-01"])("refuses %s as not a real date", (value) => {
    expect(messages(isoDate, value)).toContain("Enter a real date, like 2026-11-03.");
  });
});

describe("recordIdList", () => {
  const list = recordIdList("Choose a mentor.");

  it("turns one value into a list of one", () => {
    expect(list.parse("a")).toEqual(["a"]);
  });

  it("keeps a list", () => {
    expect(list.parse(["a", "b"])).toEqual(["a", "b"]);
  });

  it.each([undefined, "", []])("says what to choose when given %j", (value) => {
    expect(messages(list, value)).toEqual(["Choose a mentor."]);
  });

  it("refuses more than 30", () => {
    const ids = Array.from({ length: 31 }, (_, i) => `id${i}`);
    expect(messages(list, ids)).toContain("Choose at most 30.");
  });

  it("refuses a blank id inside the list", () => {
    expect(messages(list, ["a", ""])).toEqual(["That is not a valid choice."]);
  });
});

describe("optionalText", () => {
  const text = optionalText(5);

  it("defaults to an empty string and trims", () => {
    expect(text.parse(undefined)).toBe("");
    expect(text.parse("  hi  ")).toBe("hi");
  });

  it("refuses text over the limit with the limit in the message", () => {
    expect(messages(text, "toolong")).toEqual(["Use at most 5 characters."]);
  });
});
