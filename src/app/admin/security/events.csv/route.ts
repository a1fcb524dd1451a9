import { getActor } from "@/server/session";
import { securityEventsDownload } from "@/features/security-log/download";

// The school's security events as CSV, with the page's filters (issue 11). Admins only; anyone else a 404.
export async function GET(request: Request) {
  return securityEventsDownload(await getActor(), new URL(request.url).searchParams);
}
