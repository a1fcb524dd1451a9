import "server-only";
import { createPdf, SAFEGUARDING_FOOTER } from "@/server/pdf";
import type { PupilConcernFile } from "./queries";

/** The pupil's safeguarding file as a PDF for a transfer (ADR 023): already written in words, other pupils as initials. */
export function renderConcernFile(file: PupilConcernFile): Promise<Buffer> {
  const { pupil } = file;
  const title = `Safeguarding file: ${pupil.name}`;
  const pdf = createPdf({ title, author: file.schoolName, subject: "Child protection file for a transfer", footer: SAFEGUARDING_FOOTER })
    .title(
      title,
      `Exported from PeerPath by ${file.exportedBy}, ${file.schoolName}, on ${file.exportedAt}. Other pupils appear as initials.`,
    )
    .facts([
      ["Pupil", pupil.name],
      ...(pupil.knownAs ? ([["Known as", pupil.knownAs]] as const) : []),
      ["Unique pupil number (UPN)", pupil.upn],
      ["Year group", `Year ${pupil.yearGroup}`],
      ["Tutor group", pupil.tutorGroup],
      ["Concerns in this file", String(file.concerns.length)],
    ]);

  if (file.concerns.length === 0) {
    pdf.paragraph("There are no safeguarding concerns about this pupil in PeerPath.");
  } else {
    pdf.heading("Summary").table(
      [{ header: "No.", width: 36 }, { header: "Raised", width: 120 }, { header: "Category" }, { header: "Status", width: 90 }],
      file.concerns.map((c) => [String(c.number), c.raisedAt, c.isUrgent ? `${c.category} (urgent)` : c.category, c.status]),
    );
  }

  for (const concern of file.concerns) {
    pdf
      .heading(`Concern ${concern.number} of ${file.concerns.length}: ${concern.category}`)
      .facts([
        ["Raised", `${concern.raisedAt} by ${concern.raisedBy}`],
        ["Status", concern.status],
        ["Someone in danger at the time", concern.isUrgent ? "Yes" : "No"],
        ["About", concern.pupils.join(", ")],
        ...(concern.aboutStaff ? ([["About a member of staff", concern.aboutStaff]] as const) : []),
        ...(concern.sharedNote ? ([["Note shared with coordinators", concern.sharedNote]] as const) : []),
      ]);
    pdf.subheading("Chronology");
    for (const entry of concern.entries) pdf.note(`${entry.when} · ${entry.title}`, entry.lines);
    pdf.rule();
  }
  pdf.paragraph("End of file.", { muted: true });
  return pdf.finish();
}
