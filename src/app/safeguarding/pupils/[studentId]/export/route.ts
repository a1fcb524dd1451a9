import { getActor } from "@/server/session";
import { concernFileDownload } from "@/features/concern-export/download";

// A safeguarding lead downloads a pupil's file as a PDF for a transfer (ADR 023). Anyone else gets a
// 404; the proxy sends a request without a session to sign in first, as for every signed-in area.
export async function GET(_request: Request, { params }: { params: Promise<{ studentId: string }> }) {
  const { studentId } = await params;
  return concernFileDownload(await getActor(), studentId);
}
