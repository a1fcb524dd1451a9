import { NextResponse, type NextRequest } from "next/server";

// Optimistic redirects only: no session cookie → sign-in. Who may see what is decided on the
// server for every read and action, never here (ADR 007).
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession) return NextResponse.redirect(new URL("/sign-in", request.url));
  return NextResponse.next();
}

export const config = {
  matcher: ["/", "/coordinator/:path*", "/admin/:path*", "/staff/:path*", "/mentor/:path*", "/student/:path*", "/account/:path*"],
};
