// Reads a PDF back as a reader's viewer would (Mozilla's PDF.js, an independent parser), so tests check
// the file's real text, not what the code meant to write. Offline: nothing is fetched.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export type PdfContents = {
  /** Each page's text, lines joined by "\n". */
  pages: string[];
  /** All pages, every run of white space as one space: for `toContain`. */
  text: string;
  title: string | null;
  language: string | null;
};

export async function readPdf(bytes: Uint8Array): Promise<PdfContents> {
  // PDF.js takes ownership of the buffer it is given: hand it a copy.
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false })
    .promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n += 1) {
      const content = await (await pdf.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
    }
    const { info } = (await pdf.getMetadata()) as { info: { Title?: string; Language?: string } };
    const text = pages.join(" ").replace(/\s+/g, " ").trim();
    return { pages, text, title: info.Title ?? null, language: info.Language ?? null };
  } finally {
    await pdf.destroy();
  }
}
