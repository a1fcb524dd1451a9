import { describe, expect, it } from "vitest";
import { isAppPath } from "./app-path";

describe("a path inside the app", () => {
  it("accepts paths with a query or fragment", () => {
    for (const path of ["/", "/notifications", "/mentor/log/abc_123", "/coordinator?programme=x&page=2", "/student#next"])
      expect(isAppPath(path), path).toBe(true);
  });

  it("refuses anything a browser could read as another site, and anything odd", () => {
    for (const path of [
      "",
      "notifications",
      "https://evil.example/",
      "//evil.example/x",
      "/\\evil.example",
      "\\\\evil.example",
      "javascript:alert(1)",
      "/a b",
      "/a\nb",
      "/a\u0000",
      ` /x`,
      `/${"x".repeat(600)}`,
    ])
      expect(isAppPath(path), JSON.stringify(path)).toBe(false);
  });
});
