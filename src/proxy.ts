import { NextResponse, type NextRequest } from "next/server";

// Optimistic redirects only: no session cookie → sign-in. Who may see what is decided on the
// server for every read and action, never here (ADR 007).
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const SIGNED_IN_AREAS = ["/coordinator", "/admin", "/staff", "/mentor", "/student", "/account"];

const EMPTY_FORM = "This form arrived empty. Please reload the page and try again.";

/**
 * A server action posted with no body, or with a form that holds none of what the browser sends with
 * one (its arguments, field "0"), fails inside Next before any of our code runs (ADR 010): refuse it
 * here, in words, instead of with a server error.
 */
async function isMalformedAction(request: NextRequest): Promise<boolean> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return false;
  if (request.headers.get("content-length") === "0") return true;
  if (!request.headers.get("content-type")?.startsWith("multipart/form-data")) return false;
  try {
    return !(await request.clone().formData()).has("0");
  } catch {
    return true;
  }
}

export async function proxy(request: NextRequest) {
  if (await isMalformedAction(request)) {
    return new NextResponse(EMPTY_FORM, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const path = request.nextUrl.pathname;
  const isSignedInArea = path === "/" || SIGNED_IN_AREAS.some((area) => path === area || path.startsWith(`${area}/`));
  if (!isSignedInArea) return NextResponse.next();
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession) return NextResponse.redirect(new URL("/sign-in", request.url));
  return NextResponse.next();
}

export const config = {
  // Every page (for the empty-action check), not Next's own files or the auth API.
  matcher: ["/((?!_next/|api/|favicon.ico).*)"],
};
