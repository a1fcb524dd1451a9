import { NextRequest } from "next/server";
import { looksLikeHost } from "@/lib/host-name";
import { handlers } from "@/server/auth";

/**
 * Auth.js builds single sign-on's callback address from the request's URL (issue 12), but behind the
 * front server Next sees its own loopback address. The front server sets X-Forwarded-Host and
 * X-Forwarded-Proto itself (ADR 005: the Host the browser sent, or a trusted proxy's), so the address
 * people use is rebuilt from them: the redirect_uri at the provider and at the token exchange match.
 */
function asTheBrowserSentIt(request: NextRequest): NextRequest {
  const host = request.headers.get("x-forwarded-host");
  const protocol = request.headers.get("x-forwarded-proto") === "https" ? "https" : "http";
  // A host that is not a host name (a client's own Host header, unchecked) leaves the request as it is.
  if (!host || !looksLikeHost(host) || !URL.canParse(`${protocol}://${host}`)) return request;
  return new NextRequest(new URL(`${request.nextUrl.pathname}${request.nextUrl.search}`, `${protocol}://${host}`), request);
}

export const GET = (request: NextRequest) => handlers.GET(asTheBrowserSentIt(request));
export const POST = (request: NextRequest) => handlers.POST(asTheBrowserSentIt(request));
