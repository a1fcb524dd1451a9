import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/env";
import { contentSecurityPolicy, isHttpsRequest, newNonce } from "@/lib/security-headers";

// Optimistic redirects only: no session cookie → sign-in. Who may see what is decided on the
// server for every read and action, never here (ADR 007). Also gives every response it sees a
// Content-Security-Policy with a fresh nonce (ADR 011).
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const SIGNED_IN_AREAS = ["/coordinator", "/admin", "/staff", "/mentor", "/student", "/account", "/safeguarding", "/concerns"];
/** Classroom screens work signed out (ADR 024), so they are not a signed-in area. */
const NOTICEBOARD_AREA = "/noticeboard/";
/** Set-password links (issue 11): signed out too, and the token in the address is the key. */
const SET_PASSWORD_AREA = "/set-password/";

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

async function respond(request: NextRequest, policy: string): Promise<NextResponse> {
  if (await isMalformedAction(request)) {
    return new NextResponse(EMPTY_FORM, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const path = request.nextUrl.pathname;
  const isSignedInArea = path === "/" || SIGNED_IN_AREAS.some((area) => path === area || path.startsWith(`${area}/`));
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (isSignedInArea && !hasSession) return NextResponse.redirect(new URL("/sign-in", request.url));
  // Next reads the nonce from the request's policy and puts it on every script it renders.
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  return NextResponse.next({ request: { headers } });
}

export async function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy({
    nonce: newNonce(),
    isHttps: isHttpsRequest(request.headers),
    isDevelopment: env.NODE_ENV !== "production",
  });
  const response = await respond(request, policy);
  response.headers.set("content-security-policy", policy);
  if (request.nextUrl.pathname.startsWith(NOTICEBOARD_AREA) || request.nextUrl.pathname.startsWith(SET_PASSWORD_AREA)) {
    // A classroom screen's address (ADR 024) or a set-password link is its only key: never kept by a
    // cache, never sent on as a referrer.
    response.headers.set("cache-control", "private, no-store");
    response.headers.set("referrer-policy", "no-referrer");
  }
  return response;
}

export const config = {
  // Every page (for the empty-action check and the policy), the auth API and any 404, not the build's
  // files, which are never documents.
  matcher: ["/((?!_next/static/|_next/image).*)"],
};
