import { describe, expect, it } from "vitest";
import { open, seal } from "./sealed";

describe("seal and open", () => {
  it("opens what it sealed, in the same context", () => {
    const sealed = seal("ABCDE12345", "school-1:user-1");
    expect(open(sealed, "school-1:user-1")).toBe("ABCDE12345");
  });

  it("never stores the plain value, and seals the same value differently each time", () => {
    const a = seal("ABCDE12345", "ctx");
    const b = seal("ABCDE12345", "ctx");
    expect(a).not.toContain("ABCDE12345");
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it("does not open in another context (a sealed code copied onto another pupil's row)", () => {
    expect(open(seal("ABCDE12345", "school-1:user-1"), "school-1:user-2")).toBeNull();
  });

  it("does not open anything altered or malformed", () => {
    const sealed = seal("ABCDE12345", "ctx");
    const [v, iv, tag, body] = sealed.split(".") as [string, string, string, string];
    const flipped = Buffer.from(body, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(open([v, iv, tag, flipped.toString("base64url")].join("."), "ctx")).toBeNull();
    expect(open([v, iv, Buffer.alloc(16).toString("base64url"), body].join("."), "ctx")).toBeNull();
    for (const bad of ["", "v1", "v2.a.b.c", `${sealed}.extra`, "v1.%%%.b.c"]) expect(open(bad, "ctx")).toBeNull();
  });
});
