import { calendarFeedFor } from "@/features/feed/serve";

// A calendar app fetches this with no cookies (ADR 017): the token in the address is the only key.
// Any token that is not live in this school (wrong, turned off, replaced, another school's) is a 404.
const NOT_FOUND = () =>
  new Response("Not found", {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store" },
  });

export async function GET(_request: Request, { params }: { params: Promise<{ schoolId: string; file: string }> }) {
  const { schoolId, file } = await params;
  if (!file.endsWith(".ics")) return NOT_FOUND();
  const text = await calendarFeedFor(schoolId, file.slice(0, -".ics".length));
  if (text === null) return NOT_FOUND();
  return new Response(text, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'inline; filename="mentoring.ics"',
      "cache-control": "private, max-age=0, must-revalidate",
      "x-robots-tag": "noindex",
    },
  });
}
