import "server-only";
import fs from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";

// PeerPath's PDF documents (ADR 023): a safeguarding file now, certificates and reports later. One
// small layer over pdfkit so every document has the same page, type, headings, footer and page
// numbers. Fonts come from the dejavu-fonts-ttf package on disk (any pupil's name, in any alphabet a
// school sees); nothing is fetched at run time. Text flows over pages; table cells do not, so long
// free text goes in paragraphs or notes, never in a table.

export const SAFEGUARDING_FOOTER = "Confidential — safeguarding";

const FONT_DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
const FONTS = { regular: path.join(FONT_DIR, "DejaVuSans.ttf"), bold: path.join(FONT_DIR, "DejaVuSans-Bold.ttf") };

const MARGIN = 56; // 2 cm
const INK = "#1a1a1a";
const MUTED = "#4a4a4a"; // 9:1 on white
const LINE = "#8a8a8a";
const SIZE = { title: 18, heading: 14, subheading: 11.5, body: 10, small: 8.5, code: 18 } as const;

export type PdfMeta = {
  title: string;
  /** Who the document is from, e.g. the school (the PDF's Author). */
  author: string;
  subject?: string;
  /** Printed at the foot of every page beside the page number, e.g. SAFEGUARDING_FOOTER. */
  footer: string;
};

export type PdfColumn = { header: string; /** Points, or "*" for an equal share of what is left. */ width?: number | "*" };

export type PdfCard = { heading: string; lines: readonly string[]; large?: { label: string; value: string }; after?: readonly string[] };

export type PdfWriter = {
  /** The document's title (once, at the top), with an optional line under it. */
  title: (text: string, subtitle?: string) => PdfWriter;
  heading: (text: string) => PdfWriter;
  subheading: (text: string) => PdfWriter;
  paragraph: (text: string, options?: { muted?: boolean; bold?: boolean }) => PdfWriter;
  /** Label–value pairs, one a line ("Year group: 8"). */
  facts: (rows: readonly (readonly [string, string])[]) => PdfWriter;
  /** A ruled table of short cells with a header row repeated on no later page: keep rows short. */
  table: (columns: readonly PdfColumn[], rows: readonly (readonly string[])[]) => PdfWriter;
  /** A bold first line and its lines under it, kept together at a page break where they fit. */
  note: (heading: string, lines: readonly string[]) => PdfWriter;
  rule: () => PdfWriter;
  /**
   * Cards to cut out, two a row inside dashed lines, never split over a page: a bold heading, lines, and
   * one large line (a code to type).
   */
  cards: (cards: readonly PdfCard[]) => PdfWriter;
  /** Adds the footer and "Page n of N" to every page and returns the file. */
  finish: () => Promise<Buffer>;
};

let fontCheck: boolean | null = null;
function requireFonts() {
  fontCheck ??= Object.values(FONTS).every((file) => fs.existsSync(file));
  if (!fontCheck) throw new Error(`PDF fonts not found in ${FONT_DIR}: run npm install (the dejavu-fonts-ttf package).`);
}

