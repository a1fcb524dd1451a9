import "server-only";
import { notFound } from "next/navigation";
import type { Actor } from "@/server/actor";
import { renderConcernFile } from "./document";
import { getPupilConcernFile } from "./queries";

/**
 * The answer to GET /safeguarding/pupils/<id>/export (ADR 023): the pupil's file as a PDF attachment
 * named by initials and date, never stored by a browser or proxy. Anyone who may not read it (signed
 * out included) gets Next's 404, the same as for a pupil who does not exist.
 */
export async function concernFileDownload(actor: Actor | null, studentId: string): Promise<Response> {
  if (!actor || actor.mustChangePassword) notFound();
  const file = await getPupilConcernFile(actor, studentId);
  const pdf = await renderConcernFile(file);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "content-length": String(pdf.length),
      "cache-control": "no-store",
      "x-robots-tag": "noindex",
    },
  });
}
