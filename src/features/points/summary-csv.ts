import "server-only";
import { notFound } from "next/navigation";
import { stringify } from "csv-stringify/sync";
import type { Actor } from "@/server/actor";
import { getWeeklyPointsSummary } from "./history-queries";
import { summaryWeek } from "./board-request";

type Summary = Awaited<ReturnType<typeof getWeeklyPointsSummary>>;

/**
 * The weekly summary as CSV (ADR 024): one row per category and per giver. csv-stringify quotes as a
 * spreadsheet expects and escapes formulas in text cells, so a name starting with "=" cannot run.
 */
export function summaryCsv(summary: Summary): string {
  const rows: (string | number)[][] = [
    ["Programme", "Week starting", "Grouped by", "Name", "Points given", "Points taken away", "Entries"],
    ...summary.byCategory.map((l) => [summary.programme.name, summary.weekStart, "Category", l.label, l.given, l.taken, l.entries]),
    ...summary.byGiver.map((l) => [summary.programme.name, summary.weekStart, "Given by", l.label, l.given, l.taken, l.entries]),
  ];
  return stringify(rows, { escape_formulas: true });
}

/** GET /staff/points/<programme>/summary.csv?week=YYYY-MM-DD: staff who read points; anyone else a 404. */
export async function summaryCsvDownload(actor: Actor | null, programmeId: string, week: string | null): Promise<Response> {
  if (!actor || actor.mustChangePassword) notFound();
  const weekStart = summaryWeek(week ?? undefined, actor.timezone);
  const summary = await getWeeklyPointsSummary(actor, programmeId, weekStart);
  const body = summaryCsv(summary);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="points-week-${weekStart}.csv"`,
      "cache-control": "no-store",
      "x-robots-tag": "noindex",
    },
  });
}
