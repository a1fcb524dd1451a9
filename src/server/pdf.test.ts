import { describe, expect, it } from "vitest";
import { readPdf } from "@/test-support/pdf-text";
import { createPdf, SAFEGUARDING_FOOTER } from "./pdf";

describe("createPdf", () => {
  it("writes a PDF whose text a viewer reads back: title, headings, facts, table, notes, footer and page numbers", async () => {
    const pdf = createPdf({ title: "Test document", author: "Test School", footer: SAFEGUARDING_FOOTER })
      .title("Test document", "Made for a test")
      .heading("First heading")
      .facts([
        ["Pupil", "Łukasz Wiśniewski"],
        ["Empty", ""],
      ])
      .table(
        [{ header: "When", width: 120 }, { header: "What" }],
        [
          ["3 Nov 2026", "Spoke to the pupil"],
          ["4 Nov 2026", ""],
        ],
      )
      .subheading("A subheading");
    // Enough notes to run over several pages.
    for (let i = 1; i <= 60; i += 1) pdf.note(`Note ${i}`, [`Line for note ${i}. `.repeat(8)]).rule();
    const bytes = await pdf.finish();

    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const read = await readPdf(bytes);
    expect(read.title).toBe("Test document");
    expect(read.language).toBe("en-GB");
    expect(read.pages.length).toBeGreaterThan(2);
    expect(read.text).toContain("Test document Made for a test First heading");
    expect(read.text).toContain("Pupil: Łukasz Wiśniewski");
    expect(read.text).toContain("Empty: —");
    expect(read.text).toMatch(/When What 3 Nov 2026 Spoke to the pupil 4 Nov 2026 —/);
    expect(read.text).toContain("Note 60 Line for note 60.");
    read.pages.forEach((page, i) => {
      expect(page).toContain(SAFEGUARDING_FOOTER);
      expect(page).toContain(`Page ${i + 1} of ${read.pages.length}`);
    });
  });
});
