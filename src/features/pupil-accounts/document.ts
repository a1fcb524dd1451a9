import "server-only";
import { format, parseISO } from "date-fns";
import { createPdf } from "@/server/pdf";
import type { SetUpCodeSheet } from "./queries";

export const CODE_SHEET_FOOTER = "Keep safe: each code sets a pupil's password. Give each card only to its pupil.";

/** "Sunday 13 December 2026": on a card a pupil keeps, always with the year. */
const longDate = (day: string) => format(parseISO(day), "EEEE d MMMM yyyy");

/**
 * The A4 sheet of a tutor group's set-up codes (ADR 023's PDF layer): a title, how to hand them out,
 * then a card per pupil to cut out. `origin` is where PeerPath is opened, e.g. https://peerpath.school.
 */
export function renderCodeSheet(sheet: SetUpCodeSheet, origin: string): Promise<Buffer> {
  const title = `Set-up codes: ${sheet.tutorGroup}`;
  const pdf = createPdf({
    title,
    author: sheet.schoolName,
    subject: `PeerPath set-up codes for ${sheet.tutorGroup}`,
    footer: CODE_SHEET_FOOTER,
  });
  pdf.title(title, `${sheet.schoolName}. Cut along the dashed lines and give each pupil their own card. Each code works once.`);
  if (sheet.cards.length === 0) {
    pdf.paragraph("No pupil in this tutor group has a set-up code waiting. Make new codes on the pupil accounts page first.");
    return pdf.finish();
  }
  pdf.cards(
    sheet.cards.map((card) => ({
      heading: card.name,
      lines: ["Sign in with your school email:", card.email],
      large: { label: "Your set-up code:", value: card.code },
      after: [`Go to ${origin}/set-up`, `Use it before ${longDate(card.expiresOn)}.`],
    })),
  );
  return pdf.finish();
}
