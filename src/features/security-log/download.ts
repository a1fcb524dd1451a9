import "server-only";
import { notFound } from "next/navigation";
import { stringify } from "csv-stringify/sync";
import type { Actor } from "@/server/actor";
import { db } from "@/server/db";
import { writeAudit } from "@/server/audit";
import { formatStaffDateTime, todayIn } from "@/lib/dates";
import { securityEventFilters } from "./filters";
import { listSecurityEventsForExport } from "./queries";

export function securityEventsCsv(rows: Awaited<ReturnType<typeof listSecurityEventsForExport>>, timezone: string): string {
  return stringify(
    [
      ["When", "Who", "Email", "What happened", "Kind", "Address"],
      ...rows.map((r) => [formatStaffDateTime(r.at, timezone), r.person, r.email, r.words, r.kind, r.ip]),
    ],
    { escape_formulas: true },
  );
}

/**
 * GET /admin/security/events.csv with the page's filters: the school's admins only (anyone else, signed
 * out included, the not-found page). Each export is audited with its filters.
 */
export async function securityEventsDownload(actor: Actor | null, params: URLSearchParams): Promise<Response> {
  if (!actor || actor.mustChangePassword) notFound();
  const filters = securityEventFilters(Object.fromEntries(params.entries()));
  const rows = await listSecurityEventsForExport(actor, filters);
  await writeAudit(db, actor, {
    action: "security_events.exported",
    recordType: "School",
    recordId: actor.schoolId,
    changes: { personId: filters.personId ?? null, from: filters.from ?? null, to: filters.to ?? null, rows: rows.length },
  });
  return new Response(securityEventsCsv(rows, actor.timezone), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="security-events-${todayIn(actor.timezone)}.csv"`,
      "cache-control": "no-store",
      "x-robots-tag": "noindex",
    },
  });
}
