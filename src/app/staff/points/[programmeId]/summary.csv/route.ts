import { getActor } from "@/server/session";
import { summaryCsvDownload } from "@/features/points/summary-csv";

// A programme's weekly points summary as CSV (ADR 024). Staff who read points get it; anyone else a 404.
export async function GET(request: Request, { params }: { params: Promise<{ programmeId: string }> }) {
  const { programmeId } = await params;
  return summaryCsvDownload(await getActor(), programmeId, new URL(request.url).searchParams.get("week"));
}
