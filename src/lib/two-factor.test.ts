import { describe, expect, it } from "vitest";
import { needsTwoFactor, normaliseTotpCode } from "./two-factor";

describe("needsTwoFactor", () => {
  const at = (requireTwoFactor: boolean, ...roles: string[]) => ({ roles, school: { requireTwoFactor } });

  it("asks admins, coordinators, DSLs and the head at a school that switched it on", () => {
    for (const role of ["ADMIN", "COORDINATOR", "DSL", "HEAD"]) expect(needsTwoFactor([at(true, role)])).toBe(true);
  });

  it("does not ask teachers or the chair of governors, or anyone at a school that has not", () => {
    expect(needsTwoFactor([at(true, "TEACHER"), at(true, "CHAIR_OF_GOVERNORS")])).toBe(false);
    expect(needsTwoFactor([at(false, "ADMIN", "DSL")])).toBe(false);
    expect(needsTwoFactor([])).toBe(false);
  });

  it("asks a trust colleague when any of their schools asks it of their role there", () => {
    expect(needsTwoFactor([at(false, "ADMIN"), at(true, "COORDINATOR")])).toBe(true);
    expect(needsTwoFactor([at(false, "ADMIN"), at(true, "TEACHER")])).toBe(false);
  });
});

describe("normaliseTotpCode", () => {
  it("takes six digits, with the space an app shows in the middle", () => {
    expect(normaliseTotpCode("123 456")).toBe("123456");
    expect(normaliseTotpCode(" 000111 ")).toBe("000111");
  });

  it("refuses anything else", () => {
    for (const bad of ["12345", "1234567", "12a456", "", "ABCDE-FGHJK"]) expect(normaliseTotpCode(bad)).toBeNull();
  });
});