export function createPdf(meta: PdfMeta): PdfWriter {
  requireFonts();
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    // A path, so pdfkit never loads its built-in Helvetica (Latin-1 only) at all.
    font: FONTS.regular,
    lang: "en-GB",
    displayTitle: true,
    pdfVersion: "1.7",
    info: { Title: meta.title, Author: meta.author, Subject: meta.subject ?? meta.title, Creator: "PeerPath", Producer: "PeerPath" },
  });
  doc.registerFont("body", FONTS.regular);
  doc.registerFont("bold", FONTS.bold);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const width = () => doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  /** Starts a new page unless `height` more points fit on this one. */
  const keep = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };
  const lineHeight = (size: number) => size * 1.4;
  const write = (text: string, font: "body" | "bold", size: number, color: string, gap = 0) => {
    doc.font(font).fontSize(size).fillColor(color).text(text, doc.page.margins.left, doc.y, { width: width(), lineGap: 2 });
    if (gap) doc.moveDown(gap);
  };

  const writer: PdfWriter = {
    title(text, subtitle) {
      write(text, "bold", SIZE.title, INK, 0.2);
      if (subtitle) write(subtitle, "body", SIZE.body, MUTED, 0.4);
      doc.moveDown(0.6);
      return writer;
    },
    heading(text) {
      keep(lineHeight(SIZE.heading) + lineHeight(SIZE.body) * 4);
      doc.moveDown(0.6);
      write(text, "bold", SIZE.heading, INK, 0.3);
      return writer;
    },
    subheading(text) {
      keep(lineHeight(SIZE.subheading) + lineHeight(SIZE.body) * 3);
      doc.moveDown(0.3);
      write(text, "bold", SIZE.subheading, INK, 0.2);
      return writer;
    },
    paragraph(text, options = {}) {
      write(text, options.bold ? "bold" : "body", SIZE.body, options.muted ? MUTED : INK, 0.4);
      return writer;
    },
    facts(rows) {
      for (const [label, value] of rows) {
        keep(lineHeight(SIZE.body));
        doc
          .font("bold")
          .fontSize(SIZE.body)
          .fillColor(INK)
          .text(`${label}: `, doc.page.margins.left, doc.y, { width: width(), continued: true, lineGap: 2 })
          .font("body")
          .text(value === "" ? "—" : value, { lineGap: 2 });
      }
      doc.moveDown(0.5);
      return writer;
    },
    table(columns, rows) {
      keep(lineHeight(SIZE.body) * 3);
      doc.font("body").fontSize(SIZE.body).fillColor(INK);
      doc.table({
        position: { x: doc.page.margins.left, y: doc.y },
        maxWidth: width(),
        columnStyles: columns.map((c) => c.width ?? "*"),
        defaultStyle: { border: 0.5, borderColor: LINE, padding: 4 },
        data: [
          columns.map((c) => ({ text: c.header, type: "TH" as const, font: { src: "bold" }, backgroundColor: "#eeeeee" })),
          ...rows.map((row) => row.map((cell) => (cell === "" ? "—" : cell))),
        ],
      });
      doc.x = doc.page.margins.left;
      doc.moveDown(0.8);
      return writer;
    },
    note(heading, lines) {
      keep(lineHeight(SIZE.body) * Math.min(4, lines.length + 1));
      write(heading, "bold", SIZE.body, INK, 0.1);
      for (const line of lines) write(line, "body", SIZE.body, INK, 0.1);
      doc.moveDown(0.5);
      return writer;
    },
    rule() {
      keep(12);
      const y = doc.y + 2;
      doc
        .moveTo(doc.page.margins.left, y)
        .lineTo(doc.page.margins.left + width(), y)
        .lineWidth(0.5)
        .strokeColor(LINE)
        .stroke();
      doc.y = y + 8;
      return writer;
    },
    cards(cards) {
      const gap = 12;
      const pad = 10;
      const cardWidth = (width() - gap) / 2;
      const inner = cardWidth - pad * 2;
      const heightOf = (card: PdfCard) => {
        const measure = (text: string, font: "body" | "bold", size: number) =>
          doc.font(font).fontSize(size).heightOfString(text, { width: inner, lineGap: 2 });
        return (
          pad * 2 +
          measure(card.heading, "bold", SIZE.subheading) +
          4 +
          card.lines.reduce((sum, line) => sum + measure(line, "body", SIZE.body), 0) +
          (card.large ? measure(card.large.label, "body", SIZE.body) + measure(card.large.value, "bold", SIZE.code) + 4 : 0) +
          (card.after ?? []).reduce((sum, line) => sum + measure(line, "body", SIZE.body), 0)
        );
      };
      for (let i = 0; i < cards.length; i += 2) {
        const row = cards.slice(i, i + 2);
        const height = Math.max(...row.map(heightOf));
        keep(height + gap);
        const top = doc.y;
        row.forEach((card, column) => {
          const x = doc.page.margins.left + column * (cardWidth + gap);
          doc.save().lineWidth(0.75).strokeColor(LINE).dash(4, { space: 3 }).rect(x, top, cardWidth, height).stroke().undash().restore();
          const line = (text: string, font: "body" | "bold", size: number, y: number) => {
            doc
              .font(font)
              .fontSize(size)
              .fillColor(INK)
              .text(text, x + pad, y, { width: inner, lineGap: 2 });
            return doc.y;
          };
          let y = line(card.heading, "bold", SIZE.subheading, top + pad) + 4;
          for (const text of card.lines) y = line(text, "body", SIZE.body, y);
          if (card.large) {
            y = line(card.large.label, "body", SIZE.body, y);
            y = line(card.large.value, "bold", SIZE.code, y) + 4;
          }
          for (const text of card.after ?? []) y = line(text, "body", SIZE.body, y);
        });
        doc.x = doc.page.margins.left;
        doc.y = top + height + gap;
      }
      return writer;
    },
    async finish() {
      const pages = doc.bufferedPageRange();
      for (let i = pages.start; i < pages.start + pages.count; i += 1) {
        doc.switchToPage(i);
        // The footer sits in the bottom margin: without this, writing there would start a new page.
        const margin = doc.page.margins.bottom;
        doc.page.margins.bottom = 0;
        const y = doc.page.height - MARGIN + 20;
        doc.font("body").fontSize(SIZE.small).fillColor(MUTED);
        doc.text(meta.footer, doc.page.margins.left, y, { width: width(), lineBreak: false });
        doc.text(`Page ${i - pages.start + 1} of ${pages.count}`, doc.page.margins.left, y, {
          width: width(),
          align: "right",
          lineBreak: false,
        });
        doc.page.margins.bottom = margin;
      }
      doc.end();
      return ended;
    },
  };
  return writer;
}
