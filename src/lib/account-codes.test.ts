import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatSetUpCode, newSetUpCode, normaliseSetUpCode, SET_UP_CODE_LENGTH } from "./account-codes";

describe("set-up codes", () => {
  it("are 10 characters with no I, L, O or U", () => {
    const code = newSetUpCode(new Uint8Array([0, 1, 8, 17, 18, 21, 27, 31, 255, 224]));
    // 0→0, 1→1, 8→8, 17→H, 18→J, 21→N, 27→V, 31→Z, 255 (31)→Z, 224 (0)→0.
    expect(code).toBe("018HJNVZZ0");
    expect(formatSetUpCode(code)).toBe("018HJ-NVZZ0");
    expect(() => newSetUpCode(new Uint8Array(9))).toThrow();
  });

  it("forgive what a pupil types: case, spaces, dashes, O for 0, I and L for 1", () => {
    expect(normaliseSetUpCode(" 0189h-jpzz o")).toBe("0189HJPZZ0");
    expect(normaliseSetUpCode("ol89HJPZZ0")).toBe("0189HJPZZ0");
    expect(normaliseSetUpCode("0189HJPZZ")).toBeNull();
    expect(normaliseSetUpCode("0189HJPZZU")).toBeNull();
    expect(normaliseSetUpCode("")).toBeNull();
  });

  it("read back as themselves, however they are printed", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: SET_UP_CODE_LENGTH, maxLength: 16 }), (bytes) => {
        const code = newSetUpCode(bytes);
        expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
        expect(normaliseSetUpCode(formatSetUpCode(code))).toBe(code);
        expect(normaliseSetUpCode(formatSetUpCode(code).toLowerCase())).toBe(code);
      }),
    );
  });
});
