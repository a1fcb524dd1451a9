import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeCsvBytes, decodeWindows1252 } from "./decode";

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(__dirname, "fixtures", name)));

describe("decodeCsvBytes", () => {
  it("reads UTF-8 with a BOM and drops the BOM", () => {
    const decoded = decodeCsvBytes(fixture("sims-utf8-bom.csv"));
    expect(decoded.encoding).toBe("utf-8");
    expect(decoded.hadBom).toBe(true);
    expect(decoded.text.startsWith("UPN,Adno,")).toBe(true);
  });

  it("reads UTF-8 without a BOM", () => {
    const decoded = decodeCsvBytes(new TextEncoder().encode("Name\nZoë O’Brien\n"));
    expect(decoded).toEqual({ text: "Name\nZoë O’Brien\n", encoding: "utf-8", hadBom: false });
  });

  it("reads Windows-1252 when the bytes are not UTF-8: O’Brien and Zoë", () => {
    const decoded = decodeCsvBytes(fixture("bromcom-windows-1252.csv"));
    expect(decoded.encoding).toBe("windows-1252");
    expect(decoded.hadBom).toBe(false);
    expect(decoded.text).toContain(";O’Brien;Zoë;");
    expect(decoded.text).toContain(";Müller;José;");
  });

  it("reads UTF-16LE with its BOM (Excel's Unicode text)", () => {
    const decoded = decodeCsvBytes(fixture("excel-utf16.csv"));
    expect(decoded.encoding).toBe("utf-16le");
    expect(decoded.hadBom).toBe(true);
    expect(decoded.text).toContain("Łukasz\tŻaneta");
    expect(decoded.text.charCodeAt(0)).toBe("U".charCodeAt(0));
  });

  it("reads an empty file as empty UTF-8", () => {
    expect(decodeCsvBytes(new Uint8Array())).toEqual({ text: "", encoding: "utf-8", hadBom: false });
  });
});

describe("decodeWindows1252", () => {
  it("decodes 0x80–0x9F by WHATWG's table, byte by byte", () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    expect(decodeWindows1252(bytes)).toBe("€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ");
  });

  it("keeps every other byte as its own code point", () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i).filter((b) => b < 0x80 || b > 0x9f);
    const text = decodeWindows1252(bytes);
    expect([...text].map((c) => c.charCodeAt(0))).toEqual([...bytes]);
  });

  it("decodes 0x92 as ’, which Node's own windows-1252 decoder gets wrong", () => {
    expect(decodeWindows1252(Uint8Array.from([0x4f, 0x92, 0x42]))).toBe("O’B");
  });

  it("decodes a long file in chunks", () => {
    const bytes = new Uint8Array(50_000).fill(0x92);
    expect(decodeWindows1252(bytes)).toBe("’".repeat(50_000));
  });
});
