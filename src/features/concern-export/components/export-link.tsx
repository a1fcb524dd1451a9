import { Download } from "lucide-react";
import { buttonClasses } from "@/components/ui/button";

/** The address of a pupil's file as a PDF (the route handler under src/app/safeguarding/pupils). */
export const exportPathFor = (studentId: string) => `/safeguarding/pupils/${encodeURIComponent(studentId)}/export`;

/**
 * "Download file (PDF)" for a safeguarding lead: the pupil's whole file for a transfer, other pupils as
 * initials (ADR 023). A plain link, so the browser downloads the attachment; each download is audited.
 */
export function ExportLink({ studentId }: { studentId: string }) {
  return (
    <div className="space-y-1">
      <a href={exportPathFor(studentId)} download className={buttonClasses("secondary")} aria-describedby={`export-hint-${studentId}`}>
        <Download aria-hidden="true" className="h-5 w-5" />
        Download file (PDF)
      </a>
      <p id={`export-hint-${studentId}`} className="text-sm text-muted">
        Every concern and its chronology, with other pupils as initials. Each download is recorded.
      </p>
    </div>
  );
}
