import { getActor } from "@/server/session";
import { setUpCodeSheetDownload } from "@/features/pupil-accounts/download";

// A tutor group's set-up codes as a printable PDF (issue 11). Admins and coordinators; anyone else a 404.
export async function GET(request: Request) {
  return setUpCodeSheetDownload(await getActor(), request);
}
