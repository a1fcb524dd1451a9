import "server-only";
import { notFound } from "next/navigation";
import { env } from "@/env";
import type { Actor } from "@/server/actor";
import { writeAudit } from "@/server/audit";
import { db } from "@/server/db";
import { renderCodeSheet } from "./document";
import { getSetUpCodeSheet } from "./queries";

/** "set-up-codes-7A.pdf": letters and digits of the tutor group only. */
function fileNameFor(tutorGroup: string): string {
  return `set-up-codes-${tutorGroup.replace(/[^A-Za-z0-9-]/g, "") || "group"}.pdf`;
}

/**
 * GET /staff/pupil-accounts/codes.pdf?tutorGroup=7A: the tutor group's live codes as an A4 PDF, for the
 * school's admins and coordinators (anyone else, signed out included, the not-found page). Never kept
 * by a browser or proxy; each download is audited.
 */
export async function setUpCodeSheetDownload(actor: Actor | null, request: Request): Promise<Response> {
  if (!actor || actor.mustChangePassword) notFound();
  const url = new URL(request.url);
  const sheet = await getSetUpCodeSheet(actor, url.searchParams.get("tutorGroup"));
  await writeAudit(db, actor, {
    action: "pupil_accounts.codes_printed",
    recordType: "TutorGroup",
    recordId: null,
    changes: { tutorGroup: sheet.tutorGroup, cards: sheet.cards.length },
  });
  const pdf = await renderCodeSheet(sheet, (env.APP_URL ?? url.origin).replace(/\/+$/, ""));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${fileNameFor(sheet.tutorGroup)}"`,
      "content-length": String(pdf.length),
      "cache-control": "no-store",
      "x-robots-tag": "noindex",
    },
  });
}
